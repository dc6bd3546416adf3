// A downstream service stops while a person is on the seat map: the page says what is wrong, keeps retrying on its
// own (Retry-After), and carries on when the service is back, with no reload; the purchase then completes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  availableSeats, camera, chargeAndPay, chooseSeat, DESKTOP, joinRoom, launch, logIn, openUser, pickOpenRoom, someUser,
  waitForSeatMap,
} from '../lib/browser.js';
import { service } from '../lib/stack.js';

const DOWNSTREAM = process.env.E2E_OUTAGE_SERVICE || 'concert-service';
let browser;
let stopped = false;

before(async () => {
  browser = await launch();
});

after(async () => {
  if (stopped) await service('start', DOWNSTREAM).catch(() => {});
  await browser?.close();
});

test(`${DOWNSTREAM} stopped mid-flow: the page shows the outage and recovers by itself`, { timeout: 420_000 }, async () => {
  const shoot = camera('03-outage');
  const { page, errors, context } = await openUser(browser, DESKTOP);
  await logIn(page, someUser());
  const room = await pickOpenRoom(page);
  await joinRoom(page, room);
  await waitForSeatMap(page);
  await shoot(page, 'seat-map');
  // A marker that a reload would lose.
  await page.evaluate(() => { window.e2eNoReload = true; });

  stopped = true;
  await service('stop', DOWNSTREAM);
  const notice = page.locator('#notice', { hasText: 'temporarily unavailable' });
  await notice.waitFor({ timeout: 60_000 });
  assert.match(await notice.textContent(), /Trying again in \d+ s/);
  await shoot(page, 'outage-shown');

  await service('start', DOWNSTREAM);
  stopped = false;
  // The gateway learns of the restarted instance within about a minute (Eureka, its load-balancer cache).
  await page.locator('#notice', { hasText: 'Back to normal' }).waitFor({ timeout: 180_000 });
  await shoot(page, 'recovered');
  assert.equal(await page.evaluate(() => window.e2eNoReload), true, 'recovered without a reload');

  const [seat] = await availableSeats(page);
  assert.ok(seat, `room ${room} has an available seat`);
  await chooseSeat(page, seat);
  await page.click('#hold');
  await page.getByRole('heading', { name: `Seat ${seat} is held for you` }).waitFor();
  assert.equal(await chargeAndPay(page, shoot), seat);
  await shoot(page, 'receipt-after-recovery');

  assert.deepEqual(errors, [], 'no script errors');
  await context.close();
});
