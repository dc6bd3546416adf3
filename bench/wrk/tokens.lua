-- METHOD REQ_PATH (optional BODY) as the users of SESSIONS_FILE, round-robin. A line is "userId accessToken
-- queueToken" ("-" where there is none). MODE says how the user is named, as each caller would:
--   gateway     Authorization: Bearer <access token> (+ X-Queue-Token), what clients send;
--   direct      X-User-Id (+ X-Queue-Token), what the gateway forwards to a service;
--   queue-only  X-Queue-Token alone (the benchmark route that skips the access-token check).
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
local c = require("common")
counts = {}
local sessions, i
local mode = os.getenv("MODE") or "gateway"
local method = os.getenv("METHOD") or "GET"
local path = os.getenv("REQ_PATH")
local body = os.getenv("BODY")
setup = c.setup
function init(args)
  sessions = {}
  for _, line in ipairs(c.read_lines(os.getenv("SESSIONS_FILE"))) do
    table.insert(sessions, c.headers(c.split(line), mode))
  end
  i = tonumber(wrk.thread:get("id") or 0) * 7919
end
function request()
  i = i + 1
  local headers = sessions[(i % #sessions) + 1]
  return wrk.format(method, path, headers, body)
end
function response(status) c.count(status) end
done = c.done
