#!/usr/bin/env bash
# A real single-node Kafka broker in KRaft mode (broker + controller), from the Kafka Maven artifact.
#   kafka.sh start | stop | status
# Data under $RUN_DIR/kafka/data; logs in $RUN_DIR/logs/kafka.log. Starting twice is harmless.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_DIR="$RUN_DIR/kafka"
LIB="$KAFKA_DIR/lib"
DATA="$KAFKA_DIR/data"
CONF="$KAFKA_DIR/server.properties"

fetch_libs() {
  if [ -f "$LIB/.complete" ]; then return; fi
  log "gathering the Kafka broker from Maven (first run only)"
  rm -rf "$LIB"; mkdir -p "$LIB"
  (cd "$ROOT/deploy/local/kafka" && mvn -q -B dependency:copy-dependencies -DoutputDirectory="$LIB" -DincludeScope=runtime) \
    || die "could not resolve the Kafka broker artifacts"
  touch "$LIB/.complete"
}

write_config() {
  mkdir -p "$DATA"
  cat >"$CONF" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=24
PROPS
}

kjava() { "$JAVA_BIN" $KAFKA_HEAP_OPTS -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.xml" -cp "$LIB/*" "$@"; }

start() {
  if running kafka && port_open "$KAFKA_PORT"; then log "Kafka already running (pid $(pid_of kafka))"; return; fi
  if ! running kafka && port_open "$KAFKA_PORT"; then log "Kafka port $KAFKA_PORT already served by another process; using it"; return; fi
  fetch_libs
  write_config
  if [ ! -f "$DATA/meta.properties" ]; then
    local id; id=$(kjava kafka.tools.StorageTool random-uuid | tail -1)
    kjava kafka.tools.StorageTool format -t "$id" -c "$CONF" >/dev/null
  fi
  log "starting Kafka (KRaft) on 127.0.0.1:$KAFKA_PORT"
  KAFKA_HEAP_OPTS="$KAFKA_HEAP_OPTS" nohup "$ROOT/deploy/local/detach.sh" "$JAVA_BIN" $KAFKA_HEAP_OPTS -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.xml" -cp "$LIB/*" kafka.Kafka "$CONF" \
    >"$LOG_DIR/kafka.log" 2>&1 &
  echo $! >"$PID_DIR/kafka.pid"
  wait_until 60 "Kafka" port_open "$KAFKA_PORT" || die "Kafka did not start (see $LOG_DIR/kafka.log)"
}

case "${1:-start}" in
  start) start ;;
  stop) stop_app kafka ;;
  status) if running kafka; then echo "kafka running (pid $(pid_of kafka))"; else echo "kafka stopped"; exit 1; fi ;;
  *) die "usage: kafka.sh start|stop|status" ;;
esac
