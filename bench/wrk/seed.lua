-- Seeds the waiting line of room ROOM (default 1) at queue-service itself: POST /v1/api/queue/token {"roomId": ROOM}
-- for users FIRST_USER.. (COUNT in all, split between THREADS), one request per user, named as the gateway names them
-- (X-User-Id: these ids have no account, and a million logins would measure password hashing, not the line).
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
local c = require("common")
counts = {}
local next_user, last_user, received, expected
local body = '{"roomId": ' .. tostring(tonumber(os.getenv("ROOM") or "1")) .. '}'
setup = c.setup
function init(args)
  local id = tonumber(wrk.thread:get("id"))
  local threads = tonumber(os.getenv("THREADS") or "2")
  local first = tonumber(os.getenv("FIRST_USER"))
  local count = tonumber(os.getenv("COUNT"))
  local share = math.floor(count / threads)
  next_user = first + id * share
  last_user = next_user + share - 1
  if id == threads - 1 then last_user = first + count - 1 end
  expected = last_user - next_user + 1
  received = 0
end
function request()
  local u = next_user
  if u > last_user then u = last_user end
  next_user = next_user + 1
  return wrk.format("POST", "/v1/api/queue/token",
    {["X-User-Id"] = tostring(u), ["Content-Type"] = "application/json"}, body)
end
function response(status, headers, body)
  c.count(status)
  received = received + 1
  if received >= expected then wrk.thread:stop() end
end
done = c.done
