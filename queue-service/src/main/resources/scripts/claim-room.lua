-- Counts a room among the user's rooms, bounded (ticketing.queue.max-rooms-per-user). The user's own slot.
-- KEYS[1] queue:user-rooms:{user-<id>}  ARGV[1] room id  ARGV[2] most rooms
-- Returns 1 already counted, 2 added, 0 the user already holds the most rooms
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then
  return 1
end
if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('SADD', KEYS[1], ARGV[1])
return 2
