// queue-service capacity: token issue (POST /v1/api/queue/token) at an open-model arrival rate, through the
// gateway's rate limiter. A user's first issue is an arrival (a new place at the end of its room's line; user i of the
// pool joins room ROOM_MIN + i mod the rooms); every later one returns the same token (idempotent per user and room),
// as a fan pressing the button again.
// Default load: RATE=100 issues/s for DURATION=1m (constant-arrival-rate, PRE_VUS=100, MAX_VUS=500; STAGES ramps).
// Needs: LOGIN_USERS users (default 1000, two per VU) from a random FIRST_USER, logged in by setup() (~20 s of
//   logins at ~20 ms each, less with LOGIN_PARALLEL).
// Rate limits: the gateway allows each user 2 issues/s (bursts of 5) and each client address its own rate; 429s
//   count as failures. VUs take turns (k6 hands iterations to idle VUs in order), so each user in use issues about
//   RATE / (PRE_VUS x LOGIN_USERS / MAX_VUS) per second: 0.5/s by default. Keep that under 2 (raise PRE_VUS or
//   LOGIN_USERS with RATE), or the per-user limiter is what the run measures.
// Sessions: every VU issues for users of its own in turn and refreshes them before they expire (lib/auth.js
//   vuEntry), so DURATION may exceed the 10-minute access token.
//
//   k6 run -e RATE=200 -e DURATION=1m k6/scripts/queue-token-issue.js
//   k6 run -e STAGES=50:30s,300:1m,0:10s -e PRE_VUS=200 k6/scripts/queue-token-issue.js   (ramping-arrival-rate)
import { arrivalScenario, loginUsers, randomFirstUser, roomAt, vuCap } from '../lib/config.js';
import { NAMES, issueToken } from '../lib/http.js';
import { checkData, endpointThresholds } from '../lib/checks.js';
import { loginPool, setupOptions } from '../lib/auth.js';
import { vuUser } from '../lib/flows.js';

const tokenIssue = arrivalScenario({ rate: 100, duration: '1m', preAllocatedVUs: 100, maxVUs: 500 });
const VUS = vuCap({ token_issue: tokenIssue });
const LOGIN_USERS = loginUsers(1000);

export const options = Object.assign(setupOptions(), {
  scenarios: { token_issue: tokenIssue },
  thresholds: endpointThresholds(NAMES.token, 300, 0.01),
});

export function setup() {
  return { pool: loginPool(randomFirstUser(LOGIN_USERS), LOGIN_USERS) };
}

export default function (data) {
  const user = vuUser(data.pool, VUS);
  const session = user.me();
  const res = issueToken(session, roomAt(session.userId));
  checkData(res, NAMES.token, 'has queueToken and status',
    (d) => typeof d.queueToken === 'string' && (d.status === 'WAITING' || d.status === 'PROGRESS'));
}
