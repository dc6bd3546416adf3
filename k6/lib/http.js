// Calls of the public API (DESIGN.md §2), each tagged with a `name` per endpoint so that thresholds,
// the end-of-test summary and the Grafana k6 dashboard break results down by endpoint.
// The queue token goes raw in Authorization, as the original client sent it.
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

function params(name, token, expected) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) {
    headers.Authorization = token;
  }
  return { headers, tags: { name }, responseCallback: expected || OK };
}

export function issueToken(userId) {
  return http.post(`${API}/queue/token`, JSON.stringify({ userId }), params(NAMES.token));
}

export function checkToken(token) {
  return http.post(`${API}/queue/token/check`, null, params(NAMES.check, token));
}

export function getSchedules(token) {
  return http.get(`${API}/concerts/schedule`, params(NAMES.schedule, token));
}

export function getSeats(token, scheduleId) {
  return http.get(`${API}/concerts/seat?scheduleId=${scheduleId}`, params(NAMES.seat, token));
}

/** Hold a seat. 409 SEAT_UNAVAILABLE is an expected answer under contention, not a failed request. */
export function reserve(token, scheduleId, seatId) {
  return http.post(`${API}/concerts/reserve`, JSON.stringify({ scheduleId, seatId }),
    params(NAMES.reserve, token, OK_OR_CONFLICT));
}

export function charge(userId, amount) {
  return http.post(`${API}/user/amount`, JSON.stringify({ userId, amount }), params(NAMES.charge));
}

export function getBalance(userId) {
  return http.get(`${API}/user/amount?userId=${userId}`, params(NAMES.balance));
}

export function pay(token, reservationId) {
  return http.post(`${API}/concerts/payment`, JSON.stringify({ reservationId }), params(NAMES.payment, token));
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
