#!/usr/bin/env bash
# Reply-extraction accuracy on the shared corpora (dev part), Tact vs crisp's email-reply-parser (npm) measured
# in the same run with the same metric. Appends a section to bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA:-$( (ls -d /usr/lib/jvm/*{21,22,23,24,25}* 2>/dev/null || true) | sort -V | tail -1)/bin/java}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"
PEER_VERSION=2.3.5
PEER_ARGS=()
PEER_NOTE=""
if command -v node >/dev/null && command -v npm >/dev/null \
    && (cd "$WORK" && npm init -y >/dev/null 2>&1 && npm install --silent "email-reply-parser@$PEER_VERSION" >/dev/null 2>&1); then
  "$JAVA" -cp "$CP" dev.tact.mail.ReplyAccuracyReport --export-inputs "$WORK/inputs.json"
  node bench/reply-peer.js "$WORK/node_modules" "$WORK/inputs.json" "$WORK/peer.json"
  PEER_ARGS=(--peer "$WORK/peer.json" --peer-name "crisp email-reply-parser@$PEER_VERSION")
else
  PEER_NOTE="Peer not run: node/npm or the npm package email-reply-parser@$PEER_VERSION was unavailable."
fi
TABLE="$("$JAVA" -cp "$CP" dev.tact.mail.ReplyAccuracyReport "${PEER_ARGS[@]}")"
{
  echo
  echo "## Reply extraction accuracy (dev corpora)"
  echo
  echo "- Command: \`bench/reply-accuracy.sh\`"
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "- Commit: $(git rev-parse --short HEAD)"
  echo "- Machine: $(nproc) cores, $(uname -sr), $("$JAVA" -version 2>&1 | head -1)"
  echo "- Metrics: *exact* = visible text equals the fixture's expected reply under its compare mode (exact, strip,"
  echo "  rstrip, no_whitespace). *Line accuracy* = share of the input's non-blank lines whose kept/removed label"
  echo "  agrees with the expectation (both labelings got by aligning the reply's lines to the input in order)."
  echo "  *Checks* = the upstream assertions that map onto Tact's model (reply_contains/not_contains, quoted_*,"
  echo "  first-fragment checks compared with the visible text). Items needing a non-default upstream config are"
  echo "  excluded. The peer runs on the same inputs (HTML given to it as jsoup's text), scored by the same code."
  echo "  Each upstream parser passes 100% of its own fixtures by construction; the corpora disagree on some emails."
  echo "- Leave one family out: the corpora copy each other's fixtures within a family (github + zapier, willdurand"
  echo "  + crisp, Discourse's two, talon's three), so one family at a time is left out; starting from every"
  echo "  dev.tact.mail.reply.ReplyRule, a rule is dropped when the other families match exactly more often without"
  echo "  it, and the rules kept are scored on the family left out. The vocabulary (verbs, field names, separators)"
  echo "  is always in. Charset-less .eml fixtures are read as UTF-8 (Tact's reader guesses so; earlier runs read"
  echo "  them as US-ASCII, which cost one receiver-labels fixture)."
  [ -n "$PEER_NOTE" ] && echo "- $PEER_NOTE"
  echo
  echo "$TABLE"
} | tee -a bench/RESULTS.md
