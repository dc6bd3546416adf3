// user-service capacity: balance charge (POST /v1/api/user/amount) and balance read (GET) at an open-model rate,
// each by a logged-in user on their own account. Each charge adds AMOUNT won to the user's balance (no reset needed:
// balances only grow, well below the maximum). READ_SHARE of the iterations read instead of charging.
// Default load: RATE=100 calls/s for DURATION=1m (constant-arrival-rate, PRE_VUS=50, MAX_VUS=300; STAGES ramps).
// Needs: LOGIN_USERS users (default: one per VU, MAX_VUS = 300) from a random FIRST_USER, logged in by setup()
//   (~6 s of logins at ~20 ms each, less with LOGIN_PARALLEL).
// Sessions: every VU acts as users of its own and refreshes them before they expire (lib/auth.js vuEntry), so
//   DURATION may exceed the 10-minute access token.
//
//   k6 run -e RATE=200 -e DURATION=1m k6/scripts/user-charge.js
import { arrivalScenario, floatEnv, intEnv, loginUsers, randomFirstUser, vuCap } from '../lib/config.js';
import { NAMES, charge, getBalance } from '../lib/http.js';
import { checkData, endpointThresholds } from '../lib/checks.js';
import { loginPool, setupOptions } from '../lib/auth.js';
import { vuUser } from '../lib/flows.js';

const AMOUNT = intEnv('AMOUNT', 1000);
const READ_SHARE = floatEnv('READ_SHARE', 0.5);
const chargeScenario = arrivalScenario({ rate: 100, duration: '1m', preAllocatedVUs: 50, maxVUs: 300 });
const VUS = vuCap({ charge: chargeScenario });
const LOGIN_USERS = loginUsers(VUS);

export const options = Object.assign(setupOptions(), {
  scenarios: { charge: chargeScenario },
  thresholds: Object.assign(
    endpointThresholds(NAMES.charge, 500, 0.01),
    endpointThresholds(NAMES.balance, 300, 0.01),
  ),
});

export function setup() {
  return { pool: loginPool(randomFirstUser(LOGIN_USERS), LOGIN_USERS) };
}

export default function (data) {
  const session = vuUser(data.pool, VUS).me();
  if (Math.random() < READ_SHARE) {
    const res = getBalance(session);
    checkData(res, NAMES.balance, 'has userId and balance',
      (d) => d.userId === session.userId && typeof d.balance === 'number' && d.balance >= 0);
  } else {
    const res = charge(session, AMOUNT);
    checkData(res, NAMES.charge, 'has userId and a balance >= the charge',
      (d) => d.userId === session.userId && typeof d.balance === 'number' && d.balance >= AMOUNT);
  }
}
