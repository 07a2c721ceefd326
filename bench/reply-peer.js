// Runs crisp's email-reply-parser (npm) over the inputs exported by ReplyAccuracyReport and writes
// {id: visibleText} for the same scoring. Usage: node reply-peer.js <node_modules dir> <inputs.json> <out.json>
const path = require("path");
const fs = require("fs");
const [modules, inputFile, outFile] = process.argv.slice(2);
const mod = require(path.join(modules, "email-reply-parser"));
const EmailReplyParser = mod.default || mod.EmailReplyParser || mod;
const inputs = JSON.parse(fs.readFileSync(inputFile, "utf8"));
const out = {};
let failures = 0;
for (const [id, text] of Object.entries(inputs)) {
  try {
    out[id] = new EmailReplyParser().read(text).getVisibleText();
  } catch (e) {
    failures++;
    out[id] = "";
  }
}
if (failures > 0) {
  console.error(`peer threw on ${failures} inputs (scored as empty output)`);
}
fs.writeFileSync(outFile, JSON.stringify(out));
