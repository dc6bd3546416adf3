-- Issues a place in the line for one user, or answers the place the user already holds (idempotent,
-- atomic: concurrent duplicate requests of one user can never create two places).
-- KEYS[1] queue:user:{userId}  KEYS[2] queue:waiting  KEYS[3] queue:heartbeat
-- KEYS[4] queue:admitted       KEYS[5] queue:seq      KEYS[6] queue:admission:rate
-- ARGV[1] userId  ARGV[2] token id to use if the user holds no place  ARGV[3] read-model prefix (queue:active:)
-- Returns {tokenId, state (1 = waiting, 2 = active), position (0 when active), measured rate or ''}
local t = redis.call('TIME')
local now = string.format('%d', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000))
local uid = ARGV[1]
local rate = redis.call('HGET', KEYS[6], 'ewma') or ''

local tok = redis.call('HGET', KEYS[1], 't')
if tok then
  local rank = redis.call('ZRANK', KEYS[2], uid)
  if rank then
    redis.call('ZADD', KEYS[3], now, uid)
    return {tok, 1, rank + 1, rate}
  end
  if redis.call('EXISTS', ARGV[3] .. tok) == 1 then
    return {tok, 2, 0, rate}
  end
  -- The user's last place ended (its admission ran out) and was not purged yet.
  redis.call('DEL', KEYS[1])
end
redis.call('ZREM', KEYS[4], uid)

local seq = redis.call('INCR', KEYS[5])
redis.call('ZADD', KEYS[2], seq, uid)
redis.call('ZADD', KEYS[3], now, uid)
redis.call('HSET', KEYS[1], 't', ARGV[2])
return {ARGV[2], 1, redis.call('ZRANK', KEYS[2], uid) + 1, rate}
