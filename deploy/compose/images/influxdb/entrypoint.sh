#!/bin/bash
set -euo pipefail
first=0
[ -d /var/lib/influxdb/meta ] || first=1
influxd &
pid=$!
trap 'kill -TERM $pid' TERM INT
if [ "$first" = 1 ]; then
  for _ in $(seq 1 60); do curl -fsS -o /dev/null http://127.0.0.1:8086/ping && break; sleep 0.5; done
  for f in /docker-entrypoint-initdb.d/*.iql; do
    [ -e "$f" ] || continue
    echo "entrypoint: running $f"
    # one InfluxQL statement a line (what the official image's init runs too)
    grep -v -e '^\s*$' -e '^\s*#' "$f" | while IFS= read -r stmt; do influx -host 127.0.0.1 -port 8086 -execute "$stmt"; done
  done
fi
wait "$pid"
