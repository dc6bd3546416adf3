// Settings shared by every k6 script, all from the environment (k6 run -e NAME=value, or the k6
// service's environment in deploy/docker-compose.yml). Defaults fit the native local stack.
//
//   BASE_URL      gateway base URL                          http://localhost:8080 (Compose: http://gateway:8080)
//   USER_MIN      first user id of the demo data            1
//   USER_MAX      last user id of the demo data             100000
//   POLL_MAX      token checks before giving up on admission  15 (the original scenario's limit)
//   POLL_SECONDS  seconds between token checks (original)   2

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

if (USER_MIN < 1 || USER_MAX < USER_MIN) {
  throw new Error(`USER_MIN..USER_MAX must be a non-empty range of positive ids, got ${USER_MIN}..${USER_MAX}`);
}

/** A uniformly random integer in [min, max]. */
export function randomInt(min, max) {
  return min + Math.floor(Math.random() * (max - min + 1));
}

/** A random demo user id in USER_MIN..USER_MAX. */
export function randomUserId() {
  return randomInt(USER_MIN, USER_MAX);
}

/** A random element of a non-empty array (undefined for an empty one). */
export function pick(items) {
  return items.length === 0 ? undefined : items[Math.floor(Math.random() * items.length)];
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
