-- Explicit leave of one room: frees the waiting (or pre-queue) place or the admitted session the token stands for.
-- KEYS[1] tokens  KEYS[2] waiting  KEYS[3] prequeue  KEYS[4] heartbeat  KEYS[5] admitted
-- KEYS[6] queue:{room-R}:active:<tokenId>  KEYS[7] admitted-at
-- ARGV[1] userId  ARGV[2] token id
-- Returns 1 a waiting place was freed, 2 an admitted session was ended, 0 nothing to free
local uid = ARGV[1]
if redis.call('HGET', KEYS[1], uid) ~= ARGV[2] then
  return 0
end
local waiting = redis.call('ZREM', KEYS[2], uid) + redis.call('ZREM', KEYS[3], uid)
redis.call('ZREM', KEYS[4], uid)
redis.call('ZREM', KEYS[5], uid)
local active = redis.call('DEL', KEYS[6])
redis.call('HDEL', KEYS[1], uid)
redis.call('HDEL', KEYS[7], uid)
if waiting > 0 then
  return 1
end
if active == 1 then
  return 2
end
return 0
