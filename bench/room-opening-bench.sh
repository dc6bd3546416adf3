#!/usr/bin/env bash
# How long one opening (open.lua: the pre-queue's shuffle into the line) blocks Redis, for N pre-queue users.
# Redis database 9 (must be empty), cleaned at the end. Usage: bench/room-opening-bench.sh [N, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
DB=9
cli() { redis-cli -h "${REDIS_HOST:-127.0.0.1}" -p "${REDIS_PORT:-6379}" -n "$DB" "$@"; }
[ "$(cli DBSIZE)" = "0" ] || { echo "Redis database $DB is not empty; refusing to run" >&2; exit 1; }
trap 'cli FLUSHDB >/dev/null' EXIT
p='queue:{room-903}:'
cli HSET "${p}room" state PRE_QUEUE name bench saleStartsAt 0 maxActiveUsers 2000 newUsersPerMinute 30000 sessionMs 600000 >/dev/null
NOW=$(( $(date +%s) * 1000 ))
cli EVAL 'for s = 1, tonumber(ARGV[1]), 1000 do
  local q, h = {}, {}
  for u = s, math.min(s + 999, tonumber(ARGV[1])) do
    q[#q + 1] = u; q[#q + 1] = u; h[#h + 1] = ARGV[2]; h[#h + 1] = u
  end
  redis.call("ZADD", KEYS[1], unpack(q)); redis.call("ZADD", KEYS[2], unpack(h))
end
return 1' 2 "${p}prequeue" "${p}heartbeat" "$N" "$NOW" >/dev/null
t0=$(date +%s%N)
r=$(cli EVAL "$(cat queue-service/src/main/resources/scripts/_clock.lua queue-service/src/main/resources/scripts/open.lua)" 6 "${p}room" "${p}prequeue" "${p}waiting" \
    "${p}heartbeat" "${p}tokens" "${p}audit" "" 123456789 60000 "$(date -u +%FT%TZ)" 1000 | head -2 | tr '\n' ' ')
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "opening of $N pre-queue users: result $r; $ms ms wall (one EVAL, Redis blocked for about that long);" \
     "line $(cli ZCARD "${p}waiting"), first $(cli ZRANGE "${p}waiting" 0 2 | tr '\n' ' ')"
