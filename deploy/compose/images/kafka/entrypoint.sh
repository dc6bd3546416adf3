#!/bin/bash
set -euo pipefail
conf=/opt/kafka/config/server.properties
: >"$conf"
# KAFKA_FOO_BAR=x -> foo.bar=x (the apache/kafka image's rule), except the JVM's own settings.
while IFS='=' read -r name value; do
  case $name in KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_LOG4J_OPTS) continue ;; esac
  key=$(printf '%s' "${name#KAFKA_}" | tr '[:upper:]' '[:lower:]' | tr '_' '.')
  printf '%s=%s\n' "$key" "$value" >>"$conf"
done < <(env | grep -E '^KAFKA_[A-Z0-9_]+=' || true)
grep -q '^log.dirs=' "$conf" || echo "log.dirs=/var/lib/kafka/data" >>"$conf"
cp_="/opt/kafka/libs/*"
log="-Dlog4j2.configurationFile=/opt/kafka/config/log4j2.xml"
if [ ! -f /var/lib/kafka/data/meta.properties ]; then
  java -Xmx128m "$log" -cp "$cp_" kafka.tools.StorageTool format -t "${CLUSTER_ID:?CLUSTER_ID is required}" -c "$conf" --ignore-formatted
fi
# shellcheck disable=SC2086
exec java ${KAFKA_HEAP_OPTS:--Xmx512m} -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError "$log" -cp "$cp_" kafka.Kafka "$conf"
