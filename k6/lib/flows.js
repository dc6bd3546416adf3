// Multi-step flows shared by the scenarios: getting a token, waiting for admission, admitting a pool of
// users in setup(), finding an available seat.
import { sleep } from 'k6';
import { POLL_MAX, POLL_SECONDS, pick } from './config.js';
import { NAMES, checkToken, getSchedules, getSeats, issueToken } from './http.js';
import { checkData } from './checks.js';

/** Issues (or re-reads: issue is idempotent per user) the user's queue token; undefined on failure. */
export function tokenFor(userId) {
  const res = issueToken(userId);
  const ok = checkData(res, NAMES.token, 'has queueToken', (d) => typeof d.queueToken === 'string' && d.queueToken.length > 0);
  return ok ? res.json('data.queueToken') : undefined;
}

/**
 * Polls the token check until the user is admitted (status PROGRESS). `followServer` honours the
 * server's pollAfterMs (bounded to 0.5..10 s); otherwise it polls every `seconds` like the original client.
 * Returns { admitted, polls, waitedMs }.
 */
export function waitForAdmission(token, options) {
  const opts = Object.assign({ maxPolls: POLL_MAX, seconds: POLL_SECONDS, followServer: false }, options || {});
  const started = Date.now();
  for (let poll = 1; poll <= opts.maxPolls; poll++) {
    const res = checkToken(token);
    const ok = checkData(res, NAMES.check, 'status is WAITING or PROGRESS',
      (d) => d.status === 'WAITING' || d.status === 'PROGRESS');
    if (ok && res.json('data.status') === 'PROGRESS') {
      return { admitted: true, polls: poll, waitedMs: Date.now() - started };
    }
    if (poll < opts.maxPolls) {
      let pause = opts.seconds;
      if (opts.followServer && ok) {
        const after = Number(res.json('data.pollAfterMs'));
        if (Number.isFinite(after) && after > 0) {
          pause = Math.min(10, Math.max(0.5, after / 1000));
        }
      }
      sleep(pause);
    }
  }
  return { admitted: false, polls: opts.maxPolls, waitedMs: Date.now() - started };
}

/**
 * setup() helper: issues tokens for `count` distinct users starting at `firstUser` and waits (up to
 * `maxWaitSeconds`) until each is admitted. Returns [{ userId, token }] of the admitted ones; fails the run
 * when none is admitted (nothing protected can be measured then).
 */
export function admitPool(firstUser, count, maxWaitSeconds) {
  const pending = [];
  for (let i = 0; i < count; i++) {
    const userId = firstUser + i;
    const token = tokenFor(userId);
    if (token) {
      pending.push({ userId, token });
    }
  }
  const admitted = [];
  const deadline = Date.now() + maxWaitSeconds * 1000;
  let waiting = pending;
  while (waiting.length > 0 && Date.now() < deadline) {
    const still = [];
    for (const entry of waiting) {
      const res = checkToken(entry.token);
      if (res.status === 200 && res.json('data.status') === 'PROGRESS') {
        admitted.push(entry);
      } else {
        still.push(entry);
      }
    }
    waiting = still;
    if (waiting.length > 0) {
      sleep(1);
    }
  }
  if (admitted.length === 0) {
    throw new Error(`none of ${count} users (from ${firstUser}) was admitted within ${maxWaitSeconds} s`);
  }
  console.log(`setup: ${admitted.length} of ${count} users admitted`);
  return admitted;
}

/** Schedules open for booking (with an admitted token); [] when the call fails. */
export function openSchedules(token) {
  const res = getSchedules(token);
  const ok = checkData(res, NAMES.schedule, 'is a list', (d) => Array.isArray(d));
  return ok ? res.json('data') : [];
}

/** Seats of a schedule (with an admitted token); [] when the call fails. */
export function seatsOf(token, scheduleId) {
  const res = getSeats(token, scheduleId);
  const ok = checkData(res, NAMES.seat, 'is a list of seats', (d) => Array.isArray(d));
  return ok ? res.json('data') : [];
}

/** A random schedule that still has seats (by availableSeats when present), or undefined. */
export function scheduleWithSeats(schedules) {
  const open = schedules.filter((s) => s.availableSeats === undefined || s.availableSeats > 0);
  return pick(open);
}

/** A random AVAILABLE seat of a seat list, or undefined. */
export function availableSeat(seats) {
  return pick(seats.filter((s) => s.status === 'AVAILABLE'));
}
