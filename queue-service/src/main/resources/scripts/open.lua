-- The opening of a room at its sale start: the pre-queue is shuffled uniformly at random into the line, in one
-- atomic step (only one opening ever happens: the state must still be PRE_QUEUE). Blocks Redis for O(N) (N = the
-- pre-queue; measured in the README).
--   1. the pre-queue's members in arrival order (their sequence), minus those whose last poll is older than the
--      idle timeout (dropped)
--   2. Fisher-Yates over that list, driven by the Park-Miller "minstd" generator (x <- x * 48271 mod 2^31-1, exact
--      in Lua's doubles) from the seed Java drew; a draw in 1..i rejects the generator's top partial range, so each
--      index is exactly uniform. QueueStore's Java replay reproduces the order from the seed.
--   3. the shuffled users get scores 1..n in the line; arrivals after the opening take the sequence, which is past
--      n, so they queue FIFO behind
-- KEYS[1] room  KEYS[2] prequeue  KEYS[3] waiting  KEYS[4] heartbeat  KEYS[5] tokens  KEYS[6] audit
-- ARGV[1] now, epoch ms ('' = Redis TIME)  ARGV[2] seed (1 .. 2^31-2)  ARGV[3] idleTimeoutMs
-- ARGV[4] the audit entry's time (ISO-8601)  ARGV[5] audit capacity
-- Returns {0} not due or not PRE_QUEUE, else {1, users shuffled, dropped as idle, openedAt ms}
local function int(x)
  return string.format('%d', x)
end
local now = now_ms(ARGV[1])
local room = redis.call('HMGET', KEYS[1], 'state', 'saleStartsAt')
if room[1] ~= 'PRE_QUEUE' or tonumber(room[2]) > now then
  return {0}
end
local seed = tonumber(ARGV[2])
local idleMs = tonumber(ARGV[3])

local members = redis.call('ZRANGE', KEYS[2], 0, -1)
local live = {}
local dropped = 0
for _, uid in ipairs(members) do
  local beat = tonumber(redis.call('ZSCORE', KEYS[4], uid))
  if beat == nil or beat <= now - idleMs then
    redis.call('ZREM', KEYS[4], uid)
    redis.call('HDEL', KEYS[5], uid)
    dropped = dropped + 1
  else
    live[#live + 1] = uid
  end
end

local M = 2147483647
local x = seed
local function draw(i)
  -- values x - 1 are uniform over 0 .. M - 2 (M - 1 of them); keep those below the largest multiple of i
  local limit = (M - 1) - ((M - 1) % i)
  for _ = 1, 64 do
    x = (x * 48271) % M
    if x - 1 < limit then
      return (x - 1) % i + 1
    end
  end
  return (x - 1) % i + 1
end
for i = #live, 2, -1 do
  local j = draw(i)
  live[i], live[j] = live[j], live[i]
end

for s = 1, #live, 500 do
  local args = {}
  for k = s, math.min(s + 499, #live) do
    args[#args + 1] = k
    args[#args + 1] = live[k]
  end
  redis.call('ZADD', KEYS[3], unpack(args))
end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[1], 'state', 'OPEN', 'openedAt', int(now), 'shuffleSeed', ARGV[2], 'shuffled', #live)
redis.call('LPUSH', KEYS[6], '{"at":"' .. ARGV[4] .. '","by":null,"action":"OPEN","details":{"shuffleSeed":'
    .. ARGV[2] .. ',"shuffled":' .. #live .. ',"droppedIdle":' .. dropped .. '}}')
redis.call('LTRIM', KEYS[6], 0, tonumber(ARGV[5]) - 1)
return {1, #live, dropped, int(now)}
