#!/usr/bin/env bash
# Shared functions of the native local stack (sourced by up.sh, down.sh, service.sh, test-all.sh).
# Everything lives under $RUN_DIR (default <repo>/.run): logs/, pids/, kafka/.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="${RUN_DIR:-$ROOT/.run}"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
mkdir -p "$LOG_DIR" "$PID_DIR"

# PORT_OFFSET (default 0) moves every port of the stack but MariaDB's and Redis's (shared machine services), so a
# second stack from another checkout can run beside the first (e.g. PORT_OFFSET=100: gateway on 8180).
PORT_OFFSET="${PORT_OFFSET:-0}"
# name:port — start order: discovery first, gateway last.
SERVICES=(queue-service:$((8081 + PORT_OFFSET)) user-service:$((8082 + PORT_OFFSET)) concert-service:$((8083 + PORT_OFFSET))
  reservation-service:$((8084 + PORT_OFFSET)) payment-service:$((8085 + PORT_OFFSET)))
DISCOVERY_PORT="${DISCOVERY_PORT:-$((8761 + PORT_OFFSET))}"
GATEWAY_PORT="${GATEWAY_PORT:-$((8080 + PORT_OFFSET))}"
# The gateway's actuator (health, routes, breakers, metrics): its own port, on loopback only.
GATEWAY_MANAGEMENT_PORT="${GATEWAY_MANAGEMENT_PORT:-$((8079 + PORT_OFFSET))}"
KAFKA_PORT="${KAFKA_PORT:-$((9092 + PORT_OFFSET))}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((9093 + PORT_OFFSET))}"
REDIS_PORT="${REDIS_PORT:-6379}"
DB_PORT="${DB_PORT:-3306}"

SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xms64m -Xmx320m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=192m}"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--Xms128m -Xmx448m -XX:+UseSerialGC -Dreactor.netty.ioWorkerCount=2}"
DISCOVERY_JAVA_OPTS="${DISCOVERY_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -Xss512k}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}"

JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_closed() { ! port_open "$1"; }

