-- PaymentCompleted: ends the payer's admitted session in one room. Idempotent (the event id is claimed with SET NX
-- and a TTL, per room) and safe against replays and reordering: an event older than the user's current admission
-- belongs to an earlier session and changes nothing; a waiting user is never touched.
-- KEYS[1] queue:{room-R}:processed:<eventId>  KEYS[2] tokens  KEYS[3] admitted-at  KEYS[4] admitted
-- ARGV[1] userId  ARGV[2] event occurredAt (epoch ms)  ARGV[3] processed-marker TTL ms
-- ARGV[4] the room's read-model prefix (queue:{room-R}:active:)
-- Returns -1 duplicate delivery, 0 no session admitted before the event, 1 session ended
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[3]) then
  return -1
end
local uid = ARGV[1]
local tok = redis.call('HGET', KEYS[2], uid)
local admittedAt = tonumber(redis.call('HGET', KEYS[3], uid))
if not tok or admittedAt == nil or tonumber(ARGV[2]) < admittedAt then
  return 0
end
redis.call('ZREM', KEYS[4], uid)
redis.call('DEL', ARGV[4] .. tok)
redis.call('HDEL', KEYS[2], uid)
redis.call('HDEL', KEYS[3], uid)
return 1
