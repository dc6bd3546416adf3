// Settings shared by every k6 script, all from the environment (k6 run -e NAME=value, or the k6
// service's environment in deploy/docker-compose.yml). Defaults fit the native local stack.
//
//   BASE_URL        gateway base URL                                 http://localhost:8080 (Compose: http://gateway:8080)
//   USER_MIN        first user id of the demo data                   1
//   USER_MAX        last user id of the demo data                    100000
//   POLL_MAX        token checks before giving up on admission       15 (the original scenario's limit)
//   POLL_SECONDS    seconds between token checks (original)          2
//   ROOM_MIN        first waiting room fans join (a room per         1
//                   schedule: room id = schedule id)
//   ROOM_MAX        last one (the local stack opens demo rooms       24 (the open demo schedules 1..24)
//                   1..24; Compose the same)
//
// Waiting rooms: admission to a room admits to that schedule only (its seats, holds and payments), so a fan joins the
// room of the schedule it will book (lib/flows.js tokenFor, admitPool); the schedule list needs any room.
//
// Logins (lib/auth.js). Every script logs its users in once, in setup(), before the load starts, the way fans
// log in before a sale opens: a run measures the sale, not password hashing.
//
//   LOGIN_USERS     how many users setup() logs in                   per script (its header says; at most 20000)
//   FIRST_USER      user id of the first of them (consecutive ids)   per script: a fixed block, or a random one
//   USER_PREFIX     username = USER_PREFIX + user id                 user (demo users user1 .. user100000)
//   PASSWORD        their password                                   ticketing-demo (the demo data's)
//   LOGIN_PARALLEL  logins in flight at once in setup()              6 (also sets k6's batch/batchPerHost)
//   LOGIN_SECONDS   longest setup() spends logging in; then it       180
//                   goes on with the users logged in so far
//
// Access tokens live 10 minutes (user-service's AUTH_ACCESS_TOKEN_TTL). A session is refreshed shortly before it
// expires only by its one user (a VU, or the one iteration that uses it): the refresh token rotates, so a second
// user of the same session would be locked out. Each script's header says which way it goes.
//
// `POOL` (the former name of LOGIN_USERS) is refused with a message rather than silently ignored.

export const BASE_URL = (__ENV.BASE_URL || 'http://localhost:8080').replace(/\/+$/, '');
export const API = `${BASE_URL}/v1/api`;

export function intEnv(name, fallback) {
  const raw = __ENV[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value)) {
    throw new Error(`${name} must be an integer, got "${raw}"`);
  }
  return value;
}

