-- The gateway's admission check on an admitted route, with session renewal by activity. One room, one slot.
-- KEYS[1] queue:{room-R}:active:<tokenId>  KEYS[2] queue:{room-R}:admitted  KEYS[3] queue:{room-R}:room
-- ARGV[1] user id  ARGV[2] now, epoch ms ('' = Redis TIME)  ARGV[3] renewal step ms: the session is renewed only
-- when at least this much of it has passed since the last renewal (bounds the writes to one per step per user)
-- Returns 0 not admitted (no such admission, another user's, or ended), else the session's remaining ms
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
local left = redis.call('PTTL', KEYS[1])
if left <= 0 then
  return 0
end
local session = tonumber(redis.call('HGET', KEYS[3], 'sessionMs'))
if session == nil or session - left < tonumber(ARGV[3]) then
  return left
end
local now = tonumber(ARGV[2])
if now == nil then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
-- XX: an admission the queue already ended (purged) is never brought back
if redis.call('ZADD', KEYS[2], 'XX', 'CH', string.format('%d', now + session), ARGV[1]) == 0
    and redis.call('ZSCORE', KEYS[2], ARGV[1]) == false then
  return 0
end
redis.call('PEXPIRE', KEYS[1], session)
return session
