-- Replays a fixed plan: PLAN_FILE lines "userId accessToken queueToken path json-body", sent as that user through
-- the gateway; each thread takes every Nth line (N = THREADS) and stops as soon as its share is sent, so the run
-- lasts as long as the plan and nothing else is measured (the answers still in flight then, at most one per
-- connection, are not counted; the database is the judge of what the plan did).
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
local c = require("common")
counts = {}
local plan, n, sent, expected
setup = c.setup
function init(args)
  local all = c.read_lines(os.getenv("PLAN_FILE"))
  local id = tonumber(wrk.thread:get("id"))
  local threads = tonumber(os.getenv("THREADS") or "2")
  plan = {}
  for k, line in ipairs(all) do
    if (k - 1) % threads == id then
      local f = c.split(line)
      table.insert(plan, {headers = c.headers(f, "gateway"), path = f[4], body = f[5]})
    end
  end
  n, sent, expected = 0, 0, #plan
end
function request()
  n = n + 1
  if n > #plan then
    -- the plan is sent: stop this thread; the request returned here is never sent
    wrk.thread:stop()
    return wrk.format("GET", "/v1/api/bench/none")
  end
  local p = plan[n]
  return wrk.format("POST", p.path, p.headers, p.body)
end
function response(status, headers, body)
  c.count(status)
  sent = sent + 1
  if sent >= expected then wrk.thread:stop() end
end
done = c.done
