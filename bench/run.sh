#!/usr/bin/env bash
# The benchmark suite, one command: starts (or reuses) the native stack with the benchmark settings, resets
# the benchmark data, warms up and measures every target with wrk on loopback, and writes
# results/bench-<date>.md and .json. QUICK=1 for a short smoke run. The stack keeps running afterwards.
# Settings for the run (restored by `deploy/local/up.sh` restarts without them):
#   every process: the bench profile (the gateway's /v1/api/bench/** and /bench/** routes, the services' /ping);
#   queue: long idle/active times so seeded users stay (a session lasts at most 1 h, a room's limit); reservation: no
#   per-user hold limit (1,000 users take 1,000 seats) and 30-minute holds (the payment run uses them).
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local/lib.sh
command -v wrk >/dev/null || apt_install wrk

export EXTRA_PROFILES=bench QUEUE_IDLE_TIMEOUT=2h QUEUE_ACTIVE_TTL=1h QUEUE_TOKEN_TTL=3h \
       MAX_ACTIVE_HOLDS_PER_USER=100 HOLD_DURATION=30m
was_running=0; ready "$GATEWAY_MANAGEMENT_PORT" && was_running=1
bash deploy/local/up.sh
# up.sh keeps processes that already run: restart the ones whose settings differ for the benchmark.
if [ "$was_running" = 1 ]; then
  for s in gateway queue-service reservation-service; do bash deploy/local/service.sh restart "$s"; done
fi
python3 bench/bench.py
