// payment-service capacity: payment (POST /v1/api/concerts/payment) of fresh holds, at an open-model rate.
// setup() admits POOL users; iteration i is user i (each pays once: a completed payment ends the user's
// admission). Each iteration holds an available seat (retrying on 409), charges the price, then pays; the
// thresholds are on the payment step. Every payment SELLS a seat for good (about 1,200 bookable seats in the
// demo data): reset with `docker compose down -v` (Compose) or a fresh database (native).
//
//   k6 run -e POOL=100 -e RATE=5 k6/scripts/payment.js
import exec from 'k6/execution';
import { Trend } from 'k6/metrics';
import { USER_MIN, intEnv } from '../lib/config.js';
import { NAMES, charge, pay, reserve } from '../lib/http.js';
import { checkData, checkStatus, endpointThresholds } from '../lib/checks.js';
import { admitPool, availableSeat, openSchedules, scheduleWithSeats, seatsOf } from '../lib/flows.js';

const POOL = intEnv('POOL', 100);
const RATE = intEnv('RATE', 5);
const FIRST_USER = intEnv('FIRST_USER', USER_MIN + 3000);

const paymentDuration = new Trend('payment_step_duration', true);

export const options = {
  setupTimeout: '3m',
  scenarios: {
    payment: {
      executor: 'constant-arrival-rate',
      rate: RATE,
      timeUnit: '1s',
      duration: `${Math.ceil(POOL / RATE)}s`,
      preAllocatedVUs: intEnv('PRE_VUS', 20),
      maxVUs: intEnv('MAX_VUS', 100),
    },
  },
  thresholds: Object.assign(endpointThresholds(NAMES.payment, 1500, 0.01), {
    // Holding may legitimately lose races (409, retried); it must not fail otherwise.
    [`http_req_failed{name:${NAMES.reserve}}`]: ['rate<0.01'],
    [`http_req_failed{name:${NAMES.charge}}`]: ['rate<0.01'],
  }),
};

export function setup() {
  return { pool: admitPool(FIRST_USER, POOL, intEnv('ADMIT_WAIT_SECONDS', 120)) };
}

function holdSomeSeat(token) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const schedule = scheduleWithSeats(openSchedules(token));
    const seat = schedule && availableSeat(seatsOf(token, schedule.scheduleId));
    if (!seat) {
      continue;
    }
    const res = reserve(token, schedule.scheduleId, seat.seatId);
    checkStatus(res, NAMES.reserve, [200, 409]);
    if (res.status === 200) {
      return res.json('data');
    }
  }
  return undefined;
}

export default function (data) {
  const i = exec.scenario.iterationInTest;
  if (i >= data.pool.length) {
    return;
  }
  const user = data.pool[i];
  const hold = holdSomeSeat(user.token);
  if (!hold) {
    console.warn(`user ${user.userId}: no seat could be held`);
    return;
  }
  const charged = charge(user.userId, hold.price);
  checkData(charged, NAMES.charge, 'balance covers the price', (d) => d.balance >= hold.price);

  const res = pay(user.token, hold.reservationId);
  paymentDuration.add(res.timings.duration);
  checkData(res, NAMES.payment, 'payment COMPLETED for the reservation',
    (d) => d.status === 'COMPLETED' && d.reservationId === hold.reservationId && d.amount === hold.price);
}
