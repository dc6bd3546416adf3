#!/usr/bin/env bash
# Debian's InfluxDB 1.x natively, for the native stack's metrics (no Docker):
#   deploy/influxdb/native.sh start|stop|status
# Installs the `influxdb` and `influxdb-client` packages when missing, starts influxd in the background on
# 127.0.0.1:$INFLUX_PORT (default 8086) with its data under $RUN_DIR/influxdb, and creates the databases of
# deploy/influxdb/init/*.iql (`ticketing` for Micrometer, `k6` for k6) on the first start. Then:
#   INFLUX_ENABLED=true deploy/local/up.sh          # every service exports to http://127.0.0.1:8086, db ticketing
# (INFLUX_URL=http://127.0.0.1:<port> when INFLUX_PORT is not 8086.)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../local/lib.sh"

INFLUX_PORT="${INFLUX_PORT:-8086}"
DIR="$RUN_DIR/influxdb"
CONF="$DIR/influxdb.conf"

write_config() {
  mkdir -p "$DIR"
  cat >"$CONF" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$((INFLUX_PORT + 2))"
[meta]
  dir = "$DIR/meta"
[data]
  dir = "$DIR/data"
  wal-dir = "$DIR/wal"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:$INFLUX_PORT"
  log-enabled = false
CONF
}

start() {
  if running influxdb && port_open "$INFLUX_PORT"; then log "InfluxDB already running (pid $(pid_of influxdb))"; return; fi
  if ! running influxdb && port_open "$INFLUX_PORT"; then die "port $INFLUX_PORT is taken by another process"; fi
  command -v influxd >/dev/null || apt_install influxdb influxdb-client
  command -v influx >/dev/null || apt_install influxdb-client
  local first=0
  [ -d "$DIR/meta" ] || first=1
  write_config
  log "starting InfluxDB $(influxd version 2>/dev/null | awk '{print $2}') on 127.0.0.1:$INFLUX_PORT"
  nohup "$ROOT/deploy/local/detach.sh" influxd -config "$CONF" >"$LOG_DIR/influxdb.log" 2>&1 &
  echo $! >"$PID_DIR/influxdb.pid"
  wait_until 30 "InfluxDB" curl -fsS -o /dev/null "http://127.0.0.1:$INFLUX_PORT/ping" || die "InfluxDB did not start (see $LOG_DIR/influxdb.log)"
  if [ "$first" = 1 ]; then
    local f stmt
    for f in "$ROOT"/deploy/influxdb/init/*.iql; do
      grep -v -e '^\s*$' -e '^\s*#' "$f" | while IFS= read -r stmt; do
        influx -host 127.0.0.1 -port "$INFLUX_PORT" -execute "$stmt"
      done
    done
    log "databases: $(influx -host 127.0.0.1 -port "$INFLUX_PORT" -execute 'SHOW DATABASES' -format csv | tail -n +2 | cut -d, -f2 | tr '\n' ' ')"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop_app influxdb ;;
  status) if running influxdb; then echo "influxdb running (pid $(pid_of influxdb))"; else echo "influxdb stopped"; exit 1; fi ;;
  *) die "usage: native.sh start|stop|status" ;;
esac
