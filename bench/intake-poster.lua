-- wrk script for bench/status-page.sh: a low-rate poster of inbound messages (POST /api/v1/messages), each with its own
-- externalMessageId, sender and text, paced by delay(); counts the answers by status and prints them when done:
--   POSTER <status>=<count> ...
-- args: token, pause between a connection's requests in ms, a run label (keeps ids unique across runs).
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  token = args[1]
  pause = tonumber(args[2])
  label = args[3]
  n = 0
  statuses = {}
end

function delay()
  return pause
end

function request()
  n = n + 1
  local key = label .. "-" .. tid .. "-" .. n
  local body = string.format('{"channel":"email","sender":"poster%d-%d@example.com","name":"Poster %d",'
      .. '"subject":"Question %s","text":"Hello, this is question %s about invoice %d. Could you look at it?",'
      .. '"externalMessageId":"%s"}', tid, n, n, key, key, n * 7919 + tid, key)
  return wrk.format("POST", "/api/v1/messages",
      { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local line = "POSTER"
  for status, count in pairs(total) do
    line = line .. " " .. status .. "=" .. count
  end
  io.write(line .. "\n")
end
