#!/usr/bin/env bash
# Stops the gateway, the services, discovery and the local Kafka broker started by up.sh.
# MariaDB and Redis are left running (they are shared machine services); --all stops Redis too.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stop_app gateway
for s in "${SERVICES[@]}"; do stop_app "${s%%:*}" & done
wait
stop_app discovery
stop_app kafka
if [ "${1:-}" = "--all" ] && port_open "$REDIS_PORT"; then
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  log "stopped Redis"
fi
log "suite stopped"
