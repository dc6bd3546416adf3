-- Prepended to every script of this folder by QueueStore: the scripts' time.
-- now_ms(arg): epoch ms from the argument, or Redis TIME when it is '' (production; tests pass a controllable clock).
local function now_ms(arg)
  local n = tonumber(arg)
  if n ~= nil then
    return n
  end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
