#!/usr/bin/env bash
# Stops or starts one process of the running local stack: service.sh stop|start|restart <name>
# <name>: discovery, gateway, queue-service, user-service, concert-service, reservation-service,
# payment-service, kafka, redis, mariadb. `start` waits until the process is ready (and registered in Eureka).
# `stop mariadb` shuts the database server down (the services keep running, for outage tests); `start mariadb`
# starts it again the way up.sh does.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

action=${1:-}; name=${2:-}
[ -n "$name" ] || die "usage: service.sh stop|start|restart <name>"

mariadb_gone() { ! pgrep -x mariadbd >/dev/null && ! pgrep -x mysqld >/dev/null; }

do_start() {
  case $name in
    kafka) bash "$ROOT/deploy/local/kafka.sh" start; return ;;
    redis) ensure_redis; return ;;
    mariadb) ensure_mariadb; return ;;
    gateway) start_app gateway "$GATEWAY_PORT" "$GATEWAY_JAVA_OPTS" ;;
    discovery) start_app discovery "$DISCOVERY_PORT" "$DISCOVERY_JAVA_OPTS" ;;
    *) start_app "$name" "$(port_of "$name")" "$SERVICE_JAVA_OPTS" ;;
  esac
  wait_ready "$name" "${STARTUP_TIMEOUT:-180}" || die "$name did not become ready"
  case $name in gateway|discovery) ;; *) wait_until 60 "$name registration" registered "$name" || die "$name did not register" ;; esac
}

case $action in
  stop)
    case $name in
      kafka) bash "$ROOT/deploy/local/kafka.sh" stop ;;
      redis) redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; log "stopped Redis" ;;
      mariadb)
        as_root mariadb-admin shutdown >/dev/null 2>&1 || true
        wait_until 60 "MariaDB to stop" port_closed "$DB_PORT" || die "MariaDB did not stop"
        # gone for good: a start while it is still shutting down would find it "already running"
        wait_until 60 "MariaDB to exit" mariadb_gone || die "MariaDB did not exit"
        log "stopped MariaDB" ;;
      *) stop_app "$name" ;;
    esac ;;
  start) do_start ;;
  restart) stop_app "$name"; do_start ;;
  *) die "usage: service.sh stop|start|restart <name>" ;;
esac
