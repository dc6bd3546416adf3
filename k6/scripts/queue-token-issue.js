// queue-service capacity: token issue (POST /v1/api/queue/token) at an open-model arrival rate.
// New arrivals are random users 1..USER_MAX; a repeat for the same user returns the same token (idempotent).
// Note the gateway's Redis rate limiter on this route: 429s count as failures and show the limiter at work.
//
//   k6 run -e RATE=200 -e DURATION=1m k6/scripts/queue-token-issue.js
//   k6 run -e STAGES=50:30s,300:1m,0:10s k6/scripts/queue-token-issue.js        (ramping-arrival-rate)
import { arrivalScenario, randomUserId } from '../lib/config.js';
import { NAMES, issueToken } from '../lib/http.js';
import { checkData, endpointThresholds } from '../lib/checks.js';

export const options = {
  scenarios: {
    token_issue: arrivalScenario({ rate: 100, duration: '1m', preAllocatedVUs: 50, maxVUs: 500 }),
  },
  thresholds: endpointThresholds(NAMES.token, 300, 0.01),
};

export default function () {
  const res = issueToken(randomUserId());
  checkData(res, NAMES.token, 'has queueToken and status',
    (d) => typeof d.queueToken === 'string' && (d.status === 'WAITING' || d.status === 'PROGRESS'));
}
