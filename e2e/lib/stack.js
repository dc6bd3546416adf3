// The running stack, from outside the browser: an admin's access token (deploy/local/login.sh, the same PKCE flow),
// the operations API, and stopping/starting one service (deploy/local/service.sh) for the outage test.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { BASE_URL, ROOT } from './browser.js';

const run = promisify(execFile);

export async function accessToken(username, password) {
  const { stdout } = await run('bash', [path.join(ROOT, 'deploy/local/login.sh'), username, password],
    { env: { ...process.env, GATEWAY_URL: BASE_URL }, timeout: 60_000 });
  return stdout.trim();
}

export async function api(token, method, pathAndQuery, body) {
  const response = await fetch(`${BASE_URL}/v1/api${pathAndQuery}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => null);
  return { status: response.status, data: json?.data, error: json?.error };
}

/** deploy/local/service.sh stop|start <service>, with this run's PORT_OFFSET and RUN_DIR (inherited). */
export async function service(action, name) {
  await run('bash', [path.join(ROOT, 'deploy/local/service.sh'), action, name], { timeout: 300_000 });
}
