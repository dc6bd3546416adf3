-- One admission step. Any number of queue-service instances run it concurrently; the script alone
-- enforces the limits (Redis runs it atomically), so N instances never admit more than one would.
--   1. ends admissions whose time ran out (bounded batch)
--   2. drops waiting users who stopped polling (bounded batch)
--   3. moves the head of the line to active: never above maxActive, never faster than a token bucket
--      shared by all instances allows (refilled at ratePerSecond, holding at most burst = rate x interval)
--   4. updates the measured admission rate (time-weighted EWMA, only while users wait)
-- KEYS[1] queue:waiting  KEYS[2] queue:heartbeat  KEYS[3] queue:admitted
-- KEYS[4] queue:admission:bucket  KEYS[5] queue:admission:rate
-- ARGV[1] maxActive  ARGV[2] ratePerSecond  ARGV[3] burst  ARGV[4] activeTtlMs  ARGV[5] idleTimeoutMs
-- ARGV[6] purgeBatch  ARGV[7] maxBatch  ARGV[8] rateSmoothingMs  ARGV[9] user key prefix (queue:user:)
-- ARGV[10] read-model prefix (queue:active:)
-- Returns {admitted, waiting after, active after, admissions ended, idle dropped, admitted user ids...}
local function int(x)
  return string.format('%d', x)
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local maxActive = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local ttl = tonumber(ARGV[4])
local idleMs = tonumber(ARGV[5])
local purgeBatch = tonumber(ARGV[6])
local maxBatch = tonumber(ARGV[7])
local smoothingMs = tonumber(ARGV[8])
local userPrefix = ARGV[9]
local activePrefix = ARGV[10]

-- 1. admissions whose time ran out (their read-model keys expire by TTL on their own)
local ended = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', int(now), 'LIMIT', 0, purgeBatch)
for _, uid in ipairs(ended) do
  redis.call('ZREM', KEYS[3], uid)
  local uk = userPrefix .. uid
  local tok = redis.call('HGET', uk, 't')
  if tok then
    redis.call('DEL', activePrefix .. tok)
    redis.call('DEL', uk)
  end
end

-- 2. waiting users whose last poll is older than the idle timeout
local idle = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', int(now - idleMs), 'LIMIT', 0, purgeBatch)
for _, uid in ipairs(idle) do
  redis.call('ZREM', KEYS[2], uid)
  redis.call('ZREM', KEYS[1], uid)
  redis.call('DEL', userPrefix .. uid)
end

-- 3. the shared token bucket decides how many may enter now
local b = redis.call('HMGET', KEYS[4], 'tokens', 'ts')
local tokens, ts = tonumber(b[1]), tonumber(b[2])
if tokens == nil or ts == nil then
  tokens, ts = burst, now
end
if now > ts then
  tokens = tokens + (now - ts) * rate / 1000
  ts = now
end
if tokens > burst then
  tokens = burst
end
local active = redis.call('ZCARD', KEYS[3])
local waiting = redis.call('ZCARD', KEYS[1])
local n = math.min(math.floor(tokens), maxActive - active, waiting, maxBatch)

local ids = {}
local popped = {}
if n > 0 then
  popped = redis.call('ZPOPMIN', KEYS[1], n)
  local activeUntil = int(now + ttl)
  for i = 1, #popped, 2 do
    local uid = popped[i]
    redis.call('ZREM', KEYS[2], uid)
    local uk = userPrefix .. uid
    local tok = redis.call('HGET', uk, 't')
    if tok then
      redis.call('SET', activePrefix .. tok, uid, 'PX', ttl)
      redis.call('ZADD', KEYS[3], activeUntil, uid)
      redis.call('HSET', uk, 'a', int(now))
      redis.call('PEXPIRE', uk, ttl)
      ids[#ids + 1] = uid
    end
  end
  tokens = tokens - #ids
end
redis.call('HSET', KEYS[4], 'tokens', string.format('%.4f', tokens), 'ts', int(ts))

-- 4. measured admission rate: admissions per second while users wait, all instances together
local r = redis.call('HMGET', KEYS[5], 'ewma', 'ts')
local ewma, rts = tonumber(r[1]), tonumber(r[2])
if ewma == nil or rts == nil then
  redis.call('HSET', KEYS[5], 'ewma', string.format('%.3f', rate), 'ts', int(now))
elseif now >= rts then
  if waiting > 0 then
    local dt = math.max(now - rts, 1)
    local w = math.exp(-dt / smoothingMs)
    ewma = ewma * w + (1 - w) * (#ids * 1000 / dt)
  end
  redis.call('HSET', KEYS[5], 'ewma', string.format('%.3f', ewma), 'ts', int(now))
end

local result = {#ids, waiting - #popped / 2, active + #ids, #ended, #idle}
for _, uid in ipairs(ids) do
  result[#result + 1] = uid
end
return result
