// Two people, one on a desktop and one on a 360 px phone, go through the whole flow at once and both go for the same
// seat: exactly one holds it; the other is told it was taken, sees it held (then sold) on the map, and buys another.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  availableSeats, browserForFile, camera, chargeAndPay, chooseSeat, DESKTOP, joinRoom, logIn, openUser, PHONE,
  pickOpenRoom, someUser, waitForSeatMap,
} from '../lib/browser.js';

const browser = browserForFile(before, after);

test('two buyers contend for one seat: one buys it, the other sees it taken and buys another', { timeout: 300_000 }, async () => {
  const shoot = camera('01-two-buyers-one-seat');
  const ana = await openUser(browser(), DESKTOP);
  const ben = await openUser(browser(), PHONE);
  const a = ana.page;
  const b = ben.page;

  await a.goto('/');
  await shoot(a, 'desktop-signed-out');
  await Promise.all([logIn(a, someUser()), logIn(b, someUser())]);
  await shoot(a, 'desktop-rooms');
  await shoot(b, 'phone-rooms');

  const room = await pickOpenRoom(a);
  await Promise.all([joinRoom(a, room), joinRoom(b, room)]);
  await Promise.all([waitForSeatMap(a), waitForSeatMap(b)]);
  await shoot(a, 'desktop-seat-map');
  await shoot(b, 'phone-seat-map');

  const onB = new Set(await availableSeats(b));
  const seat = (await availableSeats(a)).find((n) => onB.has(n));
  assert.ok(seat, `room ${room} has no available seat left: reset the stack's data or set E2E_ROOM`);

  await Promise.all([chooseSeat(a, seat), chooseSeat(b, seat)]);
  await shoot(b, 'phone-seat-chosen');
  // Both press "Hold" at the same moment.
  await Promise.all([a.click('#hold'), b.click('#hold')]);

  const outcome = async (page) => {
    const held = page.getByRole('heading', { name: `Seat ${seat} is held for you` });
    const taken = page.locator('#alert', { hasText: `someone else just took seat ${seat}` });
    await held.or(taken).waitFor({ timeout: 60_000 });
    return (await held.count()) > 0 ? 'held' : 'taken';
  };
  const [fromA, fromB] = await Promise.all([outcome(a), outcome(b)]);
  assert.deepEqual([fromA, fromB].sort(), ['held', 'taken'], `exactly one holds seat ${seat} (desktop: ${fromA}, phone: ${fromB})`);
  const [winner, loser] = fromA === 'held' ? [a, b] : [b, a];
  await shoot(winner, 'winner-holds-seat');
  await shoot(loser, 'loser-told-seat-taken');

  // The loser's map shows the seat as no longer available.
  const contested = `#seatmap .seat[data-seat-no="${seat}"]`;
  await loser.locator(`${contested}:is([data-status="HELD"], [data-status="SOLD"])`).waitFor({ timeout: 30_000 });

  // The winner pays (charging the balance first when short) and gets the receipt; the seat is then SOLD.
  const winnerSeat = await chargeAndPay(winner, shoot);
  assert.equal(winnerSeat, seat);
  await shoot(winner, 'winner-receipt');

  await loser.locator(`${contested}[data-status="SOLD"]`).waitFor({ timeout: 60_000 });
  await shoot(loser, 'loser-sees-seat-sold');

  const other = (await availableSeats(loser)).find((n) => n !== seat);
  assert.ok(other, 'another seat is available for the second buyer');
  await chooseSeat(loser, other);
  await loser.click('#hold');
  await loser.getByRole('heading', { name: `Seat ${other} is held for you` }).waitFor();
  await shoot(loser, 'loser-holds-another-seat');
  const loserSeat = await chargeAndPay(loser, shoot);
  assert.equal(loserSeat, other);
  await shoot(loser, 'loser-receipt');

  assert.deepEqual([...ana.errors, ...ben.errors], [], 'no script errors on either page');
  await ana.context.close();
  await ben.context.close();
});
