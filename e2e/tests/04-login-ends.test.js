// The login ends while the person is admitted (refresh token revoked or expired): the page says so, the person logs
// in again and is back where they were, with the same place (the waiting-room token is re-issued idempotently).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  browserForFile, camera, DESKTOP, joinRoom, logIn, openUser, PASSWORD, pickOpenRoom, someUser, waitForSeatMap,
} from '../lib/browser.js';

const browser = browserForFile(before, after);

test('an ended login asks to log in again and keeps the place', { timeout: 300_000 }, async () => {
  const shoot = camera('04-login-ends');
  const { page, errors, context } = await openUser(browser(), DESKTOP);
  const user = someUser();
  await logIn(page, user);
  const room = await pickOpenRoom(page);
  await joinRoom(page, room);
  await waitForSeatMap(page);
  // The place is the waiting-room token's jti (the token itself is signed again at each issue).
  const place = () => page.evaluate(() => {
    const token = JSON.parse(sessionStorage.getItem('ticketing.flow')).queueToken;
    return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).jti;
  });
  const placeBefore = await place();

  // The login ends: the access token is dead and the refresh token no longer works.
  await page.evaluate(() => {
    const tokens = JSON.parse(sessionStorage.getItem('ticketing.tokens'));
    sessionStorage.setItem('ticketing.tokens', JSON.stringify({ ...tokens, accessToken: 'x.e30.x', expiresAt: 0, refreshToken: 'revoked' }));
  });
  await page.getByRole('heading', { name: 'Your login has ended' }).waitFor({ timeout: 30_000 });
  assert.match(await page.textContent('main'), /place in line for .* is kept/);
  await shoot(page, 'login-ended');

  await page.getByRole('button', { name: 'Log in again' }).click();
  // The login page, unless user-service's own login session (30 min) still knows the person: then straight back.
  const where = await Promise.race([
    page.waitForURL(/\/login/, { timeout: 60_000 }).then(() => 'login page'),
    waitForSeatMap(page, 60_000).then(() => 'back'),
  ]);
  if (where === 'login page') {
    await page.fill('input[name="username"]', user);
    await page.fill('input[name="password"]', PASSWORD);
    await page.locator('form').getByRole('button').first().click();
  }
  await waitForSeatMap(page, 60_000);
  assert.equal(await place(), placeBefore, 'the same place in the room (the same jti)');
  await shoot(page, 'back-in-after-login');

  assert.deepEqual(errors, [], 'no script errors');
  await context.close();
});
