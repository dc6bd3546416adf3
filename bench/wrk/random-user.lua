-- POST {"userId": random 1..USER_MAX} to REQ_PATH (token issue, charge), or GET REQ_PATH..<random id>.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
local c = require("common")
local user_max = tonumber(os.getenv("USER_MAX") or "100000")
local amount = os.getenv("AMOUNT")
counts = {}
setup = c.setup
function init(args)
  math.randomseed(os.time() + tonumber(wrk.thread:get("id") or 0) * 7919)
end
local method = os.getenv("METHOD") or "POST"
function request()
  if method == "GET" then
    return wrk.format("GET", os.getenv("REQ_PATH") .. math.random(1, user_max))
  end
  local body
  if amount then
    body = string.format('{"userId":%d,"amount":%s}', math.random(1, user_max), amount)
  else
    body = string.format('{"userId":%d}', math.random(1, user_max))
  end
  return wrk.format("POST", os.getenv("REQ_PATH"), {["Content-Type"] = "application/json"}, body)
end
function response(status) c.count(status) end
done = c.done
