#!/bin/bash
# The CLI tool the Compose health check calls (same path as in the apache/kafka image), from kafka-tools.
# shellcheck disable=SC2086
exec java ${KAFKA_HEAP_OPTS:--Xmx64m} -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.xml -cp '/opt/kafka/libs/*' \
  org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
