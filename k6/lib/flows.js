// Multi-step flows shared by the scenarios: getting a token, waiting for admission, logging in and admitting a pool
// of users in setup(), the user a VU or an iteration acts as, finding an available seat.
import { sleep } from 'k6';
import { POLL_MAX, POLL_SECONDS, pick, roomAt } from './config.js';
import { NAMES, checkToken, dataOf, getSchedules, getSeats, issueToken } from './http.js';
import { checkData } from './checks.js';
import { fresh, iterationEntry, loginPool, vuEntry } from './auth.js';

/**
 * Issues (or re-reads: issue is idempotent per user and room) the user's queue token in room `roomId`, the room of the
 * schedule the user will book; undefined on failure.
 */
export function tokenFor(session, roomId) {
  const res = issueToken(session, roomId);
  const ok = checkData(res, NAMES.token, 'has queueToken', (d) => typeof d.queueToken === 'string' && d.queueToken.length > 0);
  return ok ? res.json('data.queueToken') : undefined;
}

/**
 * Polls the token check until the user is admitted (status PROGRESS). `session` is a session or a function that
 * returns the current one (a long wait may outlast an access token). `followServer` honours the server's
 * pollAfterMs (bounded to 0.5..10 s); otherwise it polls every `seconds` like the original client.
 * Returns { admitted, polls, waitedMs }.
 */
export function waitForAdmission(session, token, options) {
  const opts = Object.assign({ maxPolls: POLL_MAX, seconds: POLL_SECONDS, followServer: false }, options || {});
  const current = typeof session === 'function' ? session : () => session;
  const started = Date.now();
  for (let poll = 1; poll <= opts.maxPolls; poll++) {
    const res = checkToken(current(), token);
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
 * setup(): the queue token of each session in the room `roomOf(index)` (default: the rooms ROOM_MIN..ROOM_MAX in
 * turn), as [{ session, token, roomId }] of those that got one. A 429 (the gateway's
 * per-address limit on token issue) is waited out (Retry-After) and the request repeated, up to 5 times.
 */
export function issueTokens(sessions, roomOf) {
  const members = [];
  const room = roomOf || roomAt;
  sessions.forEach((session, index) => {
    const roomId = room(index);
    let res = issueToken(session, roomId);
    for (let attempt = 1; attempt < 5 && res.status === 429; attempt++) {
      sleep(Number(res.headers['Retry-After']) || 1);
      res = issueToken(session, roomId);
    }
    const data = dataOf(res);
    if (res.status === 200 && data && typeof data.queueToken === 'string') {
      members.push({ session, token: data.queueToken, roomId });
    } else {
      console.error(`setup: no queue token for user ${session.userId} in room ${roomId}: ${res.status} ${res.body}`);
    }
  });
  return members;
}

/**
 * setup() helper: logs in `count` distinct users starting at `firstUser` (lib/auth.js loginPool), issues their
 * queue tokens (in the rooms `roomOf(index)`, default every room in turn) and waits (up to `maxWaitSeconds`) until
 * each is admitted. Returns [{ session, token, roomId }] of the
 * admitted ones; fails the run when none is admitted (nothing protected can be measured then).
 */
export function admitPool(firstUser, count, maxWaitSeconds, roomOf) {
  const pending = issueTokens(loginPool(firstUser, count), roomOf);
  const admitted = [];
  const deadline = Date.now() + maxWaitSeconds * 1000;
  let waiting = pending;
  while (waiting.length > 0 && Date.now() < deadline) {
    const still = [];
    for (const entry of waiting) {
      const res = checkToken(entry.session, entry.token);
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

// Entry `choice.index` of a pool (sessions from loginPool, or { session, token, roomId } from admitPool) as the user
// acting now: `me()` returns their current session (lib/auth.js fresh), `token` their queue token and `roomId` its
// room (= the schedule they may book) if the pool has them.
function userAt(pool, choice) {
  const entry = pool[choice.index];
  const session = entry.session || entry;
  return {
    me: () => fresh(session, choice.exclusive), token: entry.token, roomId: entry.roomId, exclusive: choice.exclusive,
  };
}

/** The user this VU acts as next (lib/auth.js vuEntry; `vus` from config.js vuCap): { me, token, exclusive }. */
export function vuUser(pool, vus) {
  return userAt(pool, vuEntry(pool.length, vus));
}

/**
 * The user this iteration acts as (lib/auth.js iterationEntry): { me, token, exclusive }; `exclusive` is false once
 * the pool is used up and users repeat.
 */
export function iterationUser(pool) {
  return userAt(pool, iterationEntry(pool.length));
}

/** Schedules open for booking (login + admitted token); [] when the call fails. */
export function openSchedules(session, token) {
  const res = getSchedules(session, token);
  const ok = checkData(res, NAMES.schedule, 'is a list', (d) => Array.isArray(d));
  return ok ? res.json('data') : [];
}

/** Seats of a schedule (login + admitted token); [] when the call fails. */
export function seatsOf(session, token, scheduleId) {
  const res = getSeats(session, token, scheduleId);
  const ok = checkData(res, NAMES.seat, 'is a list of seats', (d) => Array.isArray(d));
  return ok ? res.json('data') : [];
}

/** A random AVAILABLE seat of a seat list, or undefined. */
export function availableSeat(seats) {
  return pick(seats.filter((s) => s.status === 'AVAILABLE'));
}
