-- Explicit leave: frees the waiting place or the active slot the token stands for.
-- KEYS[1] queue:user:{userId}  KEYS[2] queue:waiting  KEYS[3] queue:heartbeat  KEYS[4] queue:admitted
-- KEYS[5] queue:active:{tokenId}
-- ARGV[1] userId  ARGV[2] token id
-- Returns 1 a waiting place was freed, 2 an active slot was freed, 0 nothing to free
if redis.call('HGET', KEYS[1], 't') ~= ARGV[2] then
  return 0
end
local waiting = redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
local active = redis.call('DEL', KEYS[5])
redis.call('DEL', KEYS[1])
if waiting == 1 then
  return 1
end
if active == 1 then
  return 2
end
return 0
