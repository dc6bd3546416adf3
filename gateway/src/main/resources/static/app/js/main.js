// The flow: log in → choose a sale → wait in its room → choose a seat → hold it → pay (charging first when short)
// → receipt. One view on screen at a time; each view owns an AbortController that stops its polls and timers when
// the page moves on.
import * as auth from './auth.js';
import { SessionExpired } from './auth.js';
import { ApiError, call, pause, retrying } from './api.js';
import { clock, count, h, roughly, setText, when, won } from './dom.js';
import * as store from './store.js';

const viewEl = document.getElementById('view');
const noticeEl = document.getElementById('notice');
const alertEl = document.getElementById('alert');
const accountEl = document.getElementById('account');

/** How often the seat map refreshes while it is on screen (it also keeps the admitted session alive). */
const SEAT_REFRESH_MS = 3000;
/** The largest single charge (user-service's ticketing.user.max-charge). */
const MAX_CHARGE = 10_000_000;

let flow = {};
let current = null;

// ---------------------------------------------------------------------------------------------------------------
// Messages

const MESSAGES = {
  SEAT_UNAVAILABLE: 'Sorry, someone else just took that seat. Please choose another one.',
  QUEUE_NOT_ADMITTED: 'Your turn to buy has ended (or has not started yet), so you are back in the line.',
  INSUFFICIENT_BALANCE: 'Your balance is too low for this seat. Add money to your balance, then pay.',
  TOO_MANY_ROOMS: 'You are already waiting in line for 3 sales, the most at once. Leave one of those lines to join this one.',
  ROOM_CLOSED: 'This sale has closed.',
  ROOM_NOT_FOUND: 'This sale does not exist any more.',
  RESERVATION_NOT_PAYABLE: 'Your hold on this seat has ended. Please choose a seat again.',
  RESERVATION_NOT_FOUND: 'Your hold on this seat has ended. Please choose a seat again.',
  PAYMENT_FAILED: 'The payment did not go through, and nothing was charged. You can try again.',
  PAYMENT_REFUNDED: 'The payment was refunded: the seat could not be confirmed. Please choose a seat again.',
  RATE_LIMITED: 'Too many requests at once. Please wait a moment.',
};

function describe(error) {
  if (error instanceof ApiError) {
    if (MESSAGES[error.code]) return MESSAGES[error.code];
    if (error.status === 400 && error.message) return error.message;
    return `Something went wrong (${error.code}). Please try again.`;
  }
  return error?.message || 'Something went wrong. Please try again.';
}

function showAlert(text) {
  alertEl.hidden = false;
  setText(alertEl, text);
}

function clearAlert() {
  alertEl.hidden = true;
  alertEl.textContent = '';
}

let noticeTimer = null;

function showNotice(text, { autoHideMs = 0 } = {}) {
  clearTimeout(noticeTimer);
  noticeEl.hidden = false;
  setText(noticeEl, text);
  if (autoHideMs) noticeTimer = setTimeout(clearNotice, autoHideMs);
}

function clearNotice() {
  clearTimeout(noticeTimer);
  noticeEl.hidden = true;
  noticeEl.textContent = '';
}

