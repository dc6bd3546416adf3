// The suite's public API (/v1/api, same origin): the access token on every call, the waiting-room token where the
// route needs it, the {"data"} / {"error": {"code", "message"}} envelopes, and the retry policy for outages.
import { accessToken, refresh, SessionExpired } from './auth.js';

/** A refusal or failure of the API, with what the page needs to explain it. */
export class ApiError extends Error {
  constructor(status, code, message, { retryAfter = 0, detail = null } = {}) {
    super(message || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
    this.detail = detail;
  }

  /** Worth trying again by itself: the service (or the path to it) is down, busy, or rate limited. */
  get transient() {
    return this.status === 0 || this.status === 429 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

async function send(method, path, { body, queueToken, headers = {} }, token) {
  const all = { Accept: 'application/json', Authorization: `Bearer ${token}`, ...headers };
  if (body !== undefined) all['Content-Type'] = 'application/json';
  if (queueToken) all['X-Queue-Token'] = queueToken;
  try {
    return await fetch(`/v1/api${path}`, {
      method,
      headers: all,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    // The gateway itself is unreachable (or the connection broke): as transient as a 503.
    throw new ApiError(0, 'NETWORK', 'The ticket site cannot be reached.', { retryAfter: 2 });
  }
}

/**
 * One API call. Returns {data, stale}; throws ApiError, or SessionExpired when the login is over. A 401 is tried
 * once more with a refreshed access token: after that, a 401 is about the waiting-room token (code INVALID_TOKEN).
 */
export async function call(method, path, options = {}) {
  let response = await send(method, path, options, await accessToken());
  if (response.status === 401) {
    response = await send(method, path, options, await refresh());
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.ok) {
    return { data: json?.data ?? null, stale: response.headers.get('X-Stale') === 'true' };
  }
  const error = json?.error || {};
  throw new ApiError(response.status, error.code || `HTTP_${response.status}`, error.message, {
    retryAfter: Number(response.headers.get('Retry-After')) || 0,
    detail: error,
  });
}

/** Resolves after ms, or at once when the signal aborts (the page moved on). */
export function pause(ms, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/**
 * Runs attempt() until it succeeds or fails for a reason that is not an outage. Between tries it waits the server's
 * Retry-After (2 s when none, at most 30 s) and reports the wait through onWait(error, seconds); onRecovered() once
 * a try succeeds after a failure. Stops (resolving undefined) when the signal aborts.
 */
export async function retrying(attempt, { signal, onWait = () => {}, onRecovered = () => {} } = {}) {
  let failed = false;
  for (;;) {
    if (signal?.aborted) return undefined;
    try {
      const result = await attempt();
      if (failed) onRecovered();
      return result;
    } catch (error) {
      // An ApiError says itself; the login service's refresh failures carry a status (0: unreachable).
      const outage = error instanceof ApiError
        ? error.transient
        : !(error instanceof SessionExpired) && typeof error.status === 'number' && (error.status === 0 || error.status >= 500);
      if (!outage) throw error;
      failed = true;
      const seconds = Math.min(Math.max(error.retryAfter || 2, 1), 30);
      onWait(error, seconds);
      await pause(seconds * 1000, signal);
    }
  }
}
