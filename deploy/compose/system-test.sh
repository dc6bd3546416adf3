#!/usr/bin/env bash
# The Compose system test: the whole suite in containers on this machine, built offline (build-images.sh), with
# deploy/docker-compose.yml + deploy/compose/offline.yml. One command:
#
#   deploy/compose/system-test.sh
#
#   1. builds the images (incremental), makes deploy/.env and the signing key when missing (deploy/init-env.sh);
#   2. cold start (empty volumes) and warm start (volumes kept): seconds until every container is healthy;
#   3. a purchase through the gateway: login (authorization code + PKCE), waiting room, charge, hold, pay, saga;
#   4. under a steady load on concert-service and reservation-service: --scale concert-service=3
#      --scale reservation-service=2; Eureka lists every replica; the requests per replica (InfluxDB, tag instance);
#   5. kills one concert-service replica mid-load: errors only inside the window (kill → Eureka evicts it → the
#      gateway's registry and load-balancer caches refresh), none after; Eureka drops it;
#   6. scales back to one of each; the dashboards' panels all have data in InfluxDB (check-dashboards.py);
#   7. RSS per container and in total; `down -v` leaves no container, network or volume of the project.
#
# Host ports (nothing the native stack uses): gateway 18080, Eureka 18761 and InfluxDB 18086 on 127.0.0.1 only.
# Env: SKIP_IMAGES=1 (use the images as built), KEEP=1 (leave the stack up), LOAD_RATE (req/s, default 30),
#      HEALTH_TIMEOUT (s, default 1500), SKIP_START=1 (skip step 2: reuse a stack left up by KEEP=1),
#      COMPOSE_PROJECT_NAME (default ticketing-st), JARS_ROOT (build-images.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

T0=$SECONDS
export COMPOSE_PROJECT_NAME="${COMPOSE_PROJECT_NAME:-ticketing-st}"
export GATEWAY_PORT="${CT_GATEWAY_PORT:-18080}" DISCOVERY_PORT="${CT_DISCOVERY_PORT:-18761}" INFLUXDB_PORT="${CT_INFLUXDB_PORT:-18086}"
# The issuer is the address the test calls: login.sh's cookie jar is per host, so the login page's redirects must
# stay on the host the session cookie came from.
GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
export AUTH_ISSUER="$GATEWAY"
EUREKA="http://127.0.0.1:$DISCOVERY_PORT"
INFLUX="http://127.0.0.1:$INFLUXDB_PORT"
WORK="$ROOT/.run/compose-test"
mkdir -p "$WORK"
DC=(docker-compose -f "$ROOT/deploy/docker-compose.yml" -f "$COMPOSE_DIR/offline.yml")
# Seconds to wait for healthy containers: a cold start on two cores shared with other work has taken over 10 min.
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-1500}"
FLOW_ROOM=1
LOAD_ROOM=2
failures=0
fail() { log "FAIL: $*"; failures=$((failures + 1)); }
step() { log "== $*"; }