/** Retry options that tell the person what is down and that the page is on it. */
function outage(what, signal) {
  return {
    signal,
    onWait: (error, seconds) => {
      const cause = error.status === 0 ? 'The ticket site cannot be reached' : `${what} is temporarily unavailable`;
      showNotice(`${cause}. Trying again in ${seconds} s — no need to reload.`);
    },
    onRecovered: () => showNotice('Back to normal.', { autoHideMs: 4000 }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Views

/** Replaces the view; its h2 gets the focus so that keyboard and screen-reader users start at the new content. */
function render(title, ...children) {
  const heading = h('h2', { tabindex: '-1' }, title);
  viewEl.replaceChildren(heading, ...children);
  heading.focus();
  return heading;
}

function go(view, ...args) {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  clearAlert();
  view(controller.signal, ...args).catch((error) => {
    if (controller.signal.aborted) return;
    if (error instanceof SessionExpired) {
      go(sessionExpiredView);
      return;
    }
    console.error(error);
    showAlert(describe(error));
  });
}

function renderAccount() {
  const user = auth.currentUser();
  accountEl.replaceChildren();
  if (!user) return;
  accountEl.append(
    h('span', { class: 'who' }, `Logged in as ${user.name}`),
    h('button', { type: 'button', class: 'link', onclick: () => auth.logout() }, 'Log out'),
  );
}

function loginButton(label) {
  return h('button', {
    type: 'button',
    class: 'primary',
    onclick: () => auth.login().catch((error) => showAlert(describe(error))),
  }, label);
}

async function signedOutView() {
  render('Concert tickets',
    h('p', {}, 'Log in to join the line for a concert sale, choose your seat and pay.'),
    h('p', { class: 'hint' }, 'Demo accounts: user1 … user100000, password ticketing-demo.'),
    loginButton('Log in'));
}

async function sessionExpiredView() {
  renderAccount();
  const waiting = flow.roomName ? ` Your place in line for ${flow.roomName} is kept.` : '';
  render('Your login has ended',
    h('p', {}, `For your security, logins end after a while.${waiting}`),
    h('p', {}, 'Log in again to carry on where you were.'),
    loginButton('Log in again'));
}

async function roomsView(signal) {
  const list = h('ul', { class: 'rooms', 'aria-busy': 'true' });
  const status = h('p', { class: 'hint', role: 'status' }, 'Loading the sales…');
  render('Choose a concert', status, list);
  while (!signal.aborted) {
    const answer = await retrying(() => call('GET', '/queue/rooms'), outage('The waiting room', signal));
    if (!answer) return;
    const rooms = answer.data || [];
    list.setAttribute('aria-busy', 'false');
    setText(status, rooms.length ? `${rooms.length} sales open or coming up.` : 'No sales are open right now.');
    const focused = document.activeElement?.dataset?.roomId;
    list.replaceChildren(...rooms.map(roomCard));
    if (focused) list.querySelector(`[data-room-id="${focused}"]`)?.focus();
    await pause(15_000, signal);
  }
}

function roomCard(room) {
  const id = `room-${room.roomId}-info`;
  let info;
  if (room.state === 'PRE_QUEUE') {
    info = `Sale opens ${when(room.saleStartsAt)}. Join now: when it opens, everyone already waiting gets a place `
      + 'drawn at random, so there is no need to rush.';
  } else if (room.state === 'PAUSED') {
    info = 'Sale paused: you can join the line; nobody is let in until it resumes.';
  } else if (room.waitOverOneDay) {
    info = `${count(room.waiting)} waiting; the wait is more than a day.`;
  } else {
    info = `${count(room.waiting)} waiting; expected wait ${roughly(room.estimatedWaitSeconds ?? 0)}.`;
  }
  return h('li', { class: 'room', dataset: { roomState: room.state } },
    h('h3', {}, room.name || `Sale ${room.roomId}`),
    h('p', { id }, info),
    h('button', {
      type: 'button',
      class: 'primary',
      'aria-describedby': id,
      dataset: { roomId: String(room.roomId) },
      onclick: () => join(room),
    }, room.state === 'PRE_QUEUE' ? 'Join the pre-queue' : 'Join the line'));
}

/** Joins a room's line (or gets one's existing place back: the token is idempotent per user and room). */
async function issueToken(roomId, signal) {
  const answer = await retrying(() => call('POST', '/queue/token', { body: { roomId } }), outage('The waiting room', signal));
  if (!answer) return null;
  store.update(flow, { roomId, queueToken: answer.data.queueToken });
  return answer.data;
}

function join(room) {
  go(async (signal) => {
    store.update(flow, { roomId: room.roomId, roomName: room.name || `Sale ${room.roomId}` });
    const status = await issueToken(room.roomId, signal).catch((error) => refused(error));
    if (status) go(waitingView, status);
  });
}

/** The line could not be joined (closed, too many rooms...): back to the list, saying why. */
function refused(error) {
  if (error instanceof SessionExpired) throw error;
  store.reset(flow);
  go(roomsView);
  showAlert(describe(error));
  return null;
}

/** Back to the line after a refused admission (the place is kept when there is one: re-issue is idempotent). */
function backToLine(error) {
  go(async (signal) => {
    const status = await issueToken(flow.roomId, signal);
    if (!status) return;
    go(waitingView, status);
    showAlert(describe(error));
  });
}

async function waitingView(signal, firstStatus) {
  const headline = h('p', { id: 'queue-status', class: 'big', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const estimate = h('p', { id: 'queue-estimate', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const countdown = h('p', { id: 'sale-countdown', class: 'countdown', 'aria-hidden': 'true', hidden: true });
  const next = h('p', { class: 'hint' });
  const leave = h('button', {
    type: 'button',
    onclick: () => go(async (leaveSignal) => {
      await retrying(() => call('DELETE', '/queue/token', { queueToken: flow.queueToken }), outage('The waiting room', leaveSignal))
        .catch(() => {});
      store.reset(flow);
      go(roomsView);
    }),
  }, 'Leave the line');
  render(flow.roomName || 'Waiting room', headline, countdown, estimate, next,
    h('p', { class: 'hint' }, 'Keep this page open: it checks in for you, and your place is kept as long as it does.'),
    leave);

  let saleStartsAt = null;
  const ticker = setInterval(() => {
    if (!saleStartsAt) return;
    const left = (Date.parse(saleStartsAt) - Date.now()) / 1000;
    setText(countdown, left > 0 ? `Opens in ${clock(left)}` : 'Opening…');
  }, 1000);
  signal.addEventListener('abort', () => clearInterval(ticker));

  let status = firstStatus;
  while (!signal.aborted) {
    if (!status) {
      status = await retrying(() => check(signal), outage('The waiting room', signal));
      if (!status) return;
    }
    if (status.status === 'PROGRESS') {
      announceTurn();
      return;
    }
    if (status.status === 'CLOSED' || status.roomState === 'CLOSED') {
      setText(headline, 'This sale has closed: nobody else will be let in.');
      estimate.textContent = '';
      countdown.hidden = true;
      next.textContent = '';
      store.reset(flow);
      leave.replaceWith(h('button', { type: 'button', class: 'primary', onclick: () => go(roomsView) }, 'Choose another concert'));
      return;
    }
    if (status.status === 'PRE_QUEUE') {
      saleStartsAt = status.saleStartsAt;
      countdown.hidden = !saleStartsAt;
      const left = saleStartsAt ? (Date.parse(saleStartsAt) - Date.now()) / 1000 : 0;
      setText(headline, left > 0
        ? `You are in the pre-queue. The sale opens ${when(saleStartsAt)}, in ${roughly(left)}.`
        : 'The sale is opening: places in line are being drawn.');
      setText(estimate, 'When it opens, everyone in the pre-queue gets a place drawn at random: arriving early gives no advantage, and nobody loses out by arriving now.');
    } else {
      saleStartsAt = null;
      countdown.hidden = true;
      setText(headline, status.position === 1
        ? 'You are next in line.'
        : `You are number ${count(status.position)} in line.`);
      setText(estimate, status.waitOverOneDay
        ? 'The expected wait is more than a day.'
        : `Expected wait: ${roughly(status.estimatedWaitSeconds ?? 0)}.`);
    }
    const wait = Math.min(Math.max(Number(status.pollAfterMs) || 2000, 500), 60_000);
    setText(next, `Checking again in ${Math.round(wait / 1000)} s.`);
    await pause(wait, signal);
    status = null;
  }

  function announceTurn() {
    setText(headline, 'It is your turn! Opening the seat map…');
    go(flow.reservation && Date.parse(flow.reservation.expiresAt) > Date.now() ? holdView : seatsView);
  }
}

/** One poll of the line. A lost place (left, idle, session over) or an unusable token gets a place again. */
async function check(signal) {
  try {
    return (await call('POST', '/queue/token/check', { queueToken: flow.queueToken })).data;
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'QUEUE_TOKEN_NOT_FOUND' || error.code === 'INVALID_TOKEN')) {
      showNotice('Your place in line had lapsed, so you have joined the line again.', { autoHideMs: 8000 });
      return issueToken(flow.roomId, signal);
    }
    throw error;
  }
}

const STATUS_WORDS = { AVAILABLE: 'available', HELD: 'held by someone', SOLD: 'sold' };

async function seatsView(signal) {
  const balance = h('p', { id: 'balance' }, 'Your balance: …');
  const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' },
    h('li', {}, h('span', { class: 'seat-sample available', 'aria-hidden': 'true' }, '7'), ' available'),
    h('li', {}, h('span', { class: 'seat-sample held', 'aria-hidden': 'true' }, '7'), ' held'),
    h('li', {}, h('span', { class: 'seat-sample sold', 'aria-hidden': 'true' }, '7'), ' sold'));
  const map = h('div', { class: 'seatmap', id: 'seatmap', role: 'group', 'aria-label': 'Seats. Arrow keys move between seats.' });
  const selection = h('div', { class: 'selection', id: 'selection', 'aria-live': 'polite' },
    h('p', {}, 'Choose an available seat.'));
  const stale = h('p', { class: 'hint', hidden: true }, 'The seat map may be a little out of date right now.');
  render(`${flow.roomName || 'Seats'}: choose a seat`,
    h('p', {}, 'It is your turn. Choose a seat and hold it: you then have 5 minutes to pay.'),
    balance, legend, stale, map, selection);

  let seats = [];
  let selected = null;
  const buttons = new Map();

  retrying(() => call('GET', '/user/amount'), outage('Your balance', signal))
    .then((answer) => answer && setText(balance, `Your balance: ${won(answer.data.balance)}`))
    .catch(() => setText(balance, 'Your balance could not be read.'));

  const draw = () => {
    const byGrade = new Map();
    for (const seat of seats) {
      if (!byGrade.has(seat.grade)) byGrade.set(seat.grade, []);
      byGrade.get(seat.grade).push(seat);
    }
    for (const [grade, inGrade] of byGrade) {
      let group = map.querySelector(`[data-grade="${grade}"]`);
      if (!group) {
        const prices = [...new Set(inGrade.map((s) => s.price))];
        group = h('div', { class: 'grade', role: 'group', 'aria-label': `${grade} seats, ${prices.map(won).join(', ')}`, dataset: { grade } },
          h('p', { class: 'grade-name', 'aria-hidden': 'true' }, `${grade} · ${prices.map(won).join(', ')}`),
          h('div', { class: 'seats' }));
        map.append(group);
      }
      for (const seat of inGrade) {
        let button = buttons.get(seat.seatId);
        if (!button) {
          button = h('button', { type: 'button', class: 'seat', tabindex: '-1', dataset: { seatId: String(seat.seatId), seatNo: String(seat.seatNo) } },
            String(seat.seatNo));
          button.addEventListener('click', () => choose(seat.seatId));
          buttons.set(seat.seatId, button);
          group.querySelector('.seats').append(button);
        }
        button.className = `seat ${seat.status.toLowerCase()}${selected === seat.seatId ? ' selected' : ''}`;
        button.dataset.status = seat.status;
        button.setAttribute('aria-pressed', String(selected === seat.seatId));
        button.setAttribute('aria-disabled', String(seat.status !== 'AVAILABLE'));
        button.setAttribute('aria-label', `Seat ${seat.seatNo}, ${seat.grade}, ${won(seat.price)}, ${STATUS_WORDS[seat.status] || seat.status}`);
      }
    }
    // One tab stop in the map (roving tabindex): the focused seat, else the chosen one, else the first available.
    const all = [...buttons.values()];
    const stop = all.find((b) => b === document.activeElement) || buttons.get(selected)
      || all.find((b) => b.dataset.status === 'AVAILABLE') || all[0];
    for (const b of all) b.tabIndex = b === stop ? 0 : -1;
  };

  map.addEventListener('keydown', (event) => {
    const all = [...buttons.values()];
    const index = all.indexOf(document.activeElement);
    if (index < 0) return;
    const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 10, ArrowUp: -10, Home: -index, End: all.length - 1 - index };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const target = all[Math.min(Math.max(index + moves[event.key], 0), all.length - 1)];
    for (const b of all) b.tabIndex = b === target ? 0 : -1;
    target.focus();
  });

  const showSelection = () => {
    const seat = seats.find((s) => s.seatId === selected);
    if (!seat) {
      selection.replaceChildren(h('p', {}, 'Choose an available seat.'));
      return;
    }
    if (seat.status !== 'AVAILABLE') {
      selection.replaceChildren(h('p', {}, `Seat ${seat.seatNo} is no longer available. Please choose another seat.`));
      selected = null;
      return;
    }
    selection.replaceChildren(
      h('p', {}, `Seat ${seat.seatNo} · ${seat.grade} · ${won(seat.price)}`),
      h('button', { type: 'button', class: 'primary', id: 'hold', onclick: () => hold(seat) }, `Hold seat ${seat.seatNo}`));
  };

  function choose(seatId) {
    const seat = seats.find((s) => s.seatId === seatId);
    if (!seat) return;
    if (seat.status !== 'AVAILABLE') {
      selection.replaceChildren(h('p', {}, `Seat ${seat.seatNo} is ${STATUS_WORDS[seat.status] || seat.status}. Please choose an available seat.`));
      return;
    }
    selected = seatId;
    clearAlert();
    draw();
    showSelection();
  }

  async function refresh() {
    const answer = await retrying(() => call('GET', `/concerts/seat?scheduleId=${flow.roomId}`, { queueToken: flow.queueToken }), outage('The seat map', signal));
    if (!answer) return;
    seats = [...answer.data].sort((a, b) => a.seatNo - b.seatNo);
    stale.hidden = !answer.stale;
    draw();
    if (selected) showSelection();
  }

  let holding = false;

  async function hold(seat) {
    if (holding) return;
    holding = true;
    const button = selection.querySelector('#hold');
    if (button) {
      button.disabled = true;
      button.textContent = 'Holding…';
    }
    try {
      const answer = await retrying(() => call('POST', '/concerts/reserve', {
        body: { scheduleId: flow.roomId, seatId: seat.seatId },
        queueToken: flow.queueToken,
      }),
        outage('Holding seats', signal));
      if (!answer) return;
      store.update(flow, { reservation: { ...answer.data, grade: seat.grade }, payKey: null });
      go(holdView);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SEAT_UNAVAILABLE') {
        showAlert(`Sorry, someone else just took seat ${seat.seatNo}. Please choose another one.`);
        selected = null;
        await refresh().catch(() => {});
        showSelection();
        (map.querySelector('.seat[tabindex="0"]') || map).focus();
      } else if (error instanceof ApiError && error.code === 'QUEUE_NOT_ADMITTED') {
        backToLine(error);
      } else {
        throw error;
      }
    } finally {
      holding = false;
    }
  }

  while (!signal.aborted) {
    try {
      await refresh();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'QUEUE_NOT_ADMITTED') {
        backToLine(error);
        return;
      }
      throw error;
    }
    await pause(SEAT_REFRESH_MS, signal);
  }
}

async function holdView(signal) {
  const r = flow.reservation;
  const countdown = h('p', { id: 'hold-countdown', class: 'countdown', 'aria-hidden': 'true' });
  const spoken = h('p', { id: 'hold-time', class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const balanceEl = h('p', { id: 'balance' }, 'Your balance: …');
  const chargeArea = h('div', { id: 'charge-area' });
  const payButton = h('button', { type: 'button', class: 'primary', id: 'pay' }, `Pay ${won(r.price)}`);
  const payStatus = h('p', { id: 'pay-status', role: 'status' });
  render(`Seat ${r.seatNo} is held for you`,
    h('p', {}, `${flow.roomName || ''} · seat ${r.seatNo}${r.grade ? ` (${r.grade})` : ''} · ${won(r.price)}`),
    h('p', { class: 'hint' }, 'Pay before the time runs out; after that the seat goes back on sale.'),
    countdown, spoken, balanceEl, chargeArea, payButton, payStatus);

  // The countdown: shown every second, spoken at whole minutes, then at 30 and 10 seconds.
  const expiresAt = Date.parse(r.expiresAt);
  let lastSpoken = null;
  const tick = () => {
    const left = Math.max(0, (expiresAt - Date.now()) / 1000);
    setText(countdown, `Time left to pay: ${clock(left)}`);
    const minutes = Math.ceil(left / 60);
    const say = left <= 0 ? 'Time is up.'
      : left <= 10 ? 'Less than 10 seconds left to pay.'
        : left <= 30 ? 'Less than 30 seconds left to pay.'
          : minutes === 1 ? 'Less than a minute left to pay.' : `${minutes} minutes left to pay.`;
    if (say !== lastSpoken) {
      lastSpoken = say;
      setText(spoken, say);
    }
    if (left <= 0 && !paying) expired();
  };
  const ticker = setInterval(tick, 1000);
  signal.addEventListener('abort', () => clearInterval(ticker));

  let balance = null;
  let paying = false;

  function expired() {
    clearInterval(ticker);
    store.update(flow, { reservation: null, payKey: null });
    go(seatsView);
    showAlert(`Your hold on seat ${r.seatNo} has ended, and it is back on sale. Please choose a seat again.`);
  }

  const showBalance = () => {
    setText(balanceEl, `Your balance: ${won(balance)}`);
    const short = r.price - balance;
    if (short > 0) {
      if (!chargeArea.querySelector('form')) chargeArea.replaceChildren(chargeForm(short));
    } else {
      chargeArea.replaceChildren();
    }
  };

  function chargeForm(short) {
    const input = h('input', {
      id: 'charge-amount', name: 'amount', type: 'number', inputmode: 'numeric', required: true,
      min: '1', max: String(MAX_CHARGE), step: '1', value: String(Math.min(short, MAX_CHARGE)),
    });
    const submit = h('button', { type: 'submit', id: 'charge' }, 'Add to balance');
    const form = h('form', { class: 'charge', novalidate: true },
      h('p', {}, `You need ${won(short)} more to pay for this seat.`),
      h('label', { for: 'charge-amount' }, 'Amount to add (won)'), input, submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const amount = Number(input.value);
      if (!Number.isInteger(amount) || amount < 1 || amount > MAX_CHARGE) {
        showAlert(`Enter a whole number of won from 1 to ${count(MAX_CHARGE)}.`);
        input.focus();
        return;
      }
      submit.disabled = true;
      try {
        // Not retried on its own: a charge whose answer was lost may have happened (the balance shows it).
        const answer = await call('POST', '/user/amount', { body: { amount } });
        balance = answer.data.balance;
        clearAlert();
        showNotice(`Added ${won(amount)}. Your balance is now ${won(balance)}.`, { autoHideMs: 6000 });
        showBalance();
        if (balance >= r.price) payButton.focus();
      } catch (error) {
        if (error instanceof SessionExpired) throw error;
        showAlert(error instanceof ApiError && error.transient
          ? 'Your balance cannot be changed right now. Please try again in a moment.'
          : describe(error));
        await loadBalance().catch(() => {});
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  async function loadBalance() {
    const answer = await retrying(() => call('GET', '/user/amount'), outage('Your balance', signal));
    if (!answer) return;
    balance = answer.data.balance;
    showBalance();
  }

  /** Follows a payment whose outcome is being settled (503 PAYMENT_OUTCOME_UNKNOWN, 409 PAYMENT_IN_PROGRESS). */
  async function settled(paymentId) {
    setText(payStatus, 'Confirming your payment…');
    for (;;) {
      const answer = await retrying(() => call('GET', `/concerts/payment/${paymentId}`), outage('Payments', signal));
      if (!answer) return null;
      const p = answer.data;
      if (p.status === 'COMPLETED' || p.status === 'FAILED' || p.status === 'REFUNDED') return p;
      await pause(1000, signal);
    }
  }

  async function pay() {
    if (paying) return;
    paying = true;
    payButton.disabled = true;
    setText(payStatus, 'Paying…');
    clearAlert();
    if (!flow.payKey) store.update(flow, { payKey: `web-${r.reservationId}-${Date.now().toString(36)}` });
    try {
      const attempt = async () => {
        try {
          return (await call('POST', '/concerts/payment', {
            body: { reservationId: r.reservationId },
            headers: { 'Idempotency-Key': flow.payKey },
            queueToken: flow.queueToken,
          })).data;
        } catch (error) {
          const known = error instanceof ApiError && error.detail?.payment?.paymentId;
          if (known && ['PAYMENT_OUTCOME_UNKNOWN', 'PAYMENT_IN_PROGRESS', 'ALREADY_PAID'].includes(error.code)) {
            return settled(error.detail.payment.paymentId);
          }
          throw error;
        }
      };
      // The same Idempotency-Key on every try: a retry never pays twice.
      const payment = await retrying(attempt, {
        ...outage('Payments', signal),
        onWait: (error, seconds) => showNotice(`Payments are temporarily unavailable. Your seat stays held; trying again in ${seconds} s.`),
      });
      if (!payment) return;
      if (payment.status !== 'COMPLETED') {
        throw new ApiError(409, payment.status === 'REFUNDED' ? 'PAYMENT_REFUNDED' : 'PAYMENT_FAILED');
      }
      clearInterval(ticker);
      store.update(flow, { payment: { ...payment, seatNo: r.seatNo, grade: r.grade, roomName: flow.roomName } });
      go(receiptView);
    } catch (error) {
      setText(payStatus, '');
      if (error instanceof ApiError && error.code === 'INSUFFICIENT_BALANCE') {
        showAlert(MESSAGES.INSUFFICIENT_BALANCE);
        await loadBalance();
        chargeArea.querySelector('input')?.focus();
      } else if (error instanceof ApiError && ['RESERVATION_NOT_PAYABLE', 'RESERVATION_NOT_FOUND', 'PAYMENT_REFUNDED'].includes(error.code)) {
        store.update(flow, { reservation: null, payKey: null });
        go(seatsView);
        showAlert(describe(error));
      } else if (error instanceof ApiError && error.code === 'PAYMENT_FAILED') {
        store.update(flow, { payKey: null });
        showAlert(describe(error));
      } else if (error instanceof ApiError && error.code === 'QUEUE_NOT_ADMITTED') {
        backToLine(error);
      } else {
        throw error;
      }
    } finally {
      paying = false;
      payButton.disabled = false;
      if (!signal.aborted && Date.now() >= expiresAt) expired();
    }
  }

  payButton.addEventListener('click', pay);
  tick();
  await loadBalance();
}

async function receiptView(signal) {
  const p = flow.payment;
  const seatStatus = h('p', { id: 'seat-status', class: 'big', 'aria-live': 'polite', 'aria-atomic': 'true' }, 'Confirming your seat…');
  render('Payment complete',
    h('dl', { class: 'receipt' },
      h('dt', {}, 'Concert'), h('dd', {}, p.roomName || ''),
      h('dt', {}, 'Seat'), h('dd', { id: 'receipt-seat' }, `${p.seatNo}${p.grade ? ` (${p.grade})` : ''}`),
      h('dt', {}, 'Paid'), h('dd', {}, won(p.amount)),
      h('dt', {}, 'Payment number'), h('dd', {}, String(p.paymentId)),
      ...(p.balance === null || p.balance === undefined ? [] : [h('dt', {}, 'Balance left'), h('dd', {}, won(p.balance))])),
    seatStatus,
    h('button', { type: 'button', class: 'primary', onclick: () => { store.reset(flow); go(roomsView); } }, 'Buy another ticket'));

  // The seat becomes SOLD once the saga has confirmed the reservation (Kafka): follow it.
  while (!signal.aborted) {
    const answer = await retrying(() => call('GET', `/concerts/reservations/${p.reservationId}`), outage('Reservations', signal));
    if (!answer) return;
    if (answer.data.status === 'CONFIRMED') {
      setText(seatStatus, `Seat ${p.seatNo} is SOLD to you. Enjoy the concert!`);
      seatStatus.dataset.status = 'SOLD';
      return;
    }
    await pause(1000, signal);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Start

async function resume(signal) {
  if (flow.payment) return go(receiptView);
  if (!flow.roomId) return go(roomsView);
  // Back after a reload or a new login: the same place in line (token issue is idempotent per user and room).
  const status = await issueToken(flow.roomId, signal).catch((error) => refused(error));
  if (status) go(waitingView, status);
  return undefined;
}

function start() {
  if (!auth.isLoggedIn()) {
    go(signedOutView);
    return;
  }
  flow = store.load(auth.currentUser()?.id);
  renderAccount();
  go(resume);
}

start();
