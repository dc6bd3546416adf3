// Where the person is in the flow (room, waiting-room token, held reservation, payment), in sessionStorage: it
// survives a reload and the round trip to the login page, so an ended login costs no place in line. It belongs to
// one user: another user logging in on the same tab starts afresh.
const KEY = 'ticketing.flow';

export function load(userId) {
  try {
    const flow = JSON.parse(sessionStorage.getItem(KEY)) || {};
    return flow.userId === userId ? flow : { userId };
  } catch {
    return { userId };
  }
}

export function save(flow) {
  sessionStorage.setItem(KEY, JSON.stringify(flow));
  return flow;
}

export function update(flow, changes) {
  return save(Object.assign(flow, changes));
}

/** Forgets the sale (after a purchase, or when leaving the line); keeps whose flow it is. */
export function reset(flow) {
  for (const key of Object.keys(flow)) if (key !== 'userId') delete flow[key];
  return save(flow);
}
