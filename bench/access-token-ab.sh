#!/usr/bin/env bash
# What the access-token check costs at the gateway, measured A/B/A/B on the running stack (started by
# bench/run.sh, i.e. with the bench profile): the same request with the access token checked and through the
# bench route that skips it, alternated ROUNDS times so that both sides see the same machine. Prints req/s and
# p50/p99 per run and the ratios of the medians. Loopback only; each run is DURATION seconds.
#   bench/access-token-ab.sh            # 3 rounds x 2 pairs x 15 s
set -euo pipefail
cd "$(dirname "$0")/.."
GATEWAY=${GATEWAY_URL:-http://127.0.0.1:8080}
ROUNDS=${ROUNDS:-3}; DURATION=${DURATION:-15}; USERS=${USERS:-32}
ROOM=${ROOM:-1}  # the waiting room (= schedule) the users join; the local stack opens demo rooms 1..24
sessions=$(mktemp); trap 'rm -f "$sessions"' EXIT
for i in $(seq 1 "$USERS"); do
  token=$(deploy/local/login.sh "user$i" "${DEMO_PASSWORD:-ticketing-demo}")
  queue=$(curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d "{\"roomId\": $ROOM}" "$GATEWAY/v1/api/queue/token" |
          python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["queueToken"])')
  echo "$i $token $queue" >> "$sessions"
done
run() { # name mode path -> "rps p50 p99 non2xx"
  SESSIONS_FILE=$sessions MODE=$2 REQ_PATH=$3 METHOD=$4 wrk -t2 -c32 -d"${DURATION}s" --latency \
      -s bench/wrk/tokens.lua "$GATEWAY" > /tmp/ab.out
  python3 - "$1" /tmp/ab.out <<'PY'
import re, sys
t = open(sys.argv[2]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
def ms(p):
    m = re.search(r"\s%s%%\s+([\d.]+)(us|ms|s)" % p, t)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
print(f"{sys.argv[1]:<44} {rps:8.0f} req/s  p50 {ms(50):7.2f} ms  p99 {ms(99):7.2f} ms  non2xx {non2xx.group(1) if non2xx else 0}")
print(f"RESULT {sys.argv[1].replace(' ', '_')} {rps}", file=sys.stderr)
PY
}
pairs=("ping|gateway|/v1/api/bench/ping|queue-only|/bench/ping|GET"
       "token-check|gateway|/v1/api/queue/token/check|queue-only|/bench/queue/token/check|POST")
for pair in "${pairs[@]}"; do  # warm-up, not counted
  IFS='|' read -r name m1 p1 m2 p2 method <<< "$pair"
  DURATION=10 run "warm-up $name checked" "$m1" "$p1" "$method" 2>/dev/null
  DURATION=10 run "warm-up $name unchecked" "$m2" "$p2" "$method" 2>/dev/null
done
results=$(mktemp)
for r in $(seq 1 "$ROUNDS"); do
  for pair in "${pairs[@]}"; do
    IFS='|' read -r name m1 p1 m2 p2 method <<< "$pair"
    run "$name, access token checked" "$m1" "$p1" "$method" 2>>"$results"
    run "$name, no access-token check" "$m2" "$p2" "$method" 2>>"$results"
  done
done
python3 - "$results" <<'PY'
import statistics, sys, collections
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    if line.startswith("RESULT "):
        _, name, rps = line.split()
        runs[name].append(float(rps))
for pair in ("ping", "token-check"):
    a = statistics.median(runs[f"{pair},_access_token_checked"]); b = statistics.median(runs[f"{pair},_no_access-token_check"])
    print(f"{pair}: checked / unchecked (medians of {len(runs[f'{pair},_access_token_checked'])}) = {a / b:.2f}; "
          f"cost {1e6 / a - 1e6 / b:.0f} us of wall time per request at 32 connections")
PY
