-- A waiting user's poll: position (ZRANK, O(log N)) and heartbeat in one round trip.
-- KEYS[1] queue:user:{userId}  KEYS[2] queue:waiting  KEYS[3] queue:heartbeat
-- KEYS[4] queue:active:{tokenId}  KEYS[5] queue:admission:rate
-- ARGV[1] userId  ARGV[2] token id
-- Returns {0} the token holds no place (left, dropped, admission ended, replaced),
--         {1, position, measured rate or ''} waiting, {2, remaining active ms} admitted
if redis.call('HGET', KEYS[1], 't') ~= ARGV[2] then
  return {0}
end
local rank = redis.call('ZRANK', KEYS[2], ARGV[1])
if rank then
  local t = redis.call('TIME')
  redis.call('ZADD', KEYS[3], string.format('%d', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)), ARGV[1])
  return {1, rank + 1, redis.call('HGET', KEYS[5], 'ewma') or ''}
end
local ttl = redis.call('PTTL', KEYS[4])
if ttl > 0 then
  return {2, ttl}
end
return {0}
