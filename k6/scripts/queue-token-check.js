// queue-service capacity: token check polling (POST /v1/api/queue/token/check) at an open-model rate.
// setup() issues tokens for POOL users (USER_MIN.. consecutive ids); every iteration checks one of them at
// random, as a crowd of waiting clients polling would. Polling also keeps those users in the line.
//
//   k6 run -e RATE=500 -e DURATION=1m -e POOL=2000 k6/scripts/queue-token-check.js
import { USER_MIN, arrivalScenario, intEnv, pick } from '../lib/config.js';
import { NAMES, checkToken } from '../lib/http.js';
import { checkData, endpointThresholds } from '../lib/checks.js';
import { tokenFor } from '../lib/flows.js';

const POOL = intEnv('POOL', 1000);

export const options = {
  setupTimeout: '5m',
  scenarios: {
    token_check: arrivalScenario({ rate: 200, duration: '1m', preAllocatedVUs: 50, maxVUs: 500 }),
  },
  thresholds: endpointThresholds(NAMES.check, 200, 0.01),
};

export function setup() {
  const tokens = [];
  for (let i = 0; i < POOL; i++) {
    const token = tokenFor(USER_MIN + i);
    if (token) {
      tokens.push(token);
    }
  }
  if (tokens.length === 0) {
    throw new Error('setup: no token issued; is the gateway up at BASE_URL?');
  }
  return { tokens };
}

export default function (data) {
  const res = checkToken(pick(data.tokens));
  checkData(res, NAMES.check, 'has status, position and pollAfterMs',
    (d) => (d.status === 'WAITING' || d.status === 'PROGRESS') && typeof d.position === 'number'
      && typeof d.pollAfterMs === 'number');
}
