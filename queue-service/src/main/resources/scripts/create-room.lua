-- Creates a room when it does not exist, with its first audit entry. One room, one slot (the registry queue:rooms
-- is updated by a separate call).
-- KEYS[1] room  KEYS[2] audit
-- ARGV[1] audit entry (JSON)  ARGV[2] audit capacity  ARGV[3..] field, value pairs of the room hash
-- Returns 1 created, 0 the room exists (nothing changed)
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
local fields = {}
for i = 3, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('LPUSH', KEYS[2], ARGV[1])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[2]) - 1)
return 1
