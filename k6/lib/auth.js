// Logins the way every client of the suite logs in (DESIGN.md §2): OpenID Connect authorization code + PKCE against
// user-service through the gateway, over plain HTTP, as deploy/local/login.sh does with curl:
//   1. GET  /oauth2/authorize?...&code_challenge=C  (Accept: text/html) -> 302 to the login page; sets the SESSION cookie
//   2. GET  /login                                   -> the login form with its _csrf token
//   3. POST /login username, password, _csrf         -> 302 back to the saved authorization request
//                                                       (a Location with /login?error: refused; 429: rate limited)
//   4. GET  that authorization request               -> 302 to http://127.0.0.1/callback?code=...&state=S
//   5. POST /oauth2/token code + code_verifier       -> {access_token, refresh_token, id_token, expires_in}
// Redirects are read, never followed; each login carries its own cookie jar. A session is
// {userId (the access token's sub), accessToken, refreshToken, expiresAt (ms since the epoch)}.
//
// Every request here has a name of its own (AUTH_NAMES: auth_authorize, auth_login_page, auth_login, auth_token,
// auth_refresh, auth_logout) and no check, so no threshold of a measured endpoint counts it.
import http from 'k6/http';
import crypto from 'k6/crypto';
import encoding from 'k6/encoding';
import exec from 'k6/execution';
import { BASE_URL, USER_MAX, intEnv, strEnv } from './config.js';

export const CLIENT_ID = 'ticketing-cli';
export const REDIRECT_URI = 'http://127.0.0.1/callback';
export const USER_PREFIX = strEnv('USER_PREFIX', 'user');
export const PASSWORD = strEnv('PASSWORD', 'ticketing-demo');
export const LOGIN_PARALLEL = Math.max(1, intEnv('LOGIN_PARALLEL', 6));
export const LOGIN_SECONDS = intEnv('LOGIN_SECONDS', 180);
/** The most users one setup() logs in: 20,000 take ~7 min one at a time at ~20 ms each. */
export const MAX_LOGINS = 20000;
/** Refused logins after which loginPool stops: user-service locks an address out after 50 failures. */
const MAX_FAILURES = 10;
/** A session is refreshed once it has less than this left. */
const REFRESH_MARGIN_MS = 60 * 1000;

export const AUTH_NAMES = Object.freeze({
  authorize: 'auth_authorize',
  loginPage: 'auth_login_page',
  login: 'auth_login',
  token: 'auth_token',
  refresh: 'auth_refresh',
  logout: 'auth_logout',
});

const OK_OR_REDIRECT = http.expectedStatuses({ min: 200, max: 399 });

function params(name, jar) {
  const p = { redirects: 0, tags: { name }, responseCallback: OK_OR_REDIRECT };
  if (jar) {
    p.jar = jar;
  }
  return p;
}

function randomUrlSafe(bytes) {
  return encoding.b64encode(crypto.randomBytes(bytes), 'rawurl');
}

function headerOf(res, name) {
  return res.headers[name] || res.headers[name.toLowerCase()];
}

/** A query parameter of a URL, decoded; undefined when absent. */
function queryParam(url, name) {
  const m = new RegExp(`[?&]${name}=([^&#]*)`).exec(url);
  return m ? decodeURIComponent(m[1].replace(/\+/g, ' ')) : undefined;
}

/** A redirect user-service built for its public address, taken to BASE_URL (the gateway this run talks to). */
function onBase(location) {
  return location.charAt(0) === '/' ? BASE_URL + location : location.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, BASE_URL);
}

/** One line about an unexpected answer: status (or network error) and the start of the body. */
function describe(res) {
  if (res.status === 0) {
    return `no answer (${res.error || 'network error'})`;
  }
  const body = (res.body || '').toString().replace(/\s+/g, ' ').slice(0, 160);
  return `${res.status}${body ? ` ${body}` : ''}`;
}

