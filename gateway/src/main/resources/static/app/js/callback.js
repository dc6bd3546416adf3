// The login's way back (redirect URI /app/callback.html): trades the code for tokens, then returns to the app,
// which picks up where the person was (the flow is kept in sessionStorage).
import { completeLogin } from './auth.js';
import { h } from './dom.js';

const view = document.getElementById('view');
const params = new URLSearchParams(location.search);
// The code must not stay in the address bar or the history.
history.replaceState(null, '', location.pathname);

completeLogin(params)
  .then(() => location.replace('/app/'))
  .catch((error) => {
    const heading = h('h2', { tabindex: '-1' }, 'The login did not complete');
    view.replaceChildren(heading,
      h('p', { role: 'alert' }, error.message),
      h('p', {}, h('a', { href: '/app/' }, 'Back to the tickets page')));
    heading.focus();
  });
