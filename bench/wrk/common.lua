-- Shared by the benchmark's wrk scripts: per-thread status counters reported in done(), lines of a data
-- file split between threads, and a bounded request count per thread.
local M = {}
local threads = {}

function M.setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function M.read_lines(path)
  local lines = {}
  if path == nil or path == "" then return lines end
  for line in io.lines(path) do
    if line ~= "" then table.insert(lines, line) end
  end
  return lines
end

function M.split(line)
  local out = {}
  for field in string.gmatch(line, "%S+") do table.insert(out, field) end
  return out
end

-- The request headers of a session line {userId, accessToken, queueToken} ("-" = none), for a MODE:
-- gateway (Bearer access token), direct (X-User-Id, as the gateway forwards) or queue-only (no user header).
function M.headers(fields, mode)
  local h = {["Content-Type"] = "application/json"}
  if mode == "direct" then
    h["X-User-Id"] = fields[1]
  elseif mode ~= "queue-only" then
    h["Authorization"] = "Bearer " .. fields[2]
  end
  if fields[3] and fields[3] ~= "-" then h["X-Queue-Token"] = fields[3] end
  return h
end

-- Counts statuses in the thread's globals (read back in done()).
function M.count(status)
  local key = "s" .. status
  counts[key] = (counts[key] or 0) + 1
end

function M.done()
  local totals = {}
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    if c then
      for k, v in pairs(c) do totals[k] = (totals[k] or 0) + v end
    end
  end
  local parts = {}
  for k, v in pairs(totals) do table.insert(parts, string.format("\"%s\":%d", string.sub(k, 2), v)) end
  table.sort(parts)
  io.write("STATUS_COUNTS {" .. table.concat(parts, ",") .. "}\n")
end

return M
