-- METHOD PATH with Authorization taken round-robin from TOKENS_FILE (one token per line).
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
local c = require("common")
counts = {}
local tokens, i
setup = c.setup
function init(args)
  tokens = c.read_lines(os.getenv("TOKENS_FILE"))
  i = tonumber(wrk.thread:get("id") or 0) * 7919
end
function request()
  i = i + 1
  local headers = {["Authorization"] = tokens[(i % #tokens) + 1]}
  return wrk.format(os.getenv("METHOD") or "GET", os.getenv("REQ_PATH"), headers, nil)
end
function response(status) c.count(status) end
done = c.done