/** The session in a token endpoint answer; undefined unless it is a 200 with an access token of a user. */
function sessionFrom(res, sentAt, previous) {
  if (res.status !== 200) {
    return undefined;
  }
  let body;
  let claims;
  try {
    body = JSON.parse(res.body);
    claims = JSON.parse(encoding.b64decode(body.access_token.split('.')[1], 'rawurl', 's'));
  } catch (e) {
    return undefined;
  }
  const userId = Number(claims.sub);
  if (!Number.isSafeInteger(userId) || userId < 1) {
    return undefined;
  }
  const lifeSeconds = Number(body.expires_in) > 0 ? Number(body.expires_in) : Number(claims.exp) - sentAt / 1000;
  return {
    userId,
    accessToken: body.access_token,
    // Rotation: the answer carries the next refresh token; without one, the current one stays valid.
    refreshToken: body.refresh_token || (previous && previous.refreshToken),
    expiresAt: sentAt + lifeSeconds * 1000,
  };
}

// The five steps of a login, each a request built from the login's state and a reader of its answer that records
// what the next step needs, or the reason the login failed (flow.error). Logins run step by step side by side.
const STEPS = [
  {
    request: (f) => ({
      method: 'GET',
      url: `${BASE_URL}/oauth2/authorize?response_type=code&client_id=${CLIENT_ID}&scope=openid`
        + `&state=${f.state}&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`
        + `&code_challenge=${crypto.sha256(f.verifier, 'base64rawurl')}&code_challenge_method=S256`,
      // As a browser asks: the authorization endpoint sends HTML clients to the login page (302), others get 401.
      params: Object.assign(params(AUTH_NAMES.authorize, f.jar), { headers: { Accept: 'text/html' } }),
    }),
    read: (f, res) => {
      if (res.status !== 302) {
        f.error = `authorization request answered ${describe(res)}`;
      }
    },
  },
  {
    request: (f) => ({ method: 'GET', url: `${BASE_URL}/login`, params: params(AUTH_NAMES.loginPage, f.jar) }),
    read: (f, res) => {
      const csrf = /name="_csrf"[^>]*value="([^"]*)"/.exec(res.body || '');
      if (res.status !== 200 || !csrf) {
        f.error = `login page without a CSRF token: ${describe(res)}`;
      } else {
        f.csrf = csrf[1];
      }
    },
  },
  {
    request: (f) => ({
      method: 'POST',
      url: `${BASE_URL}/login`,
      body: { username: f.username, password: f.password, _csrf: f.csrf },
      params: params(AUTH_NAMES.login, f.jar),
    }),
    read: (f, res) => {
      const location = headerOf(res, 'Location') || '';
      if (res.status === 429) {
        f.error = `login of ${f.username} rate limited (too many failed logins for it or from this address; `
          + `retry after ${headerOf(res, 'Retry-After') || '?'} s): ${describe(res)}`;
      } else if (res.status !== 302 || !location) {
        f.error = `login form answered ${describe(res)}`;
      } else if (location.indexOf('/login?error') >= 0) {
        f.error = `login of ${f.username} refused: wrong username or password (USER_PREFIX, PASSWORD)`;
      } else {
        f.next = onBase(location);
      }
    },
  },
  {
    request: (f) => ({ method: 'GET', url: f.next, params: params(AUTH_NAMES.authorize, f.jar) }),
    read: (f, res) => {
      const location = headerOf(res, 'Location') || '';
      f.code = queryParam(location, 'code');
      if (res.status !== 302 || location.indexOf(`${REDIRECT_URI}?`) !== 0 || !f.code) {
        f.error = `no authorization code: ${describe(res)} ${location}`;
      } else if (queryParam(location, 'state') !== f.state) {
        f.error = `the authorization code came back with another state: ${location}`;
      }
    },
  },
  {
    request: (f) => ({
      method: 'POST',
      url: `${BASE_URL}/oauth2/token`,
      body: {
        grant_type: 'authorization_code', client_id: CLIENT_ID, code: f.code, redirect_uri: REDIRECT_URI,
        code_verifier: f.verifier,
      },
      params: params(AUTH_NAMES.token, f.jar),
    }),
    read: (f, res, sentAt) => {
      f.session = sessionFrom(res, sentAt);
      if (!f.session) {
        f.error = `token request answered ${describe(res)}`;
      }
    },
  },
];

