-- PaymentCompleted: frees the paying user's active slot. Idempotent (the event id is claimed with SET NX
-- and a TTL) and safe against replays and reordering: an event older than the user's current admission
-- belongs to an earlier slot and changes nothing.
-- KEYS[1] queue:processed:{eventId}  KEYS[2] queue:user:{userId}  KEYS[3] queue:admitted
-- ARGV[1] userId  ARGV[2] event occurredAt (epoch ms)  ARGV[3] processed-marker TTL ms
-- ARGV[4] read-model prefix (queue:active:)
-- Returns -1 duplicate delivery, 0 no active slot admitted before the event, 1 slot freed
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[3]) then
  return -1
end
local h = redis.call('HMGET', KEYS[2], 't', 'a')
local tok, admittedAt = h[1], tonumber(h[2])
if not tok or admittedAt == nil or tonumber(ARGV[2]) < admittedAt then
  return 0
end
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('DEL', ARGV[4] .. tok)
redis.call('DEL', KEYS[2])
return 1