# wait_until <seconds> <description> <command...>
wait_until() {
  local limit=$1 what=$2; shift 2
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS - start >= limit )); then return 1; fi
    sleep 1
  done
  log "$what ready after $((SECONDS - start)) s"
}

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_updated=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_tools() {
  local missing=()
  command -v mvn >/dev/null || missing+=(maven)
  command -v curl >/dev/null || missing+=(curl)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v python3 >/dev/null || missing+=(python3)
  command -v "$JAVA_BIN" >/dev/null || missing+=(openjdk-17-jdk-headless)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

ensure_mariadb() {
  if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
    apt_install mariadb-server mariadb-client
  fi
  if ! port_open "$DB_PORT"; then
    log "starting MariaDB on 127.0.0.1:$DB_PORT"
    as_root mkdir -p /run/mysqld /var/log/mysql
    as_root chown mysql:mysql /run/mysqld /var/log/mysql 2>/dev/null || true
    if [ ! -d /var/lib/mysql/mysql ]; then
      as_root mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
    fi
    local bin; bin="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
    as_root "$ROOT/deploy/local/detach.sh" start-stop-daemon --start --oknodo --background --exec "$bin" -- \
      --user=mysql --bind-address=127.0.0.1 --port="$DB_PORT"
    wait_until 60 "MariaDB" port_open "$DB_PORT" || die "MariaDB did not start (see /var/log/mysql)"
  fi
  wait_until 30 "MariaDB (root over socket)" as_root mariadb -e 'SELECT 1' || die "cannot reach MariaDB as root over its socket"
  as_root bash "$ROOT/deploy/local/db-init.sh" >/dev/null
  log "MariaDB schemas and per-service users ready"
}

ensure_redis() {
  if ! command -v redis-server >/dev/null; then
    apt_install redis-server
  fi
  if ! port_open "$REDIS_PORT"; then
    log "starting Redis on 127.0.0.1:$REDIS_PORT"
    "$ROOT/deploy/local/detach.sh" redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
      --logfile "$LOG_DIR/redis.log" >/dev/null
    wait_until 20 "Redis" port_open "$REDIS_PORT" || die "Redis did not start"
  fi
}

ensure_kafka() { bash "$ROOT/deploy/local/kafka.sh" start; }

# Dev secrets of the native stack, made once and kept under $RUN_DIR/secrets (never committed): the RSA key
# user-service signs access tokens with. Stable across restarts, so tokens survive a user-service restart.
ensure_dev_secrets() {
  local dir="$RUN_DIR/secrets" key
  key="$dir/auth-signing-key.pem"
  if [ -z "${AUTH_SIGNING_KEY:-}" ]; then
    if [ ! -s "$key" ]; then
      command -v openssl >/dev/null || apt_install openssl
      mkdir -p "$dir"; chmod 700 "$dir"
      (umask 077; openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null) \
        || die "could not generate the access-token signing key"
      log "generated the dev access-token signing key ($key)"
    fi
    AUTH_SIGNING_KEY="$(cat "$key")"
    AUTH_SIGNING_KEY_ID="${AUTH_SIGNING_KEY_ID:-dev-$(openssl pkey -in "$key" -pubout -outform DER 2>/dev/null | sha256sum | cut -c1-16)}"
  fi
}

# Drops the native stack's data (stopped stack only): the four service schemas are recreated empty (each service
# migrates its own and writes its demo data at start) and Redis database 0 is flushed. Module tests' schemas
# (<service>_test) and Redis databases are left alone.
reset_stack_data() {
  local schema
  for schema in user_service concert_service reservation_service payment_service; do
    as_root mariadb -e "DROP DATABASE IF EXISTS \`$schema\`"
  done
  as_root bash "$ROOT/deploy/local/db-init.sh" >/dev/null
  redis-cli -p "$REDIS_PORT" -n 0 flushdb >/dev/null
  log "stack data reset: empty schemas and Redis database 0"
}

# Builds all jars (tests skipped) unless SKIP_BUILD=1.
build_jars() {
  if [ "${SKIP_BUILD:-0}" = 1 ]; then return; fi
  log "building jars (mvn -DskipTests install)"
  (cd "$ROOT" && mvn -q -B -DskipTests install) || die "build failed"
}

pid_of() { local f="$PID_DIR/$1.pid"; if [ -f "$f" ]; then cat "$f"; fi; }
running() { local p; p=$(pid_of "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

ready() { curl -fsS -m 2 "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; }

# The port a process answers its actuator on (the gateway's is separate from its public port).
health_port() { if [ "$1" = gateway ]; then echo "$GATEWAY_MANAGEMENT_PORT"; else port_of "$1"; fi; }

# wait_ready <name> <seconds>: ready, or fails at once when the process has died.
wait_ready() {
  local name=$1 limit=$2 start=$SECONDS port
  port=$(health_port "$name")
  until ready "$port"; do
    if ! running "$name"; then log "$name exited during start-up; last lines of $LOG_DIR/$name.log:"; tail -25 "$LOG_DIR/$name.log" >&2; return 1; fi
    if (( SECONDS - start >= limit )); then return 1; fi
    sleep 1
  done
  log "$name ready after $((SECONDS - start)) s"
}

# start_app <module> <port> <java opts>
start_app() {
  local name=$1 port=$2 opts=$3
  if running "$name" && ready "$(health_port "$name")"; then log "$name already running (pid $(pid_of "$name"))"; return; fi
  if running "$name"; then log "$name starting (pid $(pid_of "$name"))"; return; fi
  if port_open "$port"; then die "port $port is taken by another process; cannot start $name"; fi
  local built="$ROOT/$name/target/$name.jar" jar="$RUN_DIR/jars/$name.jar"
  [ -f "$built" ] || die "$built is missing (build first)"
  # Run a copy: a rebuild while the process runs must not swap the jar under its class loader.
  mkdir -p "$RUN_DIR/jars"; cp -f "$built" "$jar"
  log "starting $name on :$port"
  # shellcheck disable=SC2086
  # Every process but the gateway listens on loopback only (SERVER_ADDRESS): /internal/** is not reachable from
  # the network, and nothing skips the gateway.
  local extra=(SERVER_ADDRESS="${SERVER_ADDRESS:-127.0.0.1}")
  case $name in
    # The gateway listens where GATEWAY_ADDRESS says (all interfaces by default); its actuator on loopback.
    gateway) extra=(MANAGEMENT_PORT="$GATEWAY_MANAGEMENT_PORT") ;;
    user-service) ensure_dev_secrets; extra+=(AUTH_SIGNING_KEY="$AUTH_SIGNING_KEY" AUTH_SIGNING_KEY_ID="$AUTH_SIGNING_KEY_ID") ;;
  esac
  # EXTRA_PROFILES adds profiles to every process: bench/run.sh sets "bench" (the gateway's benchmark routes and the
  # services' /ping); nothing else does.
  SERVER_PORT="$port" SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-local}${EXTRA_PROFILES:+,$EXTRA_PROFILES}" \
    EUREKA_URL="${EUREKA_URL:-http://127.0.0.1:$DISCOVERY_PORT/eureka/}" \
    KAFKA_BOOTSTRAP="${KAFKA_BOOTSTRAP:-127.0.0.1:$KAFKA_PORT}" \
    env "${extra[@]}" nohup "$ROOT/deploy/local/detach.sh" "$JAVA_BIN" $opts -jar "$jar" >"$LOG_DIR/$name.log" 2>&1 &
  echo $! >"$PID_DIR/$name.pid"
}

stop_app() {
  local name=$1 p
  p=$(pid_of "$name")
  if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
    kill "$p" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$p" 2>/dev/null || true
    log "stopped $name"
  fi
  rm -f "$PID_DIR/$name.pid"
}

port_of() {
  local s
  case $1 in discovery) echo "$DISCOVERY_PORT"; return;; gateway) echo "$GATEWAY_PORT"; return;; esac
  for s in "${SERVICES[@]}"; do [ "${s%%:*}" = "$1" ] && { echo "${s##*:}"; return; }; done
  die "unknown service $1"
}

registered() { # registered <service-name>: UP in Eureka
  curl -fsS -m 2 -H 'Accept: application/json' "http://127.0.0.1:$DISCOVERY_PORT/eureka/apps/${1^^}" 2>/dev/null | grep -q '"UP"'
}