/** Logs in every {username, password} side by side (one http.batch per step); [{username, session, error}]. */
function loginAll(credentials) {
  const flows = credentials.map((c) => ({
    username: c.username,
    password: c.password,
    verifier: randomUrlSafe(32),
    state: randomUrlSafe(12),
    jar: new http.CookieJar(),
  }));
  for (const step of STEPS) {
    const live = flows.filter((f) => !f.error);
    if (live.length === 0) {
      break;
    }
    const sentAt = Date.now();
    const answers = http.batch(live.map((f) => step.request(f)));
    live.forEach((f, i) => step.read(f, answers[i], sentAt));
  }
  return flows.map((f) => ({ username: f.username, session: f.error ? undefined : f.session, error: f.error }));
}

/** Logs one user in: their session, or undefined (with the reason on the console). */
export function login(username, password) {
  const result = loginAll([{ username, password }])[0];
  if (result.error) {
    console.error(`login failed: ${result.error}`);
  }
  return result.session;
}

/**
 * A new session for `session` from its refresh token, which stops working (rotation); undefined (with the reason
 * on the console) when refused.
 */
export function refresh(session) {
  const sentAt = Date.now();
  const res = http.post(`${BASE_URL}/oauth2/token`,
    { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: session.refreshToken },
    params(AUTH_NAMES.refresh));
  const renewed = sessionFrom(res, sentAt, session);
  if (!renewed || renewed.userId !== session.userId) {
    console.error(`refresh of user ${session.userId}'s session failed: ${describe(res)}`);
    return undefined;
  }
  return renewed;
}

/** Logout: revokes the session's refresh token (its access token lives on until it expires). True when done. */
export function logout(session) {
  const res = http.post(`${BASE_URL}/oauth2/revoke`,
    { token: session.refreshToken, token_type_hint: 'refresh_token', client_id: CLIENT_ID },
    params(AUTH_NAMES.logout));
  if (res.status !== 200) {
    console.error(`logout of user ${session.userId} failed: ${describe(res)}`);
    return false;
  }
  return true;
}

/**
 * setup(): logs in the `count` users USER_PREFIX<firstUser> .. USER_PREFIX<firstUser + count - 1>, LOGIN_PARALLEL
 * at a time, for at most LOGIN_SECONDS, reporting progress. The first login runs alone, so that a wrong password or a
 * stack without logins fails once, with its reason; after MAX_FAILURES refusals it stops rather than have the
 * address locked out. Returns the sessions of those logged in, in user order; throws when nobody could log in.
 */
export function loginPool(firstUser, count) {
  if (!(count >= 1 && count <= MAX_LOGINS)) {
    throw new Error(`LOGIN_USERS must be 1..${MAX_LOGINS}, got ${count}`);
  }
  if (firstUser < 1 || firstUser + count - 1 > USER_MAX) {
    throw new Error(`users ${firstUser}..${firstUser + count - 1} are not all within 1..USER_MAX (${USER_MAX}): `
      + 'lower FIRST_USER or LOGIN_USERS');
  }
  const started = Date.now();
  const deadline = started + LOGIN_SECONDS * 1000;
  const sessions = [];
  const errors = [];
  let reported = started;
  let next = 0;
  while (next < count) {
    if (Date.now() > deadline) {
      console.warn(`setup: LOGIN_SECONDS (${LOGIN_SECONDS} s) is up after ${next} of ${count} logins: `
        + `going on with ${sessions.length} users`);
      break;
    }
    const size = next === 0 ? 1 : Math.min(LOGIN_PARALLEL, count - next);
    const credentials = [];
    for (let k = next; k < next + size; k++) {
      credentials.push({ username: `${USER_PREFIX}${firstUser + k}`, password: PASSWORD });
    }
    for (const result of loginAll(credentials)) {
      if (result.session) {
        sessions.push(result.session);
      } else {
        errors.push(result.error);
        console.error(`setup: ${result.error}`);
      }
    }
    next += size;
    if (sessions.length === 0 || errors.length >= MAX_FAILURES) {
      break;
    }
    if (Date.now() - reported >= 5000) {
      reported = Date.now();
      console.log(`setup: ${sessions.length} of ${count} users logged in (${((reported - started) / 1000).toFixed(1)} s)`);
    }
  }
  const took = ((Date.now() - started) / 1000).toFixed(1);
  if (sessions.length === 0) {
    throw new Error(`setup: nobody could log in (${USER_PREFIX}${firstUser} first, at ${BASE_URL}): ${errors[0]}`);
  }
  if (errors.length >= MAX_FAILURES) {
    console.warn(`setup: stopped after ${errors.length} failed logins (user-service locks an address out after 50)`);
  }
  console.log(`setup: ${sessions.length} of ${count} users logged in (${USER_PREFIX}${firstUser}..) in ${took} s`);
  return sessions;
}

