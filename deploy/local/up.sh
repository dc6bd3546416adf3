#!/usr/bin/env bash
# Starts the whole suite natively on this machine, no Docker:
#   MariaDB + Redis (installed with apt when missing, started without systemd), schemas and DB users,
#   a Kafka broker in KRaft mode (from its Maven artifact), then discovery, the five services and the
#   gateway, each its own JVM with a bounded heap. Waits until all are registered and routable.
# Running it twice is harmless. Env: SKIP_BUILD=1 (use existing jars), STARTUP_TIMEOUT (s, default 240).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

T0=$SECONDS
TIMEOUT="${STARTUP_TIMEOUT:-240}"

ensure_tools
ensure_mariadb
ensure_redis
build_jars
ensure_kafka

start_app discovery "$DISCOVERY_PORT" "$DISCOVERY_JAVA_OPTS"
wait_ready discovery "$TIMEOUT" || die "discovery did not start (see $LOG_DIR/discovery.log)"

for s in "${SERVICES[@]}"; do
  start_app "${s%%:*}" "${s##*:}" "$SERVICE_JAVA_OPTS"
done
start_app gateway "$GATEWAY_PORT" "$GATEWAY_JAVA_OPTS"

for s in "${SERVICES[@]}"; do
  name=${s%%:*}
  wait_ready "$name" "$TIMEOUT" || die "$name did not become ready (see $LOG_DIR/$name.log)"
done
wait_ready gateway "$TIMEOUT" || die "gateway did not become ready (see $LOG_DIR/gateway.log)"
for s in "${SERVICES[@]}"; do
  name=${s%%:*}
  wait_until 60 "$name registration" registered "$name" || die "$name did not register in Eureka"
done

# Routable through the gateway: the OpenID provider answers, then a demo user logs in (authorization code + PKCE,
# as every client does) and reads, with the access token, demo room 1 (queue-service's local profile opens rooms
# 1..24, one per open demo schedule, at start-up).
routable() { local code; code=$(curl -s -o /dev/null -w '%{http_code}' -m 3 "$@"); [ "$code" = 200 ]; }
wait_until 60 "login (OpenID discovery)" routable "http://127.0.0.1:$GATEWAY_PORT/.well-known/openid-configuration" \
  || die "user-service's login endpoints are not routable"
# A few tries: right after start the gateway may still be learning user-service's instances (its load-balancer
# cache), and a busy machine stretches that past the discovery document's first answer.
demo_login() { access_token=$(GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT" bash "$ROOT/deploy/local/login.sh" user1 ticketing-demo); }
wait_until 60 "demo login (user1)" demo_login || die "the demo user could not log in (see $LOG_DIR/user-service.log)"
queue_route() { local code; code=$(curl -s -o /dev/null -w '%{http_code}' -m 3 -H "Authorization: Bearer $access_token" \
  "http://127.0.0.1:$GATEWAY_PORT/v1/api/queue/rooms/1"); [ "$code" = 200 ]; }
wait_until 60 "demo waiting room 1 (GET /v1/api/queue/rooms/1, logged in)" queue_route \
  || die "queue route not routable, or demo room 1 missing (see $LOG_DIR/queue-service.log)"

log "suite up in $((SECONDS - T0)) s"
cat <<MSG

  Gateway (public API)   http://localhost:$GATEWAY_PORT/v1/api/...
  Log in (demo)          deploy/local/login.sh user1 ticketing-demo    (users user1..user100000; admin: admin / admin-dev-password)
  Waiting rooms          GET /v1/api/queue/rooms; join one: POST /v1/api/queue/token {"roomId": 1}  (demo rooms 1..24 = schedules)
  Swagger UI             http://localhost:$GATEWAY_PORT/swagger-ui.html  ("Authorize" logs in)
  Eureka dashboard       http://localhost:$DISCOVERY_PORT/
  Gateway actuator       http://localhost:$GATEWAY_MANAGEMENT_PORT/actuator/gateway/routes   (loopback only)
  Services (direct)      queue :8081  user :8082  concert :8083  reservation :8084  payment :8085
  Kafka                  127.0.0.1:$KAFKA_PORT     MariaDB 127.0.0.1:$DB_PORT     Redis 127.0.0.1:$REDIS_PORT
  Logs                   $LOG_DIR/
  Stop                   deploy/local/down.sh

MSG
