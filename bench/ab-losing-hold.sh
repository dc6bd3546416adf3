#!/usr/bin/env bash
# A/B of a losing hold at reservation-service directly (no gateway): two reservation-service jars alternated, a fresh
# JVM for each run (restarted with the benchmark settings), 10 s of warm-up then 15 s measured, three rounds.
#   OLD_JAR=/path/a.jar NEW_JAR=/path/b.jar bench/ab-losing-hold.sh     (on a native stack started by bench/run.sh)
# Prints req/s, p50/p99 and reservation-service's CPU per request; leaves NEW_JAR in place.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
: "${OLD_JAR:?OLD_JAR: the jar before the change}" "${NEW_JAR:?NEW_JAR: the jar after it}"
export SKIP_BUILD=1 EXTRA_PROFILES=bench QUEUE_IDLE_TIMEOUT=2h QUEUE_ACTIVE_TTL=1h QUEUE_TOKEN_TTL=3h \
       MAX_ACTIVE_HOLDS_PER_USER=100 HOLD_DURATION=30m
URL=http://127.0.0.1:8084/v1/api/concerts/reserve
for round in 1 2 3; do
  for v in old new; do
    jar=$OLD_JAR; [ "$v" = new ] && jar=$NEW_JAR
    cp "$jar" reservation-service/target/reservation-service.jar
    bash deploy/local/service.sh restart reservation-service >/dev/null
    curl -s -o /dev/null -X POST "$URL" -H 'X-User-Id: 5' -H 'X-Queue-Room: 3' -H 'Content-Type: application/json' \
      -d '{"scheduleId":3,"seatId":101}'
    wrk -t2 -c16 -d10s -s bench/wrk/losing-hold.lua "$URL" >/dev/null
    pid=$(pgrep -f "jars/reservation-service.jar"); t0=$(awk '{print $14+$15}' "/proc/$pid/stat")
    out=$(wrk -t2 -c16 -d15s -s bench/wrk/losing-hold.lua --latency "$URL")
    t1=$(awk '{print $14+$15}' "/proc/$pid/stat")
    rps=$(grep Requests/sec <<<"$out" | awk '{print $2}'); p50=$(grep " 50%" <<<"$out" | awk '{print $2}')
    p99=$(grep " 99%" <<<"$out" | awk '{print $2}'); n=$(grep "requests in" <<<"$out" | awk '{print $1}')
    refused=$(grep Non-2xx <<<"$out" | awk '{print $5}')
    echo "round $round $v: $rps req/s p50 $p50 p99 $p99, ${refused:-0} of $n refused," \
         "reservation-service CPU $(( (t1 - t0) * 10000 / n )) us/request"
  done
done
cp "$NEW_JAR" reservation-service/target/reservation-service.jar
