// reservation-service under contention: LOGIN_USERS users admitted to one schedule's waiting room race for HOT_SEATS
// seats of that schedule (POST /v1/api/concerts/reserve). A seat is held by at most one reservation (DESIGN.md §6): every hot seat
// must see at most one winner (200); every other attempt must get 409 SEAT_UNAVAILABLE, never a 5xx.
// No (user, seat) pair is tried twice, so every 200 is a distinct holder and the threshold
// reserve_wins{slot:N} count<=1 is the invariant itself (a second winner aborts the run).
//   MODE=race (default): one VU per user, all starting at once, each trying the hot seats in the same
//            order: LOGIN_USERS simultaneous attempts on each seat (per-vu-iterations: a race, not a capacity run).
//   MODE=rate: the same LOGIN_USERS x HOT_SEATS attempts as an open-model arrival rate (RATE per second).
// Holds last 5 minutes and the seats stay held: each run takes HOT_SEATS more seats out of the demo data.
// Default load: MODE=race, LOGIN_USERS=100 VUs x HOT_SEATS=5 attempts at once (at most 2 min); MODE=rate: RATE=50
//   attempts/s for LOGIN_USERS x HOT_SEATS / RATE s (10 s).
// Needs: LOGIN_USERS users (default 100) from FIRST_USER (USER_MIN + 2000), logged in and admitted by setup() (~2 s
//   of logins at ~20 ms each, then a queue token each, all in the schedule's room, whose maxActiveUsers must admit
//   them), one schedule with HOT_SEATS available seats: SCHEDULE_ID, or a random one of ROOM_MIN..ROOM_MAX.
// Sessions: not refreshed; a run lasts minutes at most (race: under 2 min; rate: keep LOGIN_USERS x HOT_SEATS / RATE
//   under the 10-minute access token).
//
//   k6 run -e LOGIN_USERS=100 -e HOT_SEATS=5 k6/scripts/reserve-contention.js
//   k6 run -e MODE=rate -e RATE=50 k6/scripts/reserve-contention.js
//   k6 run -e SCHEDULE_ID=3 k6/scripts/reserve-contention.js        (a fixed schedule instead of a random demo one)
import exec from 'k6/execution';
import { sleep } from 'k6';
import { Counter } from 'k6/metrics';
import { firstUser, intEnv, loginUsers, randomRoom } from '../lib/config.js';
import { NAMES, errorCodeOf, getSeats, reserve } from '../lib/http.js';
import { checkStatus, endpointThresholds } from '../lib/checks.js';
import { setupOptions } from '../lib/auth.js';
import { admitPool, seatsOf } from '../lib/flows.js';

const LOGIN_USERS = loginUsers(100);
const HOT_SEATS = intEnv('HOT_SEATS', 5);
const ADMIT_WAIT_SECONDS = intEnv('ADMIT_WAIT_SECONDS', 120);
const ATTEMPTS = LOGIN_USERS * HOT_SEATS;

const wins = new Counter('reserve_wins');
const conflicts = new Counter('reserve_conflicts');

const thresholds = endpointThresholds(NAMES.reserve, 1000, 0.01);
for (let slot = 0; slot < HOT_SEATS; slot++) {
  // One holder per seat, whatever the concurrency. A second winner aborts the run: the invariant is broken.
  thresholds[`reserve_wins{slot:${slot}}`] = [{ threshold: 'count<=1', abortOnFail: true }];
}

const MODE = __ENV.MODE || 'race';
const RATE = intEnv('RATE', 50);

export const options = Object.assign(setupOptions(ADMIT_WAIT_SECONDS), {
  scenarios: {
    contention: MODE === 'rate'
      ? {
        executor: 'constant-arrival-rate',
        rate: RATE,
        timeUnit: '1s',
        duration: `${Math.ceil(ATTEMPTS / RATE)}s`,
        preAllocatedVUs: intEnv('PRE_VUS', 50),
        maxVUs: intEnv('MAX_VUS', 300),
      }
      : {
        executor: 'per-vu-iterations',
        vus: LOGIN_USERS,
        iterations: HOT_SEATS,
        maxDuration: '2m',
      },
  },
  thresholds,
});

export function setup() {
  // Everybody waits in the schedule's room: admission to a room admits to its schedule only.
  const scheduleId = intEnv('SCHEDULE_ID', 0) || randomRoom();
  const pool = admitPool(firstUser(2000), LOGIN_USERS, ADMIT_WAIT_SECONDS, () => scheduleId);
  const { session, token } = pool[0];
  const hot = seatsOf(session, token, scheduleId).filter((s) => s.status === 'AVAILABLE').slice(0, HOT_SEATS)
    .map((s) => s.seatId);
  if (hot.length < HOT_SEATS) {
    throw new Error(`setup: schedule ${scheduleId} has only ${hot.length} available seats, need ${HOT_SEATS}`);
  }
  console.log(`setup: ${pool.length} users race for seats ${hot.join(', ')} of schedule ${scheduleId}`);
  return { pool, scheduleId, hot };
}

// The (user, hot seat) pair of this iteration, or undefined once every pair has had its one attempt.
function pairOf(data) {
  const users = data.pool.length;
  if (MODE === 'rate') {
    const i = exec.scenario.iterationInTest;
    return i < users * HOT_SEATS ? { user: data.pool[i % users], slot: Math.floor(i / users) } : undefined;
  }
  const vu = exec.vu.idInTest - 1;
  const slot = exec.vu.iterationInScenario;
  return vu < users && slot < HOT_SEATS ? { user: data.pool[vu], slot } : undefined;
}

export default function (data) {
  const pair = pairOf(data);
  if (!pair) {
    return;
  }
  const res = reserve(pair.user.session, pair.user.token, data.scheduleId, data.hot[pair.slot]);
  checkStatus(res, NAMES.reserve, [200, 409]);
  if (res.status === 200) {
    wins.add(1, { slot: String(pair.slot) });
  } else if (res.status === 409) {
    conflicts.add(1, { code: errorCodeOf(res) || 'none' });
  }
}

// The seat view is updated from reservation events (eventually): every hot seat must end up not AVAILABLE.
export function teardown(data) {
  const { session, token } = data.pool[0];
  for (let attempt = 0; attempt < 15; attempt++) {
    const res = getSeats(session, token, data.scheduleId);
    if (res.status === 200) {
      const seats = res.json('data');
      const free = seats.filter((s) => data.hot.indexOf(s.seatId) >= 0 && s.status === 'AVAILABLE');
      if (free.length === 0) {
        console.log('teardown: every hot seat shows HELD/SOLD in the seat view');
        return;
      }
    }
    sleep(1);
  }
  console.warn('teardown: some hot seats still show AVAILABLE in the seat view after 15 s');
}
