-- An operator's change to a room: checked against the room's current state, applied and audited atomically.
-- Closing empties the line and the pre-queue (UNLINK: freed in the background) and keeps the admitted users'
-- tokens, so their sessions run to their end (O(admitted) here).
-- KEYS[1] room  KEYS[2] audit  KEYS[3] waiting  KEYS[4] prequeue  KEYS[5] heartbeat  KEYS[6] tokens  KEYS[7] admitted
-- ARGV[1] states the change is allowed from, space-separated  ARGV[2] new state or ''  ARGV[3] '1' to empty the
-- line  ARGV[4] audit entry (JSON)  ARGV[5] audit capacity  ARGV[6..] field, value pairs to set
-- Returns {-1} no such room, {0, current state} not allowed from that state, {1, new state} done
local state = redis.call('HGET', KEYS[1], 'state')
if not state then
  return {-1}
end
if not string.find(' ' .. ARGV[1] .. ' ', ' ' .. state .. ' ', 1, true) then
  return {0, state}
end
if ARGV[3] == '1' then
  local admitted = redis.call('ZRANGE', KEYS[7], 0, -1)
  local keep = {}
  for _, uid in ipairs(admitted) do
    local tok = redis.call('HGET', KEYS[6], uid)
    if tok then
      keep[#keep + 1] = uid
      keep[#keep + 1] = tok
    end
  end
  redis.call('UNLINK', KEYS[3], KEYS[4], KEYS[5], KEYS[6])
  for s = 1, #keep, 1000 do
    redis.call('HSET', KEYS[6], unpack(keep, s, math.min(s + 999, #keep)))
  end
end
local fields = {}
if ARGV[2] ~= '' then
  fields[#fields + 1] = 'state'
  fields[#fields + 1] = ARGV[2]
  state = ARGV[2]
end
for i = 6, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
if #fields > 0 then
  redis.call('HSET', KEYS[1], unpack(fields))
end
redis.call('LPUSH', KEYS[2], ARGV[4])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[5]) - 1)
return {1, state}
