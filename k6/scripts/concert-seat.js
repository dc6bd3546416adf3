// concert-service capacity: seat view (GET /v1/api/concerts/seat?scheduleId=) of random open schedules.
// setup() admits POOL users and reads the open schedules once.
//
//   k6 run -e RATE=300 -e DURATION=1m k6/scripts/concert-seat.js
import { USER_MIN, arrivalScenario, intEnv, pick } from '../lib/config.js';
import { NAMES, getSeats } from '../lib/http.js';
import { checkData, endpointThresholds } from '../lib/checks.js';
import { admitPool, openSchedules } from '../lib/flows.js';

const POOL = intEnv('POOL', 50);
const FIRST_USER = intEnv('FIRST_USER', USER_MIN + 1000);

export const options = {
  setupTimeout: '3m',
  scenarios: {
    seat: arrivalScenario({ rate: 100, duration: '1m', preAllocatedVUs: 50, maxVUs: 300 }),
  },
  thresholds: endpointThresholds(NAMES.seat, 300, 0.01),
};

export function setup() {
  const pool = admitPool(FIRST_USER, POOL, intEnv('ADMIT_WAIT_SECONDS', 120));
  const scheduleIds = openSchedules(pool[0].token).map((s) => s.scheduleId);
  if (scheduleIds.length === 0) {
    throw new Error('setup: no open schedule to read seats of');
  }
  return { pool, scheduleIds };
}

export default function (data) {
  const res = getSeats(pick(data.pool).token, pick(data.scheduleIds));
  checkData(res, NAMES.seat, 'is a list of seats with a status',
    (d) => Array.isArray(d) && d.length > 0
      && ['AVAILABLE', 'HELD', 'SOLD'].indexOf(d[0].status) >= 0);
}
