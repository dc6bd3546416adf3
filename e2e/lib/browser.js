// Debian's chromium driven by playwright-core (no browser download), with the launch flags this machine needs, and
// the steps every test shares: log in through user-service's login page, join a room, reach the seat map, pay.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const BASE_URL = process.env.BASE_URL || `http://localhost:${process.env.GATEWAY_PORT || 8080}`;
export const RESULTS = process.env.E2E_RESULTS || path.join(ROOT, 'results', 'e2e');
export const PASSWORD = process.env.DEMO_PASSWORD || 'ticketing-demo';

export const DESKTOP = { viewport: { width: 1280, height: 860 } };
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** One browser for a test file: launched before its tests, closed after them. Returns a getter. */
export function browserForFile(before, after) {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser;
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // Without the background-networking flags chromium keeps dialling Google's hosts, which this network refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// Demo users user1..user100000 exist; each run takes fresh ones from the upper range (a user waits in at most 3
// rooms at once, so reusing one across runs could hit that limit).
const firstUser = 60_000 + Math.floor(Math.random() * 39_000);
let nextUser = 0;
export function someUser() {
  nextUser += 1;
  return `user${firstUser + nextUser}`;
}

/** Screenshots of one test, numbered in the order taken: results/e2e/<test>/<nn>-<step>.png */
export function camera(test) {
  const dir = path.join(RESULTS, test);
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (page, step) => {
    n += 1;
    const file = path.join(dir, `${String(n).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
}

/** A page of its own (own cookies and sessionStorage); page errors fail the test that owns it. */
export async function openUser(browser, device = DESKTOP) {
  const context = await browser.newContext({ ...device, baseURL: BASE_URL });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.setDefaultTimeout(30_000);
  return { context, page, errors };
}

/** The whole login as a person does it: the app's button, user-service's login page, back to the app. */
export async function logIn(page, username) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/login/);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([
    page.waitForURL(/\/app\/$/, { timeout: 60_000 }),
    page.locator('form').getByRole('button').first().click(),
  ]);
  await page.getByText(`Logged in as`).waitFor();
}

/** An OPEN room from the page's list, at random (E2E_ROOM fixes it): tests spread over the demo rooms' seats. */
/**
 * An OPEN room from the page's list, among those whose schedule has at least `minSeats` seats left (the system
 * tests run before on the same data and sell out some schedules).
 */
export async function pickOpenRoom(page, minSeats = 4) {
  if (process.env.E2E_ROOM) return Number(process.env.E2E_ROOM);
  const open = page.locator('li[data-room-state="OPEN"] button[data-room-id]');
  await open.first().waitFor({ timeout: 60_000 });
  const ids = await open.evaluateAll((buttons) => buttons.map((b) => Number(b.dataset.roomId)));
  const left = await seatsLeft(ids[0]);
  const withSeats = ids.filter((id) => (left.get(id) ?? 0) >= minSeats);
  const pool = withSeats.length > 0 ? withSeats : ids;
  return pool[Math.floor(Math.random() * pool.length)];
}

/**
 * Seats left per schedule, from the catalog (GET /concerts/schedule, readable with an admission to any room), read
 * by a helper user admitted to room `via` through the API; an empty map when it cannot tell. Bounded: 60 polls.
 */
async function seatsLeft(via) {
  try {
    const { accessToken } = await import('./stack.js');
    const login = { Authorization: `Bearer ${await accessToken(someUser(), PASSWORD)}` };
    const call = async (method, route, headers, body) => (await fetch(`${BASE_URL}/v1/api${route}`, {
      method, headers: { ...login, ...headers, ...(body ? { 'Content-Type': 'application/json' } : {}) }, body,
    })).json();
    const issued = await call('POST', '/queue/token', {}, JSON.stringify({ roomId: via }));
    const queue = { 'X-Queue-Token': issued.data.queueToken };
    let status = issued.data.status;
    for (let i = 0; i < 60 && status !== 'PROGRESS'; i += 1) {
      await new Promise((resolve) => { setTimeout(resolve, 1000); });
      status = (await call('POST', '/queue/token/check', queue)).data?.status;
    }
    const schedules = await call('GET', '/concerts/schedule', queue);
    await call('DELETE', '/queue/token', queue);
    return new Map((schedules.data ?? []).map((s) => [Number(s.scheduleId), Number(s.availableSeats)]));
  } catch {
    return new Map();
  }
}

export async function joinRoom(page, roomId) {
  const join = page.locator(`button[data-room-id="${roomId}"]`);
  await join.waitFor({ timeout: 60_000 });
  await join.click();
}

export async function waitForSeatMap(page, timeout = 120_000) {
  await page.locator('#seatmap .seat').first().waitFor({ timeout });
}

/** The seat numbers shown AVAILABLE on the page's seat map. */
export function availableSeats(page) {
  return page.$$eval('#seatmap .seat[data-status="AVAILABLE"]', (buttons) => buttons.map((b) => Number(b.dataset.seatNo)));
}

export async function chooseSeat(page, seatNo) {
  await page.click(`#seatmap .seat[data-seat-no="${seatNo}"]`);
  await page.locator('#hold').waitFor();
}

/** On the hold view: adds the shortfall to the balance if there is one, pays, and waits for the sold seat. */
export async function chargeAndPay(page, shoot) {
  await page.locator('#balance', { hasText: 'won' }).waitFor();
  if (await page.locator('#charge-amount').count()) {
    await shoot(page, 'balance-short');
    await page.click('#charge');
    await page.locator('#charge-amount').waitFor({ state: 'detached' });
  }
  await shoot(page, 'ready-to-pay');
  await page.click('#pay');
  await page.getByRole('heading', { name: 'Payment complete' }).waitFor({ timeout: 60_000 });
  await page.locator('#seat-status[data-status="SOLD"]').waitFor({ timeout: 60_000 });
  return Number((await page.textContent('#receipt-seat')).match(/\d+/)[0]);
}
