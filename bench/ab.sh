#!/usr/bin/env bash
# A/B of two builds of one process on the running native stack (started by bench/run.sh, i.e. with the benchmark
# settings): OLD_JAR and NEW_JAR alternate ROUNDS times, each run in a fresh JVM (restarted, ready, warmed for WARM
# seconds with the loads themselves), then every load of LOADS measured for DURATION seconds. Prints req/s, p50/p99,
# non-2xx and SERVICE's CPU per request for each run, then the medians and new / old. Leaves NEW_JAR in place.
#   SERVICE=gateway OLD_JAR=/tmp/old.jar NEW_JAR=gateway/target/gateway.jar LOADS="ping check" bench/ab.sh
# The JVM can be the change instead (same jar for both): OLD_JAVA_HOME/NEW_JAVA_HOME and OLD_JAVA_OPTS/NEW_JAVA_OPTS
# (the launcher's options for SERVICE when unset).
# Loads (each a wrk run on loopback):
#   ping         GET /v1/api/bench/ping through the gateway, access token checked (USERS logged-in users)
#   anon-ping    GET /bench/ping through the gateway, no login
#   check        POST /v1/api/queue/token/check through the gateway (access token and waiting-room token)
#   losing-hold  POST /v1/api/concerts/reserve at reservation-service directly, a seat another user holds
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
: "${SERVICE:?SERVICE: the process to swap}" "${OLD_JAR:?OLD_JAR: the jar before the change}" \
  "${NEW_JAR:?NEW_JAR: the jar after it}" "${LOADS:?LOADS: the loads to measure, e.g. \"ping check\"}"
OLD_JAVA_HOME=${OLD_JAVA_HOME:-}; NEW_JAVA_HOME=${NEW_JAVA_HOME:-}
OLD_JAVA_OPTS=${OLD_JAVA_OPTS:-}; NEW_JAVA_OPTS=${NEW_JAVA_OPTS:-}
ROUNDS=${ROUNDS:-3}; DURATION=${DURATION:-15}; WARM=${WARM:-20}; USERS=${USERS:-32}; ROOM=${ROOM:-1}
GATEWAY=${GATEWAY_URL:-http://127.0.0.1:8080}
export SKIP_BUILD=1 EXTRA_PROFILES=bench QUEUE_IDLE_TIMEOUT=2h QUEUE_ACTIVE_TTL=1h QUEUE_TOKEN_TTL=3h \
       MAX_ACTIVE_HOLDS_PER_USER=100 HOLD_DURATION=30m
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
old_copy=$work/old.jar; new_copy=$work/new.jar
cp "$OLD_JAR" "$old_copy"; cp "$NEW_JAR" "$new_copy"

sessions=$work/sessions
sessions() { # USERS logged-in users, each with a waiting-room token of ROOM: "userId accessToken queueToken"
  : > "$sessions"
  for i in $(seq 1 "$USERS"); do
    token=$(deploy/local/login.sh "user$i" "${DEMO_PASSWORD:-ticketing-demo}")
    queue=$(curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
              -d "{\"roomId\": $ROOM}" "$GATEWAY/v1/api/queue/token" |
            python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["queueToken"])')
    echo "$i $token $queue" >> "$sessions"
  done
}

load() { # name seconds -> wrk's output
  case $1 in
    ping) SESSIONS_FILE=$sessions MODE=gateway REQ_PATH=/v1/api/bench/ping METHOD=GET \
            wrk -t2 -c32 -d"$2s" --latency -s bench/wrk/tokens.lua "$GATEWAY" ;;
    anon-ping) wrk -t2 -c32 -d"$2s" --latency "$GATEWAY/bench/ping" ;;
    check) SESSIONS_FILE=$sessions MODE=gateway REQ_PATH=/v1/api/queue/token/check METHOD=POST \
             wrk -t2 -c32 -d"$2s" --latency -s bench/wrk/tokens.lua "$GATEWAY" ;;
    losing-hold)
      url=http://127.0.0.1:8084/v1/api/concerts/reserve
      curl -s -o /dev/null -X POST "$url" -H 'X-User-Id: 5' -H 'X-Queue-Room: 3' \
        -H 'Content-Type: application/json' -d '{"scheduleId":3,"seatId":101}'
      wrk -t2 -c16 -d"$2s" --latency -s bench/wrk/losing-hold.lua "$url" ;;
    *) echo "unknown load $1" >&2; exit 2 ;;
  esac
}

needs_sessions=0
for l in $LOADS; do case $l in ping|check) needs_sessions=1 ;; esac; done
cpu_ticks() { awk '{print $14+$15}' "/proc/$(pgrep -f "jars/$SERVICE.jar")/stat"; }
results=$work/results
for round in $(seq 1 "$ROUNDS"); do
  for v in old new; do
    jar=$old_copy; [ "$v" = new ] && jar=$new_copy
    cp "$jar" "$SERVICE/target/$SERVICE.jar"
    java_home=$OLD_JAVA_HOME; java_opts=$OLD_JAVA_OPTS
    [ "$v" = new ] && { java_home=$NEW_JAVA_HOME; java_opts=$NEW_JAVA_OPTS; }
    # the launcher reads the options variable of SERVICE's kind (deploy/local/lib.sh); the others are not read
    jvm=(); [ -n "$java_home" ] && jvm+=("JAVA_HOME=$java_home")
    [ -n "$java_opts" ] && jvm+=("GATEWAY_JAVA_OPTS=$java_opts" "DISCOVERY_JAVA_OPTS=$java_opts" "SERVICE_JAVA_OPTS=$java_opts")
    env "${jvm[@]}" bash deploy/local/service.sh restart "$SERVICE" >/dev/null
    # access tokens live 10 minutes (AUTH_ACCESS_TOKEN_TTL): log in again once the sessions are 5 minutes old
    if [ "$needs_sessions" = 1 ] && [ -z "$(find "$sessions" -mmin -5 -size +0 2>/dev/null)" ]; then sessions; fi
    for l in $LOADS; do load "$l" "$WARM" >/dev/null; done
    for l in $LOADS; do
      t0=$(cpu_ticks); out=$(load "$l" "$DURATION"); t1=$(cpu_ticks)
      rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); n=$(awk '/requests in/ {print $1}' <<<"$out")
      p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
      non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out"); us=$(( (t1 - t0) * 10000 / n ))
      echo "round $round $v $l: $rps req/s p50 $p50 p99 $p99, non-2xx ${non2xx:-0} of $n, $SERVICE CPU $us us/request"
      # a run with errors measured something else (expired logins, a failing service): reported, not counted
      [ "${non2xx:-0}" = 0 ] && echo "$v $l $rps $us" >> "$results"
    done
  done
done
cp "$new_copy" "$SERVICE/target/$SERVICE.jar"
python3 - "$results" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    v, load, rps, us = line.split()
    runs[(v, load)].append((float(rps), int(us)))
for load in dict.fromkeys(l for _, l in runs):
    old = [r for r, _ in runs[("old", load)]]; new = [r for r, _ in runs[("new", load)]]
    if not old or not new:
        print(f"{load}: no error-free run of {'old' if not old else 'new'}"); continue
    ocpu = statistics.median(u for _, u in runs[("old", load)]); ncpu = statistics.median(u for _, u in runs[("new", load)])
    print(f"{load}: median req/s old {statistics.median(old):.0f}, new {statistics.median(new):.0f}, "
          f"new/old {statistics.median(new) / statistics.median(old):.2f}; CPU per request old {ocpu:.0f} us, "
          f"new {ncpu:.0f} us")
PY
