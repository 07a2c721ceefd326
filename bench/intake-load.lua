-- wrk script posting inbound messages, each with its own externalMessageId and sender: as fast as the connections
-- allow (bench/intake.sh), or paced (bench/status-page.sh's low-rate poster beside its runs).
-- args: token, mode, batch size, run label (keeps ids unique across runs), pause between a connection's requests in
-- ms (optional, none by default)
--   mode "single": POST /api/v1/messages, one message a request; a 202 is one message accepted
--   mode "batch":  POST /api/v1/messages/batch, a JSON array of <batch size> messages; each "accepted" result counts
-- Prints when done:  INTAKE requests=<n> messages=<accepted messages> <status>=<count> ...
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  token = args[1]
  mode = args[2]
  size = tonumber(args[3])
  label = args[4]
  local pause = tonumber(args[5] or "0")
  if pause > 0 then
    delay = function() return pause end -- wrk paces only a script that has delay() once init has run
  end
  n = 0
  messages = 0
  statuses = {}
  path = mode == "batch" and "/api/v1/messages/batch" or "/api/v1/messages"
  headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
end

local function message(key, i)
  return string.format('{"channel":"email","sender":"user%d@example.com","name":"Bench User %d",'
      .. '"subject":"Order %d did not arrive","text":"Hello, I ordered item %d last week and it has not arrived yet. '
      .. 'Could you check the delivery status, please? Thanks.","externalMessageId":"%s"}',
      i % 5000, i % 5000, i, i, key)
end

function request()
  n = n + 1
  local key = label .. "-" .. tid .. "-" .. n
  if mode ~= "batch" then
    return wrk.format("POST", path, headers, message(key, n * 7 + tid))
  end
  local parts = {}
  for k = 1, size do
    parts[k] = message(key .. "-" .. k, (n * size + k) * 7 + tid)
  end
  return wrk.format("POST", path, headers, "[" .. table.concat(parts, ",") .. "]")
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if mode == "batch" then
    if status == 200 then
      local _, count = string.gsub(body, '"status":"accepted"', "")
      messages = messages + count
    end
  elseif status == 202 then
    messages = messages + 1
  end
end

function done(summary, latency, requests)
  local total, accepted, sent = {}, 0, 0
  for _, thread in ipairs(threads) do
    accepted = accepted + thread:get("messages")
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
      sent = sent + count
    end
  end
  local list = {}
  for status, count in pairs(total) do
    table.insert(list, status .. "=" .. count)
  end
  table.sort(list)
  io.write(string.format("INTAKE requests=%d messages=%d %s\n", sent, accepted, table.concat(list, " ")))
end
