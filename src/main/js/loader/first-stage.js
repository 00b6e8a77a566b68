// The first stage's browser side: the launcher it draws before the full widget is fetched, and the calls it keeps
// for the full widget until that adopts them. Every function here keeps a failure on the console, never in the page.

import { attachShadow } from '../ui/shadow-host.js';

/** The launcher's label in the built-in languages (the catalogues' `launcher`). */
const OPEN_CHAT = { en: 'Open chat', de: 'Chat öffnen', fr: 'Ouvrir le chat', es: 'Abrir chat', nl: 'Chat openen',
  ar: 'فتح الدردشة' };

/** Calls `signal(0)` once the page has a body. */
export function whenBodyReady(signal) {
  if (document.body) signal(0, null);
  else document.addEventListener('DOMContentLoaded', () => signal(0, null));
}

/**
 * The launcher as the full widget draws it: its host element and shadow root, theme, right-to-left side and label
 * in the first built-in language the page (`options.language`) or the visitor prefers; a host's own
 * `options.strings.launcher` wins. `signal(1)` on pointer or focus (intent), `signal(2)` on a click. The host keeps
 * its two labels (ready, failed) as `gcwLabels`. Returns the host.
 */
export function drawLauncher(options, css, signal) {
  const nav = navigator;
  const preferred = options.language ? [options.language]
    : nav.languages && nav.languages.length ? nav.languages : [nav.language];
  const lang = preferred.map((l) => String(l || '').toLowerCase().split('-')[0]).find((l) => OPEN_CHAT[l]) || 'en';
  const theme = options.theme;
  const strings = options.strings;
  const host = document.createElement('div');
  host.gcwLabels = [strings && typeof strings.launcher === 'string' ? strings.launcher : OPEN_CHAT[lang],
    'Chat could not load. Select to try again.'];
  host.setAttribute('data-guest-chat', '');
  host.setAttribute('data-stage', 'first');
  host.setAttribute('data-theme', theme === 'light' || theme === 'dark' ? theme : 'auto');
  host.setAttribute('lang', lang);
  host.setAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  const root = attachShadow(host, css);
  // a fixed literal, never wire text: the shortest way to the launcher's button in the first stage's 6 KiB
  // eslint-disable-next-line no-restricted-properties
  root.innerHTML += '<button type="button" class="gcw-launcher"><span class="gcw-launcher-icon" aria-hidden="true">'
    + '</span></button>';
  const button = root.lastChild;
  button.setAttribute('aria-label', host.gcwLabels[0]);
  button.onpointerenter = button.onfocus = () => signal(1, null);
  button.onclick = () => signal(2, null);
  document.body.appendChild(host);
  return host;
}

/** The launcher says it is loading (`busy`) or that loading failed. */
export function launcherState(host, busy, failed) {
  const button = host.shadowRoot.lastChild;
  const label = host.gcwLabels[failed ? 1 : 0];
  button.setAttribute('aria-label', label);
  button.title = failed ? label : '';
  button.toggleAttribute('aria-busy', busy);
  if (busy) button.setAttribute('aria-busy', 'true');
  button.toggleAttribute('data-failed', failed);
}

/** `signal(5)` once the full widget's own launcher is on the page: it is ready, or it drew a chat that cannot start. */
export function onceReady(widget, signal) {
  let told = false;
  function ready() {
    if (!told) {
      told = true;
      signal(5, null);
    }
  }
  widget.on('ready', ready);
  widget.on('state', (e) => {
    if (e.state === 'failed') ready();
  });
}

/**
 * The kept calls, oldest first: [name, args] for a call, [name, 0, resolve, reject] for one whose promise a caller
 * waits for. Replays them all on the full widget, in order; a promise's outcome goes to its waiting caller.
 */
export function replayCalls(queue, widget) {
  queue.splice(0).forEach((call) => {
    try {
      const result = widget[call[0]].apply(widget, call[1] || []);
      if (call[2]) Promise.resolve(result).then(call[2], call[3]);
    } catch (e) {
      if (call[3]) call[3](e);
      else console.error('guest-chat: ' + call[0] + ' failed', e);
    }
  });
}

/** The full widget could not be loaded: every waiting caller's promise is rejected. */
export function rejectWaiting(queue) {
  for (let i = queue.length; i--;) {
    if (queue[i][3]) queue.splice(i, 1)[0][3](new Error('guest-chat: the chat could not be loaded'));
  }
}

/** The full widget could not be loaded: every kept `on('error', fn)` hears it. */
export function tellFailure(queue) {
  queue.forEach((call) => {
    if (call[0] !== 'on' || call[1][0] !== 'error') return;
    try {
      call[1][1]({ code: 0, reason: 'load-failed', message: 'Chat could not load.',
        detail: 'the full widget could not be fetched, or its integrity did not match', ids: [] });
    } catch (e) {
      console.error('guest-chat:', e);
    }
  });
}

/**
 * Whether the chat is a signed-in customer's: the options carry `auth`, or this browser holds the tokens of one for
 * the deployment (`CustomerAuth`'s keys, a sign-out still to send among them).
 */
export function signsIn(options) {
  if (options && options.auth) return true;
  try {
    const prefix = 'gcw.' + String(options.deploymentId).trim() + '.auth.';
    return ['jwt', 'refresh', 'signOut'].some((k) => localStorage.getItem(prefix + k) != null);
  } catch {
    return false;
  }
}

/**
 * The full widget's stored session (SessionStore): an active conversation, an end still to send, or the panel left
 * open on the previous page. Storage that cannot be read holds nothing.
 */
export function holdsConversation(options) {
  try {
    const prefix = 'gcw.' + options.deploymentId + '.';
    return ['active', 'pendingEnd', 'open'].some((k) => localStorage.getItem(prefix + k) === '1');
  } catch {
    return false;
  }
}
