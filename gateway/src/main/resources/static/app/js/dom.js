// Small DOM and formatting helpers. Elements are built with h(), never from HTML strings: names from the API
// (concert titles, messages) are always text.

/** h('button', {class: 'primary', onclick}, 'Pay') — attributes, properties (on*: listeners) and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Sets an element's text only when it changes, so that a live region announces news, not every poll. */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
export const won = (amount) => `${money.format(amount)} won`;
export const count = (n) => money.format(n);

export function when(instant) {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

/** 125 → "2:05", 3725 → "1:02:05". */
export function clock(totalSeconds) {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** A duration in words, rounded the way a person says it: "less than a minute", "about 3 minutes", "about 2 hours". */
export function roughly(totalSeconds) {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return 'less than a minute';
  const minutes = Math.round(s / 60);
  if (minutes < 60) return minutes === 1 ? 'about a minute' : `about ${minutes} minutes`;
  const hours = Math.round(s / 3600);
  return hours === 1 ? 'about an hour' : `about ${hours} hours`;
}
