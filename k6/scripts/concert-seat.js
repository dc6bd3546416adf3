// concert-service capacity: seat view (GET /v1/api/concerts/seat?scheduleId=) of the open schedules, at an
// open-model rate. Each user reads the schedule of the waiting room it was admitted to (rooms ROOM_MIN..ROOM_MAX in
// turn over the pool; another schedule's seats would be 403).
// Default load: RATE=100 reads/s for DURATION=1m (constant-arrival-rate, PRE_VUS=50, MAX_VUS=300; STAGES ramps).
// Needs: LOGIN_USERS users (default: one per VU, MAX_VUS = 300) from FIRST_USER (USER_MIN + 1000), logged in and
//   admitted by setup(): ~6 s of logins at ~20 ms each (less with LOGIN_PARALLEL), then a queue token each in its
//   room; room limits (maxActiveUsers) that admit them.
// Sessions: every VU reads as users of its own and refreshes them before they expire (lib/auth.js vuEntry), so
//   DURATION may exceed the 10-minute access token. Admitted slots last QUEUE_ACTIVE_TTL (10 min).
//
//   k6 run -e RATE=300 -e DURATION=1m k6/scripts/concert-seat.js
import { arrivalScenario, firstUser, intEnv, loginUsers, vuCap } from '../lib/config.js';
import { NAMES, getSeats } from '../lib/http.js';
import { checkData, endpointThresholds } from '../lib/checks.js';
import { setupOptions } from '../lib/auth.js';
import { admitPool, vuUser } from '../lib/flows.js';

const ADMIT_WAIT_SECONDS = intEnv('ADMIT_WAIT_SECONDS', 120);
const seat = arrivalScenario({ rate: 100, duration: '1m', preAllocatedVUs: 50, maxVUs: 300 });
const VUS = vuCap({ seat });
const LOGIN_USERS = loginUsers(VUS);

export const options = Object.assign(setupOptions(ADMIT_WAIT_SECONDS), {
  scenarios: { seat },
  thresholds: endpointThresholds(NAMES.seat, 300, 0.01),
});

export function setup() {
  return { pool: admitPool(firstUser(1000), LOGIN_USERS, ADMIT_WAIT_SECONDS) };
}

export default function (data) {
  const user = vuUser(data.pool, VUS);
  const res = getSeats(user.me(), user.token, user.roomId);
  checkData(res, NAMES.seat, 'is a list of seats with a status',
    (d) => Array.isArray(d) && d.length > 0
      && ['AVAILABLE', 'HELD', 'SOLD'].indexOf(d[0].status) >= 0);
}
