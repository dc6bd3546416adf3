// concert-service capacity: schedule list (GET /v1/api/concerts/schedule, Redis cache-aside) through the
// gateway's admission check. setup() admits POOL users; iterations read the list with one of their tokens.
// Admitted slots expire (active TTL): keep DURATION within it, or raise the queue's active TTL for long runs.
//
//   k6 run -e RATE=300 -e DURATION=1m k6/scripts/concert-schedule.js
import { USER_MIN, arrivalScenario, intEnv, pick } from '../lib/config.js';
import { NAMES, getSchedules } from '../lib/http.js';
import { checkData, endpointThresholds } from '../lib/checks.js';
import { admitPool } from '../lib/flows.js';

const POOL = intEnv('POOL', 50);
const FIRST_USER = intEnv('FIRST_USER', USER_MIN);

export const options = {
  setupTimeout: '3m',
  scenarios: {
    schedule: arrivalScenario({ rate: 100, duration: '1m', preAllocatedVUs: 50, maxVUs: 300 }),
  },
  thresholds: endpointThresholds(NAMES.schedule, 300, 0.01),
};

export function setup() {
  return { pool: admitPool(FIRST_USER, POOL, intEnv('ADMIT_WAIT_SECONDS', 120)) };
}

export default function (data) {
  const res = getSchedules(pick(data.pool).token);
  checkData(res, NAMES.schedule, 'is a non-empty list of schedules',
    (d) => Array.isArray(d) && d.length > 0 && d[0].scheduleId !== undefined);
}
