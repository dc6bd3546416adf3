#!/usr/bin/env bash
# A/B of a losing hold at reservation-service directly (no gateway): two reservation-service jars alternated, a fresh
# JVM for each run, 10 s of warm-up then 15 s measured, three rounds (bench/ab.sh).
#   OLD_JAR=/path/a.jar NEW_JAR=/path/b.jar bench/ab-losing-hold.sh     (on a native stack started by bench/run.sh)
set -euo pipefail
SERVICE=reservation-service LOADS=losing-hold WARM=10 exec "$(dirname "$0")/ab.sh"
