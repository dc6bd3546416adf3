-- Issues a place in one room's line for one user, or answers the place the user already holds there
-- (idempotent and atomic: concurrent duplicate requests of one user never create two places). One room, one slot.
-- KEYS[1] room hash  KEYS[2] tokens  KEYS[3] waiting  KEYS[4] prequeue  KEYS[5] heartbeat  KEYS[6] admitted
-- KEYS[7] seq  KEYS[8] rate  KEYS[9] admitted-at
-- ARGV[1] userId  ARGV[2] token id to use if the user holds no place  ARGV[3] now, epoch ms ('' = Redis TIME)
-- ARGV[4] the room's read-model prefix (queue:{room-R}:active:)
-- Returns {-1} no such room, {-2} room closed, else
--   {1, tokenId, status (1 waiting, 2 admitted, 3 pre-queue), position (0 unless waiting), measured rate or '',
--    state, saleStartsAt, maxActiveUsers, newUsersPerMinute, sessionMs, session end ms or ''}
local now = now_ms(ARGV[3])
local nowS = string.format('%d', now)
local room = redis.call('HMGET', KEYS[1], 'state', 'saleStartsAt', 'maxActiveUsers', 'newUsersPerMinute', 'sessionMs')
local state = room[1]
if not state then
  return {-1}
end
if state == 'CLOSED' then
  return {-2}
end
local uid = ARGV[1]
local rate = redis.call('HGET', KEYS[8], 'ewma') or ''
local function answer(tok, status, position, ends)
  return {1, tok, status, position, rate, state, room[2], room[3], room[4], room[5], ends}
end

local tok = redis.call('HGET', KEYS[2], uid)
if tok then
  local rank = redis.call('ZRANK', KEYS[3], uid)
  if rank then
    redis.call('ZADD', KEYS[5], nowS, uid)
    return answer(tok, 1, rank + 1, '')
  end
  if redis.call('ZSCORE', KEYS[4], uid) then
    redis.call('ZADD', KEYS[5], nowS, uid)
    return answer(tok, 3, 0, '')
  end
  local ends = tonumber(redis.call('ZSCORE', KEYS[6], uid))
  if ends and ends > now then
    return answer(tok, 2, 0, string.format('%d', ends))
  end
  -- The user's last place ended (session over, not purged yet): a new place, and the old token admits nothing.
  redis.call('DEL', ARGV[4] .. tok)
  redis.call('HDEL', KEYS[9], uid)
end
redis.call('ZREM', KEYS[6], uid)

local seq = redis.call('INCR', KEYS[7])
redis.call('HSET', KEYS[2], uid, ARGV[2])
redis.call('ZADD', KEYS[5], nowS, uid)
if state == 'PRE_QUEUE' then
  redis.call('ZADD', KEYS[4], seq, uid)
  return answer(ARGV[2], 3, 0, '')
end
redis.call('ZADD', KEYS[3], seq, uid)
return answer(ARGV[2], 1, redis.call('ZRANK', KEYS[3], uid) + 1, '')