/**
 * Options for a script whose setup() logs in: setupTimeout with room for LOGIN_SECONDS and `moreSeconds` (e.g. the
 * wait for admission), and k6's http.batch limits raised to LOGIN_PARALLEL (batchPerHost is 6 by default).
 */
export function setupOptions(moreSeconds) {
  return {
    setupTimeout: `${Math.ceil(LOGIN_SECONDS + (moreSeconds || 0) + 60)}s`,
    batch: Math.max(20, LOGIN_PARALLEL),
    batchPerHost: LOGIN_PARALLEL,
  };
}

// This VU's newest copy of each session it refreshed, by user id (module scope: every VU has its own).
const kept = {};

/**
 * The current session for `session`: this VU's newest copy of it, refreshed first when it expires within a minute
 * and `exclusive` says no other VU uses it (refreshing rotates the refresh token: any other holder of the old one
 * is locked out of refreshing). A refresh that fails is not tried again; the session is used as it is, and its
 * calls fail with 401 once it has expired.
 */
export function fresh(session, exclusive) {
  const mine = kept[session.userId] || session;
  if (!exclusive || mine.refreshFailed || mine.expiresAt - Date.now() > REFRESH_MARGIN_MS) {
    return mine;
  }
  const renewed = refresh(mine);
  kept[session.userId] = renewed || Object.assign({}, mine, { refreshFailed: true });
  return kept[session.userId];
}

let turn = 0;
let warned = false;

/**
 * Which entry of a pool of `size` this VU uses next, and whether it is the VU's alone. VU n owns the entries
 * n-1, n-1+vus, n-1+2*vus, ... (vus: the most VUs the test runs, config.js vuCap) and takes them in turn, so no
 * two VUs share a session and each refreshes its own. A pool smaller than `vus` is shared: VU n uses entry
 * (n-1) mod size, nobody refreshes it, and the run must end within the access-token lifetime (VU 1 says so once).
 */
export function vuEntry(size, vus) {
  const n = exec.vu.idInTest;
  if (size < vus || n > vus) {
    if (!warned && n === 1) {
      warned = true;
      console.warn(`${size} logged-in users for up to ${vus} VUs: VUs share sessions and none is refreshed, so the `
        + `run must end within the access-token lifetime (10 min) of setup(); LOGIN_USERS=${vus} lifts that`);
    }
    return { index: (n - 1) % size, exclusive: false };
  }
  const owned = Math.floor((size - n) / vus) + 1;
  const index = n - 1 + vus * (turn % owned);
  turn += 1;
  return { index, exclusive: true };
}

/**
 * Which entry of a pool of `size` this iteration uses: iteration i of the scenario uses entry i, its only user, and
 * may refresh it; once the pool is used up, iterations reuse entries (i mod size) as they are, unrefreshed.
 */
export function iterationEntry(size) {
  const i = exec.scenario.iterationInTest;
  return { index: i % size, exclusive: i < size };
}