cleanup() {
  if [ -n "${load_pid:-}" ]; then kill "$load_pid" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" != 1 ] && [ "${down_done:-0}" != 1 ]; then "${DC[@]}" down -v --remove-orphans >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

ensure_docker
if [ "${SKIP_IMAGES:-0}" != 1 ]; then bash "$COMPOSE_DIR/build-images.sh"; fi
bash "$ROOT/deploy/init-env.sh" >/dev/null
command -v python3 >/dev/null || die "python3 is needed"

containers() { "$DOCKER" ps -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" "$@"; }

# all_healthy <limit s> [<start: $SECONDS at `up`>]: every container of the project that has a health check is
# healthy (and none exited); prints the seconds from <start> until each was first seen healthy (2 s poll).
all_healthy() {
  local limit=$1 start=${2:-$SECONDS} ids states name
  declare -A seen=()
  while (( SECONDS - start < limit )); do
    ids=$(containers -a)
    if [ -n "$ids" ]; then
      # shellcheck disable=SC2086
      states=$("$DOCKER" inspect -f '{{.Name}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' $ids 2>/dev/null || true)
      while read -r name _ health; do
        if [ "$health" = healthy ] && [ -z "${seen[$name]:-}" ]; then seen[$name]=$((SECONDS - start)); fi
      done <<<"$states"
      if [ "$(wc -l <<<"$states")" -ge "${MIN_CONTAINERS:-11}" ] && ! grep -qvE ' running (healthy|none)$' <<<"$states"; then
        for name in "${!seen[@]}"; do printf '    healthy after %4d s  %s\n' "${seen[$name]}" "${name#/}"; done | sort -n -k3
        return 0
      fi
    fi
    sleep 2
  done
  log "not healthy after $limit s:"; grep -vE ' running (healthy|none)$' <<<"$states" >&2 || true
  return 1
}

eureka_count() { # eureka_count <APP>: instances UP
  curl -fsS -m 3 -H 'Accept: application/json' "$EUREKA/eureka/apps/$1" 2>/dev/null \
    | python3 -c 'import json,sys; a=json.load(sys.stdin)["application"]["instance"]; a=a if isinstance(a,list) else [a]; print(sum(1 for i in a if i["status"]=="UP"))' 2>/dev/null || echo 0
}
eureka_ids() {
  curl -fsS -m 3 -H 'Accept: application/json' "$EUREKA/eureka/apps/$1" 2>/dev/null \
    | python3 -c 'import json,sys; a=json.load(sys.stdin)["application"]["instance"]; a=a if isinstance(a,list) else [a]; print(" ".join(sorted(i["instanceId"] for i in a if i["status"]=="UP")))' 2>/dev/null
}
wait_eureka() { # wait_eureka <APP> <n> <limit s>
  local start=$SECONDS
  until [ "$(eureka_count "$1")" = "$2" ]; do
    (( SECONDS - start < $3 )) || return 1
    sleep 1
  done
  log "Eureka lists $2 × $1 ($((SECONDS - start)) s): $(eureka_ids "$1")"
}
routable() { curl -fsS -o /dev/null -m 3 "$GATEWAY/.well-known/openid-configuration"; }
wait_routable() { local s=$SECONDS; until routable; do (( SECONDS - s < $1 )) || return 1; sleep 1; done; }

# ------------------------------------------------------------------------------------------------ 2. start times
if [ "${SKIP_START:-0}" = 1 ]; then
  # Iterating on the later steps against a stack left up by KEEP=1.
  cold=skipped warm=skipped
  log "start skipped (SKIP_START=1): using the running stack"
else
step "cold start (empty volumes)"
"${DC[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
t=$SECONDS
# `up -d` waits for the infrastructure's health before it starts the services: poll beside it, so every
# container's time is counted from the same start.
"${DC[@]}" up -d --no-build >"$WORK/up-cold.log" 2>&1 &
up_pid=$!
all_healthy "$HEALTH_TIMEOUT" "$t" || die "the stack did not become healthy (cold)"
cold=$((SECONDS - t))
wait "$up_pid" || { cat "$WORK/up-cold.log"; die "up failed"; }
wait_routable 120 || die "the gateway does not route to user-service"
log "cold start: every container healthy after $cold s"

step "warm start (volumes and images kept)"
"${DC[@]}" down >/dev/null 2>&1
t=$SECONDS
"${DC[@]}" up -d --no-build >"$WORK/up-warm.log" 2>&1 &
up_pid=$!
all_healthy "$HEALTH_TIMEOUT" "$t" || die "the stack did not become healthy (warm)"
warm=$((SECONDS - t))
wait "$up_pid" || { cat "$WORK/up-warm.log"; die "up failed"; }
wait_routable 120 || die "the gateway does not route to user-service"
for app in QUEUE-SERVICE USER-SERVICE CONCERT-SERVICE RESERVATION-SERVICE PAYMENT-SERVICE; do
  wait_eureka "$app" 1 120 >/dev/null || fail "$app not registered in Eureka"
done
log "warm start: every container healthy after $warm s"
fi

# ------------------------------------------------------------------------------------------------ 3. purchase
step "purchase through the gateway (room/schedule $FLOW_ROOM)"
flow_ok=0
for attempt in 1 2 3; do
  if python3 "$COMPOSE_DIR/drive.py" flow --gateway "$GATEWAY" --room "$FLOW_ROOM"; then flow_ok=1; break; fi
  log "purchase attempt $attempt failed; the gateway may still be learning instances"; sleep 10
done
[ "$flow_ok" = 1 ] || fail "purchase flow"

# ------------------------------------------------------------------------------------------------ 4. scale under load
step "steady load, then --scale concert-service=3 --scale reservation-service=2"
rm -f "$WORK/load.json" "$WORK/load.stop"
python3 "$COMPOSE_DIR/drive.py" load --gateway "$GATEWAY" --room "$LOAD_ROOM" --seconds 600 --rate "${LOAD_RATE:-30}" \
  --out "$WORK/load.json" --stop "$WORK/load.stop" >"$WORK/load.log" 2>&1 &
load_pid=$!
sleep 15
kill -0 "$load_pid" 2>/dev/null || { cat "$WORK/load.log"; die "the load did not start"; }
t=$SECONDS
"${DC[@]}" up -d --no-build --no-recreate --scale concert-service=3 --scale reservation-service=2 >"$WORK/up-scale.log" 2>&1 \
  || { cat "$WORK/up-scale.log"; die "scale up failed"; }
all_healthy "$HEALTH_TIMEOUT" || fail "scaled replicas not healthy"
log "replicas healthy after $((SECONDS - t)) s"
wait_eureka CONCERT-SERVICE 3 120 || fail "Eureka does not list 3 concert-service replicas ($(eureka_ids CONCERT-SERVICE))"
wait_eureka RESERVATION-SERVICE 2 120 || fail "Eureka does not list 2 reservation-service replicas ($(eureka_ids RESERVATION-SERVICE))"
# The gateway's registry fetch and load-balancer cache (2 s each), then a measured spread.
sleep 10
spread_from=$(date +%s)
sleep 60
spread_to=$(date +%s)
sleep 12 # Micrometer's 10 s export step: the window's last points reach InfluxDB

spread() { # spread <application>: requests per instance (non-actuator) in the spread window, from InfluxDB
  python3 - "$INFLUX" "$1" "$spread_from" "$spread_to" <<'PY'
import json, sys, urllib.parse, urllib.request
url, app, t0, t1 = sys.argv[1:]
q = (f'SELECT sum("count") FROM "http_server_requests" WHERE "application" = \'{app}\' AND "uri" !~ /^\\/actuator/ '
     f'AND time >= {t0}s AND time < {int(t1) + 10}s GROUP BY "instance"')
body = json.load(urllib.request.urlopen(f"{url}/query?" + urllib.parse.urlencode({"db": "ticketing", "q": q}), timeout=10))
counts = {s["tags"]["instance"]: int(s["values"][0][1] or 0) for s in body["results"][0].get("series", [])}
total = sum(counts.values()) or 1
for inst, n in sorted(counts.items()):
    print(f"    {app} {inst}: {n} requests ({100 * n / total:.0f} %)")
print(f"SPREAD {app} {len(counts)} {min(counts.values(), default=0)} {max(counts.values(), default=0)}")
PY
}
for app_n in concert-service:3 reservation-service:2; do
  app=${app_n%%:*} n=${app_n##*:}
  out=$(spread "$app"); echo "$out" | grep -v '^SPREAD'
  read -r _ _ seen lo hi < <(echo "$out" | grep '^SPREAD')
  [ "$seen" = "$n" ] || fail "$app: requests reached $seen replicas, expected $n"
  # About even: the busiest replica took at most twice the least busy one's share.
  if [ "$lo" -eq 0 ] || [ "$hi" -gt $((2 * lo)) ]; then fail "$app: uneven spread (min $lo, max $hi)"; fi
done

# ------------------------------------------------------------------------------------------------ 5. kill a replica
step "kill one concert-service replica mid-load"
victim=$(containers --filter "label=com.docker.compose.service=concert-service" | head -1)
victim_name=$("$DOCKER" inspect -f '{{.Name}}' "$victim" | tr -d /)
kill_at=$(date +%s.%N)
"$DOCKER" kill "$victim" >/dev/null
log "killed $victim_name (SIGKILL)"
t=$SECONDS
wait_eureka CONCERT-SERVICE 2 90 || fail "Eureka still lists the killed replica"
evicted=$((SECONDS - t))
evicted_at=$(date +%s.%N)
log "Eureka dropped $victim_name after $evicted s"
# Then quiet: 60 s more of load, every answer counted.
sleep 60
touch "$WORK/load.stop"
wait "$load_pid" || true
load_pid=""
# The window in which errors are allowed: kill → eviction + the gateway's registry fetch (2 s) and load-balancer
# cache (2 s) + a gateway route timeout (5 s) for the requests already on their way to the dead address.
window_end=$(python3 -c "print($evicted_at + 2 + 2 + 5 + 1)")
scaling=$(python3 "$COMPOSE_DIR/drive.py" errors "$WORK/load.json" --until "$spread_from")
before=$(python3 "$COMPOSE_DIR/drive.py" errors "$WORK/load.json" --since "$spread_from" --until "$kill_at")
during=$(python3 "$COMPOSE_DIR/drive.py" errors "$WORK/load.json" --since "$kill_at" --until "$window_end")
after=$(python3 "$COMPOSE_DIR/drive.py" errors "$WORK/load.json" --since "$window_end")
# While three JVMs start on two cores, the running replicas can miss the gateway's 5 s route timeout (a 503
# fallback): counted and shown, not failed. From the moment every replica is listed, no error is allowed.
log "load while scaling up:       $scaling"
log "load steady, before the kill: $before"
log "load kill → window end ($(python3 -c "print(round($window_end - $kill_at, 1))") s): $during"
log "load after the window:       $after"
python3 - "$before" "$after" <<'PY' || fail "errors outside the kill window"
import json, sys
b, a = (json.loads(x) for x in sys.argv[1:])
sys.exit(1 if b["errors"] or a["errors"] or a["requests"] == 0 else 0)
PY

# ------------------------------------------------------------------------------------------------ 6. scale back, metrics
step "scale back to one of each"
"${DC[@]}" up -d --no-build --no-recreate --scale concert-service=1 --scale reservation-service=1 >"$WORK/up-back.log" 2>&1 \
  || fail "scale back failed"
# The killed container is left stopped by `docker kill`; compose removes the surplus ones.
wait_eureka CONCERT-SERVICE 1 90 || fail "Eureka: concert-service not back to 1"
wait_eureka RESERVATION-SERVICE 1 90 || fail "Eureka: reservation-service not back to 1"
log "containers now: $(containers | wc -l)"

step "every dashboard panel has data in InfluxDB"
python3 "$COMPOSE_DIR/check-dashboards.py" --influx "$INFLUX" --window 20m >"$WORK/dashboards.log" 2>&1 || fail "dashboard panels without data"
grep -v '^ok' "$WORK/dashboards.log" || true
log "$(grep -c '^ok' "$WORK/dashboards.log") panel checks passed (log: $WORK/dashboards.log)"

# ------------------------------------------------------------------------------------------------ 7. RSS, down -v
step "RSS per container (cgroup memory.stat rss)"
total=0
for id in $(containers); do
  name=$("$DOCKER" inspect -f '{{.Name}}' "$id" | tr -d /)
  full=$("$DOCKER" inspect -f '{{.Id}}' "$id")
  stat=$(cat "/sys/fs/cgroup/memory/docker/$full/memory.stat" 2>/dev/null || cat "/sys/fs/cgroup/system.slice/docker-$full.scope/memory.stat" 2>/dev/null || true)
  rss=$(awk '$1=="total_rss"||$1=="anon"{print $2; exit}' <<<"$stat")
  rss=${rss:-0}
  total=$((total + rss))
  printf '    %-45s %6d MiB\n' "$name" $((rss / 1048576))
done
printf '    %-45s %6d MiB\n' "total" $((total / 1048576))

step "down -v"
"${DC[@]}" down -v --remove-orphans >/dev/null 2>&1
down_done=1
left_c=$("$DOCKER" ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" | wc -l)
left_n=$("$DOCKER" network ls -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" | wc -l)
left_v=$("$DOCKER" volume ls -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" | wc -l)
log "left behind: $left_c containers, $left_n networks, $left_v volumes"
[ "$left_c$left_n$left_v" = 000 ] || fail "down -v left something behind"

log "cold start $cold s, warm start $warm s, eviction $evicted s after the kill; whole test $((SECONDS - T0)) s"
if [ "$failures" -gt 0 ]; then log "compose system test FAILED ($failures)"; exit 1; fi
log "compose system test passed"
