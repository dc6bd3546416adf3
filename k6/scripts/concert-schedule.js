// concert-service capacity: schedule list (GET /v1/api/concerts/schedule, Redis cache-aside) through the
// gateway's admission check, at an open-model rate.
// Default load: RATE=100 reads/s for DURATION=1m (constant-arrival-rate, PRE_VUS=50, MAX_VUS=300; STAGES ramps).
// Needs: LOGIN_USERS users (default: one per VU, MAX_VUS = 300) from FIRST_USER (USER_MIN), logged in and admitted
//   by setup(): ~6 s of logins at ~20 ms each (less with LOGIN_PARALLEL), then a queue token each; 300 of the
//   queue's admitted slots (QUEUE_MAX_ACTIVE).
// Sessions: every VU reads as users of its own and refreshes them before they expire (lib/auth.js vuEntry), so
//   DURATION may exceed the 10-minute access token. Admitted slots last QUEUE_ACTIVE_TTL (10 min): keep DURATION
//   within it, or raise it for long runs.
//
//   k6 run -e RATE=300 -e DURATION=1m k6/scripts/concert-schedule.js
import { arrivalScenario, firstUser, intEnv, loginUsers, vuCap } from '../lib/config.js';
import { NAMES, getSchedules } from '../lib/http.js';
import { checkData, endpointThresholds } from '../lib/checks.js';
import { setupOptions } from '../lib/auth.js';
import { admitPool, vuUser } from '../lib/flows.js';

const ADMIT_WAIT_SECONDS = intEnv('ADMIT_WAIT_SECONDS', 120);
const schedule = arrivalScenario({ rate: 100, duration: '1m', preAllocatedVUs: 50, maxVUs: 300 });
const VUS = vuCap({ schedule });
const LOGIN_USERS = loginUsers(VUS);

export const options = Object.assign(setupOptions(ADMIT_WAIT_SECONDS), {
  scenarios: { schedule },
  thresholds: endpointThresholds(NAMES.schedule, 300, 0.01),
});

export function setup() {
  return { pool: admitPool(firstUser(0), LOGIN_USERS, ADMIT_WAIT_SECONDS) };
}

export default function (data) {
  const user = vuUser(data.pool, VUS);
  const res = getSchedules(user.me(), user.token);
  checkData(res, NAMES.schedule, 'is a non-empty list of schedules',
    (d) => Array.isArray(d) && d.length > 0 && d[0].scheduleId !== undefined);
}
