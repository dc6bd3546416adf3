-- Seeds the waiting line: POST /v1/api/queue/token for users FIRST_USER.. (COUNT in all, split between
-- THREADS), one request per user; every SAMPLE_EVERY-th token is appended to SAMPLE_FILE.<thread>.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
local c = require("common")
counts = {}
local next_user, last_user, every, out, received, expected
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
  every = tonumber(os.getenv("SAMPLE_EVERY") or "1000")
  out = io.open(os.getenv("SAMPLE_FILE") .. "." .. id, "w")
end
function request()
  local u = next_user
  if u > last_user then u = last_user end
  next_user = next_user + 1
  return wrk.format("POST", "/v1/api/queue/token", {["Content-Type"] = "application/json"},
    string.format('{"userId":%d}', u))
end
function response(status, headers, body)
  c.count(status)
  received = received + 1
  if status == 200 and received % every == 0 then
    local token = string.match(body, '"queueToken"%s*:%s*"([^"]+)"')
    if token then out:write(token, "\n"); out:flush() end
  end
  if received >= expected then out:close(); wrk.thread:stop() end
end
done = c.done
