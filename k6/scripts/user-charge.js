// user-service capacity: balance charge (POST /v1/api/user/amount) and balance read (GET) at an open-model
// rate, for random users. Each charge adds AMOUNT won to a demo user's balance (no reset needed: balances
// only grow, well below the maximum). READ_SHARE of the iterations read instead of charging.
//
//   k6 run -e RATE=200 -e DURATION=1m k6/scripts/user-charge.js
import { arrivalScenario, floatEnv, intEnv, randomUserId } from '../lib/config.js';
import { NAMES, charge, getBalance } from '../lib/http.js';
import { checkData, endpointThresholds } from '../lib/checks.js';

const AMOUNT = intEnv('AMOUNT', 1000);
const READ_SHARE = floatEnv('READ_SHARE', 0.5);

export const options = {
  scenarios: {
    charge: arrivalScenario({ rate: 100, duration: '1m', preAllocatedVUs: 50, maxVUs: 300 }),
  },
  thresholds: Object.assign(
    endpointThresholds(NAMES.charge, 500, 0.01),
    endpointThresholds(NAMES.balance, 300, 0.01),
  ),
};

export default function () {
  const userId = randomUserId();
  if (Math.random() < READ_SHARE) {
    const res = getBalance(userId);
    checkData(res, NAMES.balance, 'has userId and balance',
      (d) => d.userId === userId && typeof d.balance === 'number' && d.balance >= 0);
  } else {
    const res = charge(userId, AMOUNT);
    checkData(res, NAMES.charge, 'has userId and a balance >= the charge',
      (d) => d.userId === userId && typeof d.balance === 'number' && d.balance >= AMOUNT);
  }
}
