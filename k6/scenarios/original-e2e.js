// The original system's end-to-end load test, reproduced for comparison (closed model: a fixed number
// of virtual users looping). Each iteration:
//   1. POST /v1/api/queue/token {"userId"} for a random user 1..USER_MAX (100,000);
//   2. POST /v1/api/queue/token/check with the token in Authorization, every 2 s, up to 15 times, until
//      status == "PROGRESS";
//   3. once admitted: GET /v1/api/concerts/schedule, then GET /v1/api/concerts/seat?scheduleId= of a
//      schedule from that list (SCHEDULE_ID pins one), token in Authorization.
// Load: 10 -> 100 VUs over 10 s, 100 VUs for 30 s, down to 0 over 10 s.
// Thresholds (the original's): p95 of all requests < 2 s, failed requests < 1 %.
//
//   k6 run k6/scenarios/original-e2e.js                                   (native stack, BASE_URL=http://localhost:8080)
//   docker compose -f deploy/docker-compose.yml run --rm k6 run /scripts/scenarios/original-e2e.js
import { Counter, Trend } from 'k6/metrics';
import { intEnv, pick, randomUserId } from '../lib/config.js';
import { NAMES, getSchedules, getSeats } from '../lib/http.js';
import { checkData } from '../lib/checks.js';
import { tokenFor, waitForAdmission } from '../lib/flows.js';

const SCHEDULE_ID = intEnv('SCHEDULE_ID', 0);

const admissionWait = new Trend('queue_admission_wait', true);
const notAdmitted = new Counter('queue_not_admitted');

export const options = {
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
    http_req_duration: ['p(95)<2000'],
    http_req_failed: ['rate<0.01'],
    // Per endpoint, for the breakdown in the summary and Grafana (no pass/fail beyond the two above).
    [`http_req_duration{name:${NAMES.token}}`]: ['p(95)<2000'],
    [`http_req_duration{name:${NAMES.check}}`]: ['p(95)<2000'],
    [`http_req_duration{name:${NAMES.schedule}}`]: ['p(95)<2000'],
    [`http_req_duration{name:${NAMES.seat}}`]: ['p(95)<2000'],
  },
};

export default function () {
  const token = tokenFor(randomUserId());
  if (!token) {
    return;
  }
  const wait = waitForAdmission(token, { maxPolls: 15, seconds: 2 });
  if (!wait.admitted) {
    notAdmitted.add(1);
    return;
  }
  admissionWait.add(wait.waitedMs);

  const schedules = getSchedules(token);
  const listed = checkData(schedules, NAMES.schedule, 'is a list of schedules', (d) => Array.isArray(d));
  let scheduleId = SCHEDULE_ID;
  if (!scheduleId && listed) {
    const schedule = pick(schedules.json('data'));
    scheduleId = schedule ? schedule.scheduleId : 0;
  }
  if (!scheduleId) {
    return;
  }
  const seats = getSeats(token, scheduleId);
  checkData(seats, NAMES.seat, 'is a list of seats', (d) => Array.isArray(d) && d.length > 0);
}