export function floatEnv(name, fallback) {
  const raw = __ENV[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number.parseFloat(raw);
  if (!Number.isFinite(value)) {
    throw new Error(`${name} must be a number, got "${raw}"`);
  }
  return value;
}

export function strEnv(name, fallback) {
  const raw = __ENV[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

export const USER_MIN = intEnv('USER_MIN', 1);
export const USER_MAX = intEnv('USER_MAX', 100000);
export const POLL_MAX = intEnv('POLL_MAX', 15);
export const POLL_SECONDS = floatEnv('POLL_SECONDS', 2);
export const ROOM_MIN = intEnv('ROOM_MIN', 1);
export const ROOM_MAX = intEnv('ROOM_MAX', 24);

if (USER_MIN < 1 || USER_MAX < USER_MIN) {
  throw new Error(`USER_MIN..USER_MAX must be a non-empty range of positive ids, got ${USER_MIN}..${USER_MAX}`);
}
if (ROOM_MIN < 1 || ROOM_MAX < ROOM_MIN) {
  throw new Error(`ROOM_MIN..ROOM_MAX must be a non-empty range of room (schedule) ids, got ${ROOM_MIN}..${ROOM_MAX}`);
}
if (__ENV.POOL !== undefined && __ENV.POOL !== '') {
  throw new Error('POOL is now LOGIN_USERS (the users setup() logs in): run with -e LOGIN_USERS=' + __ENV.POOL);
}

/** The room of pool entry `index`: the rooms ROOM_MIN..ROOM_MAX in turn, so a pool spreads over every room. */
export function roomAt(index) {
  return ROOM_MIN + (index % (ROOM_MAX - ROOM_MIN + 1));
}

/** A random room of ROOM_MIN..ROOM_MAX (= a schedule to book). */
export function randomRoom() {
  return randomInt(ROOM_MIN, ROOM_MAX);
}

/** A uniformly random integer in [min, max]. */
export function randomInt(min, max) {
  return min + Math.floor(Math.random() * (max - min + 1));
}

/** A random element of a non-empty array (undefined for an empty one). */
export function pick(items) {
  return items.length === 0 ? undefined : items[Math.floor(Math.random() * items.length)];
}

/** LOGIN_USERS, or the script's default. */
export function loginUsers(fallback) {
  return intEnv('LOGIN_USERS', fallback);
}

/**
 * The first user id of a script's block of `count` users: FIRST_USER, or USER_MIN + `offset` (each script its own
 * block, so that runs of different scripts do not share users). Read in setup(), once.
 */
export function firstUser(offset) {
  return intEnv('FIRST_USER', USER_MIN + offset);
}

/**
 * FIRST_USER, or a random start of a block of `count` users at or above USER_MIN + 20000 (above the fixed blocks of
 * firstUser), within USER_MAX: scripts whose users stand for new arrivals (as the original test's random ids did)
 * meet mostly users of no earlier run. Call it in setup() only: init code runs once per VU, each with its own draw.
 */
export function randomFirstUser(count) {
  const last = USER_MAX - count + 1;
  const low = USER_MIN + 20000 <= last ? USER_MIN + 20000 : USER_MIN;
  return intEnv('FIRST_USER', randomInt(low, Math.max(low, last)));
}

/** Seconds in a k6 duration string: "90s", "1m30s", "2h", "500ms" (a bare number is seconds). */
export function seconds(duration) {
  if (/^\d+(\.\d+)?$/.test(String(duration))) {
    return Number(duration);
  }
  const unit = { h: 3600, m: 60, s: 1, ms: 0.001 };
  let total = 0;
  const rest = String(duration).replace(/(\d+(?:\.\d+)?)(ms|h|m|s)/g, (all, n, u) => {
    total += Number(n) * unit[u];
    return '';
  });
  if (rest !== '' || String(duration) === '') {
    throw new Error(`not a duration: "${duration}"`);
  }
  return total;
}

/**
 * Open-model scenario from env: RATE iterations per TIME_UNIT for DURATION (constant-arrival-rate), or,
 * with STAGES="10:30s,50:1m,0:10s", a ramping-arrival-rate through those target:duration stages.
 */
export function arrivalScenario(defaults) {
  const rate = intEnv('RATE', defaults.rate);
  const timeUnit = strEnv('TIME_UNIT', defaults.timeUnit || '1s');
  const preAllocatedVUs = intEnv('PRE_VUS', defaults.preAllocatedVUs || Math.max(10, rate * 2));
  const maxVUs = intEnv('MAX_VUS', defaults.maxVUs || Math.max(50, rate * 10));
  const stages = strEnv('STAGES', defaults.stages || '');
  const common = { timeUnit, preAllocatedVUs, maxVUs, exec: defaults.exec || 'default' };
  if (stages) {
    return Object.assign(common, {
      executor: 'ramping-arrival-rate',
      startRate: intEnv('START_RATE', 0),
      stages: stages.split(',').map((s) => {
        const [target, duration] = s.trim().split(':');
        return { target: Number.parseInt(target, 10), duration };
      }),
    });
  }
  return Object.assign(common, {
    executor: 'constant-arrival-rate',
    rate,
    duration: strEnv('DURATION', defaults.duration || '1m'),
  });
}

/** How many iterations an arrival-rate scenario starts over its whole run (its rate integrated over time). */
export function plannedIterations(scenario) {
  const unit = seconds(scenario.timeUnit || '1s');
  if (scenario.executor === 'constant-arrival-rate') {
    return Math.ceil((scenario.rate * seconds(scenario.duration)) / unit);
  }
  let rate = scenario.startRate || 0;
  let total = 0;
  for (const stage of scenario.stages) {
    total += ((rate + stage.target) / 2) * (seconds(stage.duration) / unit);
    rate = stage.target;
  }
  return Math.ceil(total);
}

/**
 * The most VUs a test's scenarios can run (k6 numbers them 1..this, exec.vu.idInTest): arrival-rate executors up to
 * maxVUs, ramping-vus up to its highest target, the others their `vus`.
 */
export function vuCap(scenarios) {
  let total = 0;
  for (const name of Object.keys(scenarios)) {
    const s = scenarios[name];
    if (s.executor === 'constant-arrival-rate' || s.executor === 'ramping-arrival-rate') {
      total += s.maxVUs || s.preAllocatedVUs;
    } else if (s.executor === 'ramping-vus') {
      total += Math.max(s.startVUs === undefined ? 1 : s.startVUs, ...s.stages.map((stage) => stage.target));
    } else {
      total += s.vus || 1;
    }
  }
  return total;
}
