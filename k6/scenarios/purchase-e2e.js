// Full purchase, end to end, as a real fan at ticket-open time (open model: new fans arrive at a rate), logged in
// before the sale opens (setup()), every call with their access token and, once issued, their queue token:
//   pick a schedule (a random one of ROOM_MIN..ROOM_MAX) -> token in its waiting room -> wait for admission
//   (following the server's pollAfterMs) -> open schedules -> the schedule's seats -> hold a random AVAILABLE seat
//   (another on 409, up to RESERVE_TRIES) -> charge the price to their own balance -> pay -> payment COMPLETED.
//   Admission to a room admits to its schedule only: the fan holds and pays in the schedule whose room it joined. Every step is checked; the whole journey is a Rate (purchase_completed).
// Every completed purchase SELLS a seat (about 1,200 bookable seats in the demo data): reset with
// `docker compose down -v` (Compose) or a fresh database (native) between long runs.
// Default load: STAGES=1:10s,5:1m,0:10s, a ramping arrival rate of 1 -> 5 new fans/s (about 210 fans in 1.5 min);
//   another STAGES sets another profile (RATE does not apply).
// Needs: LOGIN_USERS users (default: one per fan the stages bring, 210 by default) from a random FIRST_USER, logged in
//   by setup() (~4 s of logins at ~20 ms each); fans past the pool reuse its users (a second purchase each).
// Sessions: each fan is one iteration, the only user of its session, which it refreshes whenever it is about to
//   expire, during a long wait too (lib/auth.js iterationEntry): runs may last longer than the 10-minute access
//   token. Reused users' sessions are not refreshed: give runs past 10 min a LOGIN_USERS of every fan.
//
//   k6 run k6/scenarios/purchase-e2e.js                                    (1 -> 5 new fans/s, about 1.5 min)
//   k6 run -e STAGES=2:20s,20:1m,0:20s k6/scenarios/purchase-e2e.js        (about 880 fans and logins)
//   docker compose -f deploy/docker-compose.yml run --rm k6 run /scripts/scenarios/purchase-e2e.js
import { Counter, Rate, Trend } from 'k6/metrics';
import { arrivalScenario, intEnv, loginUsers, plannedIterations, randomFirstUser, randomRoom } from '../lib/config.js';
import { NAMES, charge, errorCodeOf, pay, reserve } from '../lib/http.js';
import { checkData, checkStatus, endpointThresholds } from '../lib/checks.js';
import { loginPool, setupOptions } from '../lib/auth.js';
import {
  availableSeat, iterationUser, openSchedules, seatsOf, tokenFor, waitForAdmission,
} from '../lib/flows.js';

const RESERVE_TRIES = intEnv('RESERVE_TRIES', 5);
const MAX_WAIT_POLLS = intEnv('MAX_WAIT_POLLS', 60);

const completed = new Rate('purchase_completed');
const admissionWait = new Trend('queue_admission_wait', true);
const journey = new Trend('purchase_journey', true);
const lostRaces = new Counter('reserve_conflicts');

const purchase = arrivalScenario({
  stages: '1:10s,5:1m,0:10s', rate: 2, duration: '1m', preAllocatedVUs: 50, maxVUs: 400,
});
const LOGIN_USERS = loginUsers(plannedIterations(purchase));

export const options = Object.assign(setupOptions(), {
  scenarios: { purchase },
  thresholds: Object.assign(
    {
      // A journey may end without a seat when the seats run out; anything else is a failure.
      purchase_completed: ['rate>0.95'],
      // Over the fans' requests only: the logins in setup() are not part of the run.
      'http_req_failed{scenario:purchase}': [{ threshold: 'rate<0.01', abortOnFail: true, delayAbortEval: '20s' }],
    },
    endpointThresholds(NAMES.token, 1000, 0.01),
    endpointThresholds(NAMES.check, 1000, 0.01),
    endpointThresholds(NAMES.schedule, 1000, 0.01),
    endpointThresholds(NAMES.seat, 1000, 0.01),
    endpointThresholds(NAMES.charge, 1000, 0.01),
    endpointThresholds(NAMES.payment, 2000, 0.01),
    { [`http_req_failed{name:${NAMES.reserve}}`]: ['rate<0.01'] },
  ),
});

export function setup() {
  return { pool: loginPool(randomFirstUser(LOGIN_USERS), LOGIN_USERS) };
}

function holdSeat(fan, token, scheduleId) {
  for (let attempt = 0; attempt < RESERVE_TRIES; attempt++) {
    const schedule = openSchedules(fan.me(), token).find((s) => s.scheduleId === scheduleId);
    if (!schedule || schedule.availableSeats === 0) {
      return undefined; // sold out (or no longer open)
    }
    const seat = availableSeat(seatsOf(fan.me(), token, scheduleId));
    if (!seat) {
      continue;
    }
    const res = reserve(fan.me(), token, scheduleId, seat.seatId);
    checkStatus(res, NAMES.reserve, [200, 409]);
    if (res.status === 200) {
      checkData(res, NAMES.reserve, 'hold is HELD with a price', (d) => d.status === 'HELD' && d.price > 0);
      return res.json('data');
    }
    lostRaces.add(1, { code: errorCodeOf(res) || 'none' });
  }
  return undefined;
}

export default function (data) {
  const started = Date.now();
  const fan = iterationUser(data.pool);
  const scheduleId = randomRoom();
  const token = tokenFor(fan.me(), scheduleId);
  if (!token) {
    completed.add(false);
    return;
  }
  const wait = waitForAdmission(fan.me, token, { maxPolls: MAX_WAIT_POLLS, followServer: true });
  if (!wait.admitted) {
    completed.add(false);
    return;
  }
  admissionWait.add(wait.waitedMs);

  const hold = holdSeat(fan, token, scheduleId);
  if (!hold) {
    completed.add(false);
    return;
  }
  const session = fan.me();
  const charged = charge(session, hold.price);
  if (!checkData(charged, NAMES.charge, 'balance covers the price',
    (d) => d.userId === session.userId && d.balance >= hold.price)) {
    completed.add(false);
    return;
  }
  const paid = pay(fan.me(), token, hold.reservationId);
  const ok = checkData(paid, NAMES.payment, 'payment COMPLETED for the reservation',
    (d) => d.status === 'COMPLETED' && d.reservationId === hold.reservationId && d.amount === hold.price);
  completed.add(ok);
  if (ok) {
    journey.add(Date.now() - started);
  }
}
