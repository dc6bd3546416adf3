// queue-service capacity: token check polling (POST /v1/api/queue/token/check) at an open-model rate, as a crowd
// of waiting fans polling would. Polling also keeps those users in the line.
// Default load: RATE=200 checks/s for DURATION=1m (constant-arrival-rate, PRE_VUS=50, MAX_VUS=500; STAGES ramps).
// Needs: LOGIN_USERS users (default 1000, two per VU) from FIRST_USER (USER_MIN + 10000), logged in by setup()
//   (~20 s of logins at ~20 ms each, less with LOGIN_PARALLEL), then a queue token each (waiting out 429s).
// Sessions: every VU checks the tokens of users of its own in turn and refreshes their sessions before they expire
//   (lib/auth.js vuEntry), so DURATION may exceed the 10-minute access token; LOGIN_USERS below MAX_VUS shares
//   sessions between VUs and bounds the run by it (VU 1 warns).
//
//   k6 run -e RATE=500 -e DURATION=1m -e LOGIN_USERS=2000 k6/scripts/queue-token-check.js
import { arrivalScenario, firstUser, loginUsers, vuCap } from '../lib/config.js';
import { NAMES, checkToken } from '../lib/http.js';
import { checkData, endpointThresholds } from '../lib/checks.js';
import { loginPool, setupOptions } from '../lib/auth.js';
import { issueTokens, vuUser } from '../lib/flows.js';

const tokenCheck = arrivalScenario({ rate: 200, duration: '1m', preAllocatedVUs: 50, maxVUs: 500 });
const VUS = vuCap({ token_check: tokenCheck });
const LOGIN_USERS = loginUsers(1000);

export const options = Object.assign(setupOptions(LOGIN_USERS / 50), {
  scenarios: { token_check: tokenCheck },
  thresholds: endpointThresholds(NAMES.check, 200, 0.01),
});

export function setup() {
  const pool = issueTokens(loginPool(firstUser(10000), LOGIN_USERS));
  if (pool.length === 0) {
    throw new Error('setup: no queue token issued; is the gateway up at BASE_URL?');
  }
  return { pool };
}

export default function (data) {
  const user = vuUser(data.pool, VUS);
  const res = checkToken(user.me(), user.token);
  checkData(res, NAMES.check, 'has status, position and pollAfterMs',
    (d) => (d.status === 'WAITING' || d.status === 'PROGRESS') && typeof d.position === 'number'
      && typeof d.pollAfterMs === 'number');
}
