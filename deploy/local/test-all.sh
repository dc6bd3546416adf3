#!/usr/bin/env bash
# Runs every test of the suite on this machine, installing and starting what the tests need:
#   1. MariaDB + Redis (apt when missing, started without systemd), schemas and per-service DB users;
#   2. every module's tests (`mvn install`: real MariaDB and Redis, embedded Kafka broker);
#   3. static checks of the ops files (Compose file, k6 scripts), when present;
#   4. the system tests against the real stack (deploy/local/up.sh: real processes, MariaDB, Redis,
#      KRaft Kafka), through the gateway; the stack is stopped afterwards;
#   5. the browser tests of the web client (e2e/run.sh: Debian chromium driven by playwright-core) on the same stack;
#   6. the Compose system test (deploy/compose/system-test.sh, docs/compose.md): the same suite in containers built
#      offline, scaled and killed under load, metrics checked in InfluxDB (it installs docker.io and starts dockerd
#      when missing). It adds ~12 minutes on 2 cores with the images built, ~18 on a fresh machine (debootstrap and
#      image builds); COMPOSE_TEST=0 skips it.
# Ends with one line "N passed, N failed" over all test reports. Exit code non-zero on any failure.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

T0=$SECONDS
MVN=(mvn -B -ntp -Dstyle.color=never)
status=0
stack_started=0

cleanup() {
  if [ "$stack_started" = 1 ] && [ "${KEEP_STACK:-0}" != 1 ]; then bash "$ROOT/deploy/local/down.sh" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

set -e
ensure_tools
ensure_mariadb
ensure_redis
set +e

log "1/6 module tests (mvn install)"
# Module tests have their own schemas (<service>_test) and Redis database indexes, so a running stack would not
# disturb them; it is stopped anyway, to leave the machine to the build and restart fresh on its jars in step 3.
bash deploy/local/down.sh >/dev/null 2>&1 || true
rm -rf ./*/target/surefire-reports
if ! "${MVN[@]}" install; then status=1; log "module tests FAILED"; fi

log "2/6 ops checks"
if [ -x deploy/check-compose.sh ]; then
  if ! command -v docker-compose >/dev/null; then apt_install docker-compose || true; fi
  bash deploy/check-compose.sh || { status=1; log "compose check FAILED"; }
fi
# The k6 dashboard's measurements, fields and tags against what k6 writes (static: k6 can't run here).
python3 deploy/compose/check-dashboards.py --static-only >/dev/null || { status=1; log "k6 dashboard check FAILED"; }
if [ -x k6/check-syntax.sh ]; then
  command -v node >/dev/null || apt_install nodejs || true
  bash k6/check-syntax.sh || { status=1; log "k6 syntax check FAILED"; }
fi

if [ "$status" = 0 ]; then
  log "3/6 starting the stack (real processes, MariaDB, Redis, Kafka)"
  # Fresh processes on the jars just built and tested.
  bash deploy/local/down.sh >/dev/null 2>&1 || true
  # The system tests start from a fresh stack's data: empty schemas (the services migrate them again and make the
  # demo data: seats all AVAILABLE, balances 0) and an empty Redis (waiting room, caches, login sessions and
  # counters, rate limiters). A benchmark or an earlier run on this machine would otherwise leave seats sold.
  reset_stack_data
  stack_started=1
  if SKIP_BUILD=1 bash deploy/local/up.sh; then
    log "4/6 system tests through the gateway"
    "${MVN[@]}" -Psystem -pl system-tests test || { status=1; log "system tests FAILED"; }
    log "5/6 browser tests of the web client (e2e/run.sh: Debian chromium + playwright-core)"
    bash e2e/run.sh || { status=1; log "browser tests FAILED"; }
  else
    status=1; log "stack did not start: see $LOG_DIR"
  fi
else
  log "skipping the system tests: earlier steps failed"
fi

if [ "$status" = 0 ] && [ "${COMPOSE_TEST:-1}" = 1 ]; then
  # The native stack's processes would compete with the containers for the two cores: stop it first.
  if [ "$stack_started" = 1 ]; then bash deploy/local/down.sh >/dev/null 2>&1 || true; stack_started=0; fi
  log "6/6 Compose system test (containers built offline; jars of step 1; COMPOSE_TEST=0 skips it)"
  SKIP_BUILD=1 bash deploy/compose/system-test.sh || { status=1; log "Compose system test FAILED"; }
elif [ "${COMPOSE_TEST:-1}" = 1 ]; then
  log "skipping the Compose system test: earlier steps failed"
fi

# One closing line over every surefire report of this run.
read -r passed failed skipped < <(python3 - <<'PY'
import glob, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob('*/target/surefire-reports/TEST-*.xml'):
    r = ET.parse(path).getroot()
    t, fl, er, sk = (int(r.get(k, 0)) for k in ('tests', 'failures', 'errors', 'skipped'))
    p += t - fl - er - sk; f += fl + er; s += sk
print(p, f, s)
PY
)
log "all tests finished in $((SECONDS - T0)) s"
if [ "$status" != 0 ] && [ "${failed:-0}" = 0 ]; then failed=1; fi
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
