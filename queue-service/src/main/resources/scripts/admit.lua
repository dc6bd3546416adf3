-- One admission step of one room. Any number of queue-service instances run it concurrently; the script alone
-- enforces the room's limits (Redis runs it atomically), so N instances never admit more than one would.
-- The limits are read from the room hash on every step, so a change applies at the next step.
--   1. ends sessions whose time ran out (bounded batch; in every state: a closed room's sessions run out too)
--   2. drops waiting and pre-queue users who stopped polling (bounded batch), counted as abandoned
--   3. OPEN only: moves the head of the line to admitted, never above maxActiveUsers, never faster than a token
--      bucket shared by all instances allows (newUsersPerMinute, holding at most the rate x interval). Each popped
--      candidate's last poll is checked: one older than the idle timeout is dropped as abandoned, never admitted
--      (at most maxBatch + purgeBatch candidates are looked at)
--   4. logs the admissions and abandonments (for "last minute" figures) and the measured rate (EWMA, while users
--      wait)
-- KEYS[1] room  KEYS[2] waiting  KEYS[3] heartbeat  KEYS[4] admitted  KEYS[5] bucket  KEYS[6] rate  KEYS[7] tokens
-- KEYS[8] admitted-at  KEYS[9] prequeue  KEYS[10] admits log  KEYS[11] abandons log
-- ARGV[1] now, epoch ms ('' = Redis TIME)  ARGV[2] idleTimeoutMs  ARGV[3] purgeBatch  ARGV[4] maxBatch
-- ARGV[5] rateSmoothingMs  ARGV[6] intervalMs  ARGV[7] the room's read-model prefix (queue:{room-R}:active:)
-- Returns {admitted, waiting after, active after, sessions ended, abandoned, pre-queue after, state,
--          1 when the room is PRE_QUEUE and its sale start has passed (open it) else 0, admitted user ids...}
local function int(x)
  return string.format('%d', x)
end
local now = now_ms(ARGV[1])
local idleMs = tonumber(ARGV[2])
local purgeBatch = tonumber(ARGV[3])
local maxBatch = tonumber(ARGV[4])
local smoothingMs = tonumber(ARGV[5])
local intervalMs = tonumber(ARGV[6])
local activePrefix = ARGV[7]
local room = redis.call('HMGET', KEYS[1], 'state', 'maxActiveUsers', 'newUsersPerMinute', 'sessionMs', 'saleStartsAt')
local state = room[1]
if not state then
  return {0, 0, 0, 0, 0, 0, '', 0}
end
local maxActive = tonumber(room[2])
local rate = tonumber(room[3]) / 60
local session = tonumber(room[4])

-- 1. sessions whose time ran out
local ended = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', int(now), 'LIMIT', 0, purgeBatch)
for _, uid in ipairs(ended) do
  redis.call('ZREM', KEYS[4], uid)
  local tok = redis.call('HGET', KEYS[7], uid)
  if tok then
    redis.call('DEL', activePrefix .. tok)
    redis.call('HDEL', KEYS[7], uid)
  end
  redis.call('HDEL', KEYS[8], uid)
end

-- 2. waiting and pre-queue users whose last poll is older than the idle timeout
local idle = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', int(now - idleMs), 'LIMIT', 0, purgeBatch)
for _, uid in ipairs(idle) do
  redis.call('ZREM', KEYS[3], uid)
  redis.call('ZREM', KEYS[2], uid)
  redis.call('ZREM', KEYS[9], uid)
  redis.call('HDEL', KEYS[7], uid)
end
local abandoned = #idle

local waitingBefore = redis.call('ZCARD', KEYS[2])
local ids = {}
if state == 'OPEN' then
  -- 3. the shared token bucket decides how many may enter now
  local burst = math.max(1, math.floor(rate * intervalMs / 1000))
  local b = redis.call('HMGET', KEYS[5], 'tokens', 'ts')
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
  local n = math.min(math.floor(tokens), maxActive - redis.call('ZCARD', KEYS[4]), maxBatch)
  local examined = 0
  local endsAt = int(now + session)
  while #ids < n and examined < n + purgeBatch do
    local popped = redis.call('ZPOPMIN', KEYS[2], 1)
    if #popped == 0 then
      break
    end
    examined = examined + 1
    local uid = popped[1]
    local beat = tonumber(redis.call('ZSCORE', KEYS[3], uid))
    redis.call('ZREM', KEYS[3], uid)
    local tok = redis.call('HGET', KEYS[7], uid)
    if beat == nil or beat <= now - idleMs or not tok then
      redis.call('HDEL', KEYS[7], uid)
      abandoned = abandoned + 1
    else
      redis.call('SET', activePrefix .. tok, uid, 'PX', session)
      redis.call("ZADD", KEYS[4], endsAt, uid)
      redis.call('HSET', KEYS[8], uid, int(now))
      ids[#ids + 1] = uid
    end
  end
  redis.call('HSET', KEYS[5], 'tokens', string.format('%.4f', tokens - #ids), 'ts', int(ts))

  -- measured admission rate: admissions per second while users wait, all instances together
  local r = redis.call('HMGET', KEYS[6], 'ewma', 'ts')
  local ewma, rts = tonumber(r[1]), tonumber(r[2])
  if ewma == nil or rts == nil then
    redis.call('HSET', KEYS[6], 'ewma', string.format('%.3f', rate), 'ts', int(now))
  elseif now >= rts then
    if waitingBefore > 0 then
      local dt = math.max(now - rts, 1)
      local w = math.exp(-dt / smoothingMs)
      ewma = ewma * w + (1 - w) * (#ids * 1000 / dt)
    end
    redis.call('HSET', KEYS[6], 'ewma', string.format('%.3f', ewma), 'ts', int(now))
  end
end

-- 4. the last minute's admissions and abandonments: one entry per step that had any, "<ms>:<count>:<a user>"
if #ids > 0 then
  redis.call('ZADD', KEYS[10], int(now), int(now) .. ':' .. #ids .. ':' .. ids[1])
end
redis.call('ZREMRANGEBYSCORE', KEYS[10], '-inf', int(now - 60000))
if abandoned > 0 then
  redis.call('ZADD', KEYS[11], int(now), int(now) .. ':' .. abandoned .. ':' .. (idle[1] or '-'))
end
redis.call('ZREMRANGEBYSCORE', KEYS[11], '-inf', int(now - 60000))

local due = 0
if state == 'PRE_QUEUE' and tonumber(room[5]) <= now then
  due = 1
end
local result = {#ids, redis.call('ZCARD', KEYS[2]), redis.call('ZCARD', KEYS[4]), #ended, abandoned,
                redis.call('ZCARD', KEYS[9]), state, due}
for _, uid in ipairs(ids) do
  result[#result + 1] = uid
end
return result
