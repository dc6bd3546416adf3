-- A waiting user's poll in one room: place (ZRANK, O(log N)) and heartbeat in one round trip. One room, one slot.
-- KEYS[1] room hash  KEYS[2] tokens  KEYS[3] waiting  KEYS[4] prequeue  KEYS[5] heartbeat
-- KEYS[6] queue:{room-R}:active:<tokenId>  KEYS[7] rate  KEYS[8] admitted
-- ARGV[1] userId  ARGV[2] token id  ARGV[3] now, epoch ms ('' = Redis TIME)
-- Returns {0} the token holds no place (left, dropped, session ended, replaced, no such room), else
--   {status (1 waiting, 2 admitted, 3 pre-queue, 4 room closed), position, measured rate or '', state,
--    saleStartsAt, maxActiveUsers, newUsersPerMinute, sessionMs, session end ms or ''}
local room = redis.call('HMGET', KEYS[1], 'state', 'saleStartsAt', 'maxActiveUsers', 'newUsersPerMinute', 'sessionMs')
local state = room[1]
if not state then
  return {0}
end
local function answer(status, position, rate, ends)
  return {status, position, rate, state, room[2], room[3], room[4], room[5], ends}
end
local uid = ARGV[1]
if redis.call('HGET', KEYS[2], uid) ~= ARGV[2] then
  if state == 'CLOSED' then
    return answer(4, 0, '', '')
  end
  return {0}
end
local function beat()
  redis.call('ZADD', KEYS[5], string.format('%d', now_ms(ARGV[3])), uid)
end
local rank = redis.call('ZRANK', KEYS[3], uid)
if rank then
  beat()
  return answer(1, rank + 1, redis.call('HGET', KEYS[7], 'ewma') or '', '')
end
if redis.call('ZSCORE', KEYS[4], uid) then
  beat()
  return answer(3, 0, '', '')
end
if redis.call('PTTL', KEYS[6]) > 0 then
  return answer(2, 0, '', redis.call('ZSCORE', KEYS[8], uid) or '')
end
if state == 'CLOSED' then
  return answer(4, 0, '', '')
end
return {0}
