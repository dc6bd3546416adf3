// A sale that has not opened yet: the person joins its pre-queue, sees when it opens, and is let in after the opening
// without doing anything more. An admin creates the room through the operations API (POST /v1/api/admin/rooms).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { browserForFile, camera, DESKTOP, joinRoom, logIn, openUser, someUser, waitForSeatMap } from '../lib/browser.js';
import { accessToken, api } from '../lib/stack.js';

/** Schedules of the demo data that have no demo room (the demo rooms are 1..24): announced first, then past ones. */
const CANDIDATES = [29, 30, 25, 26, 27, 28];
const OPENS_IN_MS = Number(process.env.E2E_PRE_QUEUE_MS || 45_000);
const browser = browserForFile(before, after);

async function createPreQueueRoom(token, saleStartsAt) {
  const rooms = await api(token, 'GET', '/admin/rooms');
  assert.equal(rooms.status, 200, `admin rooms list: ${JSON.stringify(rooms.error)}`);
  const taken = new Set(rooms.data.map((r) => r.roomId));
  for (const roomId of CANDIDATES.filter((id) => !taken.has(id))) {
    const created = await api(token, 'POST', '/admin/rooms', {
      roomId, saleStartsAt, maxActiveUsers: 100, newUsersPerMinute: 600, sessionDurationSeconds: 600,
    });
    if (created.status === 201) return created.data;
    if (created.error?.code !== 'ROOM_EXISTS') assert.fail(`room ${roomId} not created: ${created.status} ${JSON.stringify(created.error)}`);
  }
  return assert.fail(`every schedule in ${CANDIDATES} has a room already: reset the stack's data`);
}

test('a person waits in the pre-queue and is let in after the opening', { timeout: 300_000 }, async () => {
  const shoot = camera('02-pre-queue');
  const admin = await accessToken(process.env.ADMIN_USER || 'admin', process.env.ADMIN_PASSWORD || 'admin-dev-password');
  const saleStartsAt = new Date(Date.now() + OPENS_IN_MS).toISOString();
  const room = await createPreQueueRoom(admin, saleStartsAt);
  assert.equal(room.state, 'PRE_QUEUE');

  const { page, errors, context } = await openUser(browser(), DESKTOP);
  await logIn(page, someUser());
  await page.locator(`li[data-room-state="PRE_QUEUE"] button[data-room-id="${room.roomId}"]`).waitFor();
  await shoot(page, 'rooms-with-pre-sale');

  await joinRoom(page, room.roomId);
  await page.locator('#queue-status', { hasText: 'pre-queue' }).waitFor();
  await page.locator('#sale-countdown', { hasText: 'Opens in' }).waitFor();
  assert.ok(Date.now() < Date.parse(saleStartsAt), 'the pre-queue was reached before the sale opened');
  await shoot(page, 'in-pre-queue');

  await waitForSeatMap(page, OPENS_IN_MS + 120_000);
  assert.ok(Date.now() >= Date.parse(saleStartsAt) - 1000, 'let in only after the opening');
  await shoot(page, 'let-in-after-opening');

  assert.deepEqual(errors, [], 'no script errors');
  await context.close();
});
