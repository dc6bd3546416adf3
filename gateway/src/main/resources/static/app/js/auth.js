// Login in the page: OpenID Connect authorization code + PKCE (S256) with the public client ticketing-web, against
// user-service through this same origin (/oauth2/authorize, /oauth2/token, /oauth2/revoke, /connect/logout).
// Tokens live in sessionStorage: they survive the round trip to the login page and a reload, not the closing of the
// tab, and no other origin can read them (the gateway's Content-Security-Policy allows only this origin's scripts).

const CLIENT_ID = 'ticketing-web';
const TOKENS = 'ticketing.tokens';
const PENDING = 'ticketing.login';
/** Refresh this long before the access token's expiry, so that a request never leaves with a dying token. */
const EARLY_MS = 30_000;

/** The login is over (refresh token expired or revoked): the person must log in again. */
export class SessionExpired extends Error {
  constructor() {
    super('Your login has ended.');
    this.name = 'SessionExpired';
  }
}

export const redirectUri = () => new URL('/app/callback.html', location.origin).href;
const homeUri = () => new URL('/app/', location.origin).href;

function base64url(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const randomString = (size) => base64url(crypto.getRandomValues(new Uint8Array(size)));

function read(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key));
  } catch {
    return null;
  }
}

function claims(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part));
  } catch {
    return {};
  }
}

export function isLoggedIn() {
  return Boolean(read(TOKENS)?.refreshToken || read(TOKENS)?.accessToken);
}

/** Who is logged in, from the ID token (falls back to the access token's subject). */
export function currentUser() {
  const tokens = read(TOKENS);
  if (!tokens) return null;
  const id = claims(tokens.idToken || '');
  const access = claims(tokens.accessToken || '');
  return { id: access.sub || id.sub, name: id.preferred_username || id.name || `user ${access.sub || id.sub}` };
}

/** Sends the browser to the login page; it comes back to callback.html with a code. */
export async function login() {
  if (!crypto.subtle) {
    throw new Error('Logging in needs a secure page: open this site over HTTPS or at localhost.');
  }
  const verifier = randomString(48);
  const state = randomString(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    scope: 'openid profile',
    state,
    redirect_uri: redirectUri(),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`/oauth2/authorize?${query}`);
}

async function tokenRequest(form) {
  let response;
  try {
    response = await fetch('/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ client_id: CLIENT_ID, ...form }),
    });
  } catch {
    return { status: 0, body: {}, retryAfter: 2 };
  }
  const body = await response.json().catch(() => ({}));
  return { status: response.status, body, retryAfter: Number(response.headers.get('Retry-After')) || 0 };
}

function store(body, previous = {}) {
  const tokens = {
    accessToken: body.access_token,
    refreshToken: body.refresh_token || previous.refreshToken,
    idToken: body.id_token || previous.idToken,
    expiresAt: Date.now() + (Number(body.expires_in) || 300) * 1000,
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
  return tokens;
}

/** callback.html: trades the code for tokens. Throws with a message a person can read. */
export async function completeLogin(params) {
  const pending = read(PENDING);
  sessionStorage.removeItem(PENDING);
  if (params.get('error')) {
    throw new Error(`The login was refused (${params.get('error_description') || params.get('error')}).`);
  }
  if (!pending || !params.get('code') || params.get('state') !== pending.state) {
    throw new Error('This login link is stale or was not started here. Please log in again.');
  }
  const { status, body } = await tokenRequest({
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  if (status !== 200 || !body.access_token) {
    throw new Error('The login could not be completed. Please log in again.');
  }
  store(body);
}

let refreshing = null;

/**
 * A fresh access token from the refresh token (rotated on every use, so concurrent callers share one request).
 * Throws SessionExpired when the login is over; rethrows a network or 5xx failure as a plain error (retryable).
 */
export function refresh() {
  if (!refreshing) {
    refreshing = (async () => {
      const tokens = read(TOKENS);
      if (!tokens?.refreshToken) throw new SessionExpired();
      const { status, body, retryAfter } = await tokenRequest({
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      if (status === 200 && body.access_token) return store(body, tokens).accessToken;
      if (status === 400 || status === 401) {
        sessionStorage.removeItem(TOKENS);
        throw new SessionExpired();
      }
      const error = new Error('The login service is unavailable.');
      error.status = status;
      error.retryAfter = retryAfter;
      throw error;
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** The access token to send now, refreshed first when it is about to expire. */
export async function accessToken() {
  const tokens = read(TOKENS);
  if (!tokens) throw new SessionExpired();
  if (tokens.accessToken && tokens.expiresAt - EARLY_MS > Date.now()) return tokens.accessToken;
  return refresh();
}

/** Ends the login: revokes the refresh token, then ends user-service's login session and comes back home. */
export async function logout() {
  const tokens = read(TOKENS) || {};
  sessionStorage.removeItem(TOKENS);
  if (tokens.refreshToken) {
    await fetch('/oauth2/revoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: CLIENT_ID, token: tokens.refreshToken, token_type_hint: 'refresh_token' }),
    }).catch(() => {});
  }
  if (tokens.idToken) {
    const query = new URLSearchParams({
      id_token_hint: tokens.idToken,
      client_id: CLIENT_ID,
      post_logout_redirect_uri: homeUri(),
    });
    location.assign(`/connect/logout?${query}`);
  } else {
    location.assign(homeUri());
  }
}
