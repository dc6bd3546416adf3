-- A room's figures in one round trip (read only).
-- KEYS[1] room  KEYS[2] waiting  KEYS[3] prequeue  KEYS[4] admitted  KEYS[5] rate  KEYS[6] admits log
-- KEYS[7] abandons log
-- ARGV[1] now, epoch ms ('' = Redis TIME)
-- Returns {} no such room, else {waiting, pre-queue, active, measured rate or '', admitted in the last minute,
--          abandoned in the last minute, room hash field, value...}
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {}
end
local now = now_ms(ARGV[1])
local function lastMinute(key)
  local sum = 0
  for _, entry in ipairs(redis.call('ZRANGEBYSCORE', key, string.format('(%d', now - 60000), '+inf')) do
    local _, _, count = string.find(entry, '^%d+:(%d+):')
    sum = sum + (tonumber(count) or 0)
  end
  return sum
end
local result = {redis.call('ZCARD', KEYS[2]), redis.call('ZCARD', KEYS[3]), redis.call('ZCARD', KEYS[4]),
                redis.call('HGET', KEYS[5], 'ewma') or '', lastMinute(KEYS[6]), lastMinute(KEYS[7])}
for _, v in ipairs(redis.call('HGETALL', KEYS[1])) do
  result[#result + 1] = v
end
return result
