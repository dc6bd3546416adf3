#!/usr/bin/env bash
# Browser tests of the web client against the RUNNING stack (deploy/local/up.sh; test-all.sh calls this after the
# system tests while the stack is up). Installs what is missing: Debian's chromium (apt), Node.js and npm (apt),
# playwright-core (npm ci; it never downloads a browser). Screenshots of every step: results/e2e/<test>/*.png.
# A JUnit report for test-all.sh's tally: e2e/target/surefire-reports/TEST-e2e.xml.
# Env: BASE_URL (default http://localhost:$GATEWAY_PORT; PORT_OFFSET as for up.sh), E2E_ROOM (fix the room),
# E2E_OUTAGE_SERVICE (default concert-service), E2E_RESULTS; extra arguments go to `node --test` (e.g. a test file).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/lib.sh"
E2E="$ROOT/e2e"

command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || apt_install chromium
if [ ! -d "$E2E/node_modules/playwright-core" ]; then
  log "npm ci (playwright-core)"
  (cd "$E2E" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

export BASE_URL="${BASE_URL:-http://localhost:$GATEWAY_PORT}"
export PORT_OFFSET RUN_DIR
curl -fsS -m 5 -o /dev/null "$BASE_URL/app/" || die "the web client does not answer at $BASE_URL/app/: start the stack first (deploy/local/up.sh)"

export E2E_RESULTS="${E2E_RESULTS:-$ROOT/results/e2e}"
mkdir -p "$E2E_RESULTS" "$E2E/target/surefire-reports"
log "browser tests against $BASE_URL (screenshots: $E2E_RESULTS)"
cd "$E2E"
status=0
node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination="$E2E/target/surefire-reports/node-junit.xml" \
  "${@:-tests/}" || status=$?

# test-all.sh counts TEST-*.xml whose root carries tests/failures/errors/skipped: fold node's report into one suite.
python3 - "$E2E/target/surefire-reports" <<'PY'
import sys, xml.etree.ElementTree as ET
d = sys.argv[1]
cases = ET.parse(f"{d}/node-junit.xml").getroot().iter("testcase")
suite = ET.Element("testsuite", name="e2e")
n = failed = skipped = 0
for c in cases:
    if c.find("testcase") is not None:
        continue  # a file's wrapper, not a test
    n += 1
    failed += c.find("failure") is not None or c.find("error") is not None
    skipped += c.find("skipped") is not None
    suite.append(c)
suite.set("tests", str(n)); suite.set("failures", str(failed)); suite.set("errors", "0"); suite.set("skipped", str(skipped))
ET.ElementTree(suite).write(f"{d}/TEST-e2e.xml", encoding="utf-8", xml_declaration=True)
print(f"e2e: {n} tests, {failed} failed, {skipped} skipped")
PY
exit $status
