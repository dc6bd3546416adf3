// The original system's end-to-end load test, reproduced for comparison (closed model: a fixed number of virtual
// users looping), with the login the suite now requires done the way fans do it: once, before the sale, in setup().
// Each iteration is a fan of their own (the original drew a random user 1..100,000 each time), who picks a schedule
// first (SCHEDULE_ID, or a random one of ROOM_MIN..ROOM_MAX: a waiting room per schedule, and admission to a room
// admits to its schedule only):
//   1. POST /v1/api/queue/token {"roomId": the schedule};
//   2. POST /v1/api/queue/token/check every 2 s, up to 15 times, until status == "PROGRESS";
//   3. once admitted: GET /v1/api/concerts/schedule, GET /v1/api/concerts/seat?scheduleId= of the fan's schedule,
//      then POST /v1/api/concerts/reserve of one of its AVAILABLE seats (a 409, a race lost to another fan, is an
//      answer, not a failure).
// Every call carries the fan's access token (Authorization: Bearer), and from step 2 on their queue token
// (X-Queue-Token). No pause but the polls' 2 s, as in the original.
// Load: 10 -> 100 VUs over 10 s, 100 VUs for 30 s, down to 0 over 10 s.
// Thresholds (the original's): p95 of all requests < 2 s, failed requests < 1 %, over the requests of the load
// (scenario "original"; the logins in setup() are not part of it).
// Default load: the closed model above (RATE does not apply): about 2,000 iterations when each fan waits one poll.
// Needs: LOGIN_USERS users (default 2000, one per iteration) from a random FIRST_USER, logged in by setup() (~40 s of
//   logins at ~20 ms each, about a sixth of that with LOGIN_PARALLEL=6 when user-service has the cores). Iterations
//   past the pool reuse its users, who are then admitted at once. Each admitted fan keeps a slot for
//   QUEUE_ACTIVE_TTL (10 min) and each hold a seat for 5 min: about 1,200 holds take every bookable seat of the demo
//   data; later fans find no AVAILABLE seat or get 409.
// Sessions: an iteration refreshes its fan's session if it is about to expire (lib/auth.js iterationEntry); with
//   these fixed stages the run ends long before the 10-minute access token does.
//
//   k6 run k6/scenarios/original-e2e.js                                   (native stack, BASE_URL=http://localhost:8080)
//   docker compose -f deploy/docker-compose.yml run --rm k6 run /scripts/scenarios/original-e2e.js
import { Counter, Trend } from 'k6/metrics';
import { intEnv, loginUsers, randomFirstUser, randomRoom } from '../lib/config.js';
import { NAMES, getSchedules, getSeats, reserve } from '../lib/http.js';
import { checkData, checkStatus } from '../lib/checks.js';
import { loginPool, setupOptions } from '../lib/auth.js';
import { availableSeat, iterationUser, tokenFor, waitForAdmission } from '../lib/flows.js';

const SCHEDULE_ID = intEnv('SCHEDULE_ID', 0);
const LOGIN_USERS = loginUsers(2000);

const admissionWait = new Trend('queue_admission_wait', true);
const notAdmitted = new Counter('queue_not_admitted');

export const options = Object.assign(setupOptions(), {
  scenarios: {
    original: {
      executor: 'ramping-vus',
      startVUs: 10,
      stages: [
        { duration: '10s', target: 100 },
        { duration: '30s', target: 100 },
        { duration: '10s', target: 0 },
      ],
      gracefulRampDown: '30s',
    },
  },
  thresholds: {
    'http_req_duration{scenario:original}': ['p(95)<2000'],
    'http_req_failed{scenario:original}': ['rate<0.01'],
    // Per endpoint, for the breakdown in the summary and Grafana (no pass/fail beyond the two above).
    [`http_req_duration{name:${NAMES.token}}`]: ['p(95)<2000'],
    [`http_req_duration{name:${NAMES.check}}`]: ['p(95)<2000'],
    [`http_req_duration{name:${NAMES.schedule}}`]: ['p(95)<2000'],
    [`http_req_duration{name:${NAMES.seat}}`]: ['p(95)<2000'],
    [`http_req_duration{name:${NAMES.reserve}}`]: ['p(95)<2000'],
  },
});

export function setup() {
  return { pool: loginPool(randomFirstUser(LOGIN_USERS), LOGIN_USERS) };
}

export default function (data) {
  const fan = iterationUser(data.pool);
  const scheduleId = SCHEDULE_ID || randomRoom();
  const token = tokenFor(fan.me(), scheduleId);
  if (!token) {
    return;
  }
  const wait = waitForAdmission(fan.me, token, { maxPolls: 15, seconds: 2 });
  if (!wait.admitted) {
    notAdmitted.add(1);
    return;
  }
  admissionWait.add(wait.waitedMs);

  const schedules = getSchedules(fan.me(), token);
  checkData(schedules, NAMES.schedule, 'is a list of schedules', (d) => Array.isArray(d));
  const seats = getSeats(fan.me(), token, scheduleId);
  const seen = checkData(seats, NAMES.seat, 'is a list of seats', (d) => Array.isArray(d) && d.length > 0);
  const seat = seen ? availableSeat(seats.json('data')) : undefined;
  if (!seat) {
    return;
  }
  const held = reserve(fan.me(), token, scheduleId, seat.seatId);
  checkStatus(held, NAMES.reserve, [200, 409]);
}
