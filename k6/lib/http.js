// Calls of the public API (DESIGN.md §2), each tagged with a `name` per endpoint so that thresholds,
// the end-of-test summary and the Grafana k6 dashboard break results down by endpoint.
// Every call acts for a logged-in user: it takes their session (lib/auth.js) and sends its access token as
// `Authorization: Bearer ...`; calls behind the waiting room also take the user's own queue token, sent as
// `X-Queue-Token`. The user is always the session's: no call names a user in a query, and only token issue repeats
// it in the body (the original client's body, accepted because it is the logged-in user).
import http from 'k6/http';
import { API } from './config.js';

/** Endpoint tag values (`name`), one per public endpoint. */
export const NAMES = Object.freeze({
  token: 'queue_token',
  check: 'queue_token_check',
  schedule: 'concert_schedule',
  seat: 'concert_seat',
  reserve: 'concert_reserve',
  charge: 'user_charge',
  balance: 'user_balance',
  payment: 'concert_payment',
});

// Statuses that are a correct answer for a call, not a failure (http_req_failed counts the rest).
const OK = http.expectedStatuses({ min: 200, max: 299 });
const OK_OR_CONFLICT = http.expectedStatuses({ min: 200, max: 299 }, 409);

function params(name, session, queueToken, expected) {
  const headers = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    Authorization: `Bearer ${session.accessToken}`,
  };
  if (queueToken) {
    headers['X-Queue-Token'] = queueToken;
  }
  return { headers, tags: { name }, responseCallback: expected || OK };
}

/**
 * The user's queue token in waiting room `roomId` (a room per schedule; issued, or the same one again: issue is
 * idempotent per user and room).
 */
export function issueToken(session, roomId) {
  return http.post(`${API}/queue/token`, JSON.stringify({ userId: session.userId, roomId }),
    params(NAMES.token, session));
}

export function checkToken(session, queueToken) {
  return http.post(`${API}/queue/token/check`, null, params(NAMES.check, session, queueToken));
}

export function getSchedules(session, queueToken) {
  return http.get(`${API}/concerts/schedule`, params(NAMES.schedule, session, queueToken));
}

export function getSeats(session, queueToken, scheduleId) {
  return http.get(`${API}/concerts/seat?scheduleId=${scheduleId}`, params(NAMES.seat, session, queueToken));
}

/** Hold a seat. 409 SEAT_UNAVAILABLE is an expected answer under contention, not a failed request. */
export function reserve(session, queueToken, scheduleId, seatId) {
  return http.post(`${API}/concerts/reserve`, JSON.stringify({ scheduleId, seatId }),
    params(NAMES.reserve, session, queueToken, OK_OR_CONFLICT));
}

/** Tops up the logged-in user's own balance. */
export function charge(session, amount) {
  return http.post(`${API}/user/amount`, JSON.stringify({ amount }), params(NAMES.charge, session));
}

/** The logged-in user's own balance. */
export function getBalance(session) {
  return http.get(`${API}/user/amount`, params(NAMES.balance, session));
}

export function pay(session, queueToken, reservationId) {
  return http.post(`${API}/concerts/payment`, JSON.stringify({ reservationId }),
    params(NAMES.payment, session, queueToken));
}

/** The `data` of a success envelope {"data": ...}, or undefined when the body is not one. */
export function dataOf(res) {
  if (!res || !res.body) {
    return undefined;
  }
  try {
    const body = JSON.parse(res.body);
    return body && typeof body === 'object' ? body.data : undefined;
  } catch (e) {
    return undefined;
  }
}

/** The error code of an error envelope {"error": {"code", "message"}}, or undefined. */
export function errorCodeOf(res) {
  if (!res || !res.body) {
    return undefined;
  }
  try {
    const body = JSON.parse(res.body);
    return body && body.error ? body.error.code : undefined;
  } catch (e) {
    return undefined;
  }
}
