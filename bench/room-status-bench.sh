#!/usr/bin/env bash
# Status-check cost vs line length, per room (issue 16's benchmark row).
#
# Fills room 901 with 1,000,000 waiting users and room 902 with 10,000 directly in Redis (database 9, never the
# services' 0 or the tests' 1), then runs queue-service's own check.lua (the script behind
# POST /v1/api/queue/token/check, loaded from the module, one EVALSHA per check) with redis-benchmark:
#   1. a user in the middle of the big room (position 500,000), while both rooms exist;
#   2. a user in the middle of the small room (position 5,000), while both rooms exist;
#   3. the same small-room user after the big room is deleted (the small room alone).
# Prints p50/p99 per case and the ratios, and deletes database 9's keys at the end. Every loop is bounded.
# Usage: bench/room-status-bench.sh [requests per case, default 50000] [connections, default 8]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50000}
C=${2:-8}
DB=9
HOST=${REDIS_HOST:-127.0.0.1}
PORT=${REDIS_PORT:-6379}
CHECK=queue-service/src/main/resources/scripts/check.lua
cli() { redis-cli -h "$HOST" -p "$PORT" -n "$DB" "$@"; }

if [ "$(cli DBSIZE)" != "0" ]; then
  echo "Redis database $DB is not empty; refusing to run" >&2
  exit 1
fi
trap 'cli FLUSHDB >/dev/null' EXIT

# Loader: users from..to of one room, waiting with sequence = user id, a heartbeat and a token each (bounded chunk).
LOADER='local p = ARGV[1]
local from, to = tonumber(ARGV[2]), tonumber(ARGV[3])
for s = from, to, 1000 do
  local w, h, t = {}, {}, {}
  for u = s, math.min(s + 999, to) do
    w[#w + 1] = u; w[#w + 1] = u
    h[#h + 1] = 1; h[#h + 1] = u
    t[#t + 1] = u; t[#t + 1] = "tok-" .. u
  end
  redis.call("ZADD", KEYS[1], unpack(w))
  redis.call("ZADD", KEYS[2], unpack(h))
  redis.call("HSET", KEYS[3], unpack(t))
end
return to - from + 1'

fill() { # room users
  local room=$1 users=$2 p="queue:{room-$1}:"
  cli HSET "${p}room" state OPEN name "bench $room" saleStartsAt 0 maxActiveUsers 2000 newUsersPerMinute 30000 \
      sessionMs 600000 >/dev/null
  local from=1
  while [ "$from" -le "$users" ]; do
    local to=$(( from + 99999 < users ? from + 99999 : users ))
    cli EVAL "$LOADER" 3 "${p}waiting" "${p}heartbeat" "${p}tokens" "$p" "$from" "$to" >/dev/null
    from=$(( to + 1 ))
  done
}

SHA=$(cli SCRIPT LOAD "$(cat queue-service/src/main/resources/scripts/_clock.lua "$CHECK")")

measure() { # label room user
  local room=$1 user=$2 p="queue:{room-$1}:"
  redis-benchmark -h "$HOST" -p "$PORT" --dbnum "$DB" -n "$N" -c "$C" \
      EVALSHA "$SHA" 8 "${p}room" "${p}tokens" "${p}waiting" "${p}prequeue" "${p}heartbeat" \
      "${p}active:tok-$user" "${p}rate" "${p}admitted" "$user" "tok-$user" "" 2>/dev/null \
    | tr '\r' '\n' | awk '/latency summary/{f=1;next} f&&/avg/{getline; print $1, $3, $5; exit}'
}

start=$(date +%s)
fill 901 1000000
fill 902 10000
echo "loaded: room 901 $(cli ZCARD 'queue:{room-901}:waiting') waiting, room 902 $(cli ZCARD 'queue:{room-902}:waiting')" \
     "waiting in $(( $(date +%s) - start )) s; used memory $(cli INFO memory | awk -F: '/^used_memory_human/{print $2}' | tr -d '\r')"
# sanity: the check answers the right position
echo "check of user 500000 in room 901: $(cli EVALSHA "$SHA" 8 'queue:{room-901}:room' 'queue:{room-901}:tokens' \
  'queue:{room-901}:waiting' 'queue:{room-901}:prequeue' 'queue:{room-901}:heartbeat' 'queue:{room-901}:active:tok-500000' \
  'queue:{room-901}:rate' 'queue:{room-901}:admitted' 500000 tok-500000 '' | head -2 | tr '\n' ' ')"

read -r big_avg big_p50 big_p99 <<<"$(measure 901 500000)"
read -r small_avg small_p50 small_p99 <<<"$(measure 902 5000)"
cli UNLINK 'queue:{room-901}:waiting' 'queue:{room-901}:heartbeat' 'queue:{room-901}:tokens' 'queue:{room-901}:room' >/dev/null
sleep 2
read -r alone_avg alone_p50 alone_p99 <<<"$(measure 902 5000)"

printf '\nstatus check (check.lua via EVALSHA, redis-benchmark -n %s -c %s, Redis %s, %s cores, shared machine)\n' \
  "$N" "$C" "$(cli INFO server | awk -F: '/^redis_version/{print $2}' | tr -d '\r')" "$(nproc)"
printf '%-52s %9s %9s %9s\n' "case" "avg ms" "p50 ms" "p99 ms"
printf '%-52s %9s %9s %9s\n' "user at 500,000 of 1,000,000 (room 901, 902 present)" "$big_avg" "$big_p50" "$big_p99"
printf '%-52s %9s %9s %9s\n' "user at 5,000 of 10,000 (room 902, 901 present)" "$small_avg" "$small_p50" "$small_p99"
printf '%-52s %9s %9s %9s\n' "user at 5,000 of 10,000 (room 902 alone)" "$alone_avg" "$alone_p50" "$alone_p99"
awk -v b="$big_p99" -v s="$small_p99" -v a="$alone_p99" -v bp="$big_p50" -v ap="$alone_p50" 'BEGIN {
  printf "p99 ratio big room / small room alone: %.2f; small room with the big one / alone: %.2f; p50 ratio big / alone: %.2f\n", b / a, s / a, bp / ap }'
