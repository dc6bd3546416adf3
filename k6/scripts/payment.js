// payment-service capacity: payment (POST /v1/api/concerts/payment) of fresh holds, at an open-model rate.
// Iteration i is admitted user i (each pays once: a completed payment ends the user's admission). Each iteration
// holds an available seat of the schedule of the user's waiting room (rooms ROOM_MIN..ROOM_MAX in turn over the pool;
// retrying on 409), charges the price to the user's own balance, then pays; the thresholds are on the payment step. Every payment SELLS a seat for good (about 1,200 bookable seats in the
// demo data): reset with `docker compose down -v` (Compose) or a fresh database (native).
// Default load: RATE=5 payments/s for LOGIN_USERS / RATE s (20 s; constant-arrival-rate, PRE_VUS=20, MAX_VUS=100).
// Needs: LOGIN_USERS users (default 100, one per payment) from FIRST_USER (USER_MIN + 3000), logged in and admitted
//   by setup() (~2 s of logins at ~20 ms each, then a queue token each); as many admitted slots and seats.
// Sessions: each user is used by one iteration only, which refreshes its session if it is about to expire
//   (lib/auth.js iterationEntry), so a slow RATE may run past the 10-minute access token (not past
//   QUEUE_ACTIVE_TTL, the admitted slot's 10 minutes).
//
//   k6 run -e LOGIN_USERS=100 -e RATE=5 k6/scripts/payment.js
import { Trend } from 'k6/metrics';
import { firstUser, intEnv, loginUsers } from '../lib/config.js';
import { NAMES, charge, pay, reserve } from '../lib/http.js';
import { checkData, checkStatus, endpointThresholds } from '../lib/checks.js';
import { setupOptions } from '../lib/auth.js';
import { admitPool, availableSeat, iterationUser, seatsOf } from '../lib/flows.js';

const LOGIN_USERS = loginUsers(100);
const RATE = intEnv('RATE', 5);
const ADMIT_WAIT_SECONDS = intEnv('ADMIT_WAIT_SECONDS', 120);

const paymentDuration = new Trend('payment_step_duration', true);

export const options = Object.assign(setupOptions(ADMIT_WAIT_SECONDS), {
  scenarios: {
    payment: {
      executor: 'constant-arrival-rate',
      rate: RATE,
      timeUnit: '1s',
      duration: `${Math.ceil(LOGIN_USERS / RATE)}s`,
      preAllocatedVUs: intEnv('PRE_VUS', 20),
      maxVUs: intEnv('MAX_VUS', 100),
    },
  },
  thresholds: Object.assign(endpointThresholds(NAMES.payment, 1500, 0.01), {
    // Holding may legitimately lose races (409, retried); it must not fail otherwise.
    [`http_req_failed{name:${NAMES.reserve}}`]: ['rate<0.01'],
    [`http_req_failed{name:${NAMES.charge}}`]: ['rate<0.01'],
  }),
});

export function setup() {
  return { pool: admitPool(firstUser(3000), LOGIN_USERS, ADMIT_WAIT_SECONDS) };
}

function holdSomeSeat(user) {
  for (let attempt = 0; attempt < 5; attempt++) {
    // admission to a room admits to its schedule only
    const seat = availableSeat(seatsOf(user.me(), user.token, user.roomId));
    if (!seat) {
      continue;
    }
    const res = reserve(user.me(), user.token, user.roomId, seat.seatId);
    checkStatus(res, NAMES.reserve, [200, 409]);
    if (res.status === 200) {
      return res.json('data');
    }
  }
  return undefined;
}

export default function (data) {
  const user = iterationUser(data.pool);
  if (!user.exclusive) {
    return; // every admitted user has paid once
  }
  const hold = holdSomeSeat(user);
  if (!hold) {
    console.warn(`user ${user.me().userId}: no seat could be held`);
    return;
  }
  const charged = charge(user.me(), hold.price);
  checkData(charged, NAMES.charge, 'balance covers the price', (d) => d.balance >= hold.price);

  const res = pay(user.me(), user.token, hold.reservationId);
  paymentDuration.add(res.timings.duration);
  checkData(res, NAMES.payment, 'payment COMPLETED for the reservation',
    (d) => d.status === 'COMPLETED' && d.reservationId === hold.reservationId && d.amount === hold.price);
}
