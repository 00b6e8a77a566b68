import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { page, click } from './dom.mjs';
import { whenBodyReady, drawLauncher, launcherState, onceReady, replayCalls, rejectWaiting, tellFailure,
  holdsConversation, signsIn } from '../../main/js/loader/first-stage.js';

beforeEach(() => page());

function languages(list) {
  Object.defineProperty(navigator, 'languages', { value: list, configurable: true });
}

test('the launcher speaks the page language, else the visitor\'s first built-in one, else English', () => {
  languages(['pt-BR', 'fr-CA', 'de']);
  const button = (options) => drawLauncher(options, '', () => {}).shadowRoot.querySelector('button');
  assert.equal(button({}).getAttribute('aria-label'), 'Ouvrir le chat');
  assert.equal(button({ language: 'nl-BE' }).getAttribute('aria-label'), 'Chat openen');
  assert.equal(button({ language: 'xx' }).getAttribute('aria-label'), 'Open chat');
  assert.equal(button({ strings: { launcher: 'Talk to us' } }).getAttribute('aria-label'), 'Talk to us');
  assert.equal(button({ strings: { launcher: 7 } }).getAttribute('aria-label'), 'Ouvrir le chat');
});

test('the launcher\'s host: first stage, theme, right-to-left for Arabic', () => {
  const host = drawLauncher({ language: 'ar', theme: 'dark' }, '.gcw-launcher{}', () => {});
  assert.equal(host.parentNode, document.body);
  assert.equal(host.getAttribute('data-stage'), 'first');
  assert.equal(host.getAttribute('data-theme'), 'dark');
  assert.equal(host.getAttribute('dir'), 'rtl');
  assert.equal(host.getAttribute('lang'), 'ar');
  assert.equal(drawLauncher({ theme: 'neon' }, '', () => {}).getAttribute('data-theme'), 'auto');
});

test('intent and click are signalled', () => {
  const signals = [];
  const button = drawLauncher({}, '', (n) => signals.push(n)).shadowRoot.querySelector('button');
  button.dispatchEvent(new window.Event('focus'));
  click(button);
  assert.deepEqual(signals, [1, 2]);
});

test('loading and failure show on the launcher', () => {
  const host = drawLauncher({}, '', () => {});
  const button = host.shadowRoot.querySelector('button');
  launcherState(host, true, false);
  assert.equal(button.getAttribute('aria-busy'), 'true');
  assert.ok(!button.hasAttribute('data-failed'));
  launcherState(host, false, true);
  assert.ok(!button.hasAttribute('aria-busy'));
  assert.ok(button.hasAttribute('data-failed'));
  assert.equal(button.getAttribute('aria-label'), 'Chat could not load. Select to try again.');
  assert.equal(button.title, button.getAttribute('aria-label'));
  launcherState(host, false, false);
  assert.equal(button.getAttribute('aria-label'), 'Open chat');
  assert.equal(button.title, '');
});

test('the body is waited for', () => {
  const signals = [];
  whenBodyReady((n) => signals.push(n));
  assert.deepEqual(signals, [0]);
});

function widget() {
  const listeners = {};
  return {
    calls: [],
    listeners,
    on(name, fn) {
      (listeners[name] = listeners[name] || []).push(fn);
      this.calls.push(['on', name]);
    },
    open() {
      this.calls.push(['open']);
    },
    end() {
      this.calls.push(['end']);
      return Promise.resolve('ended');
    },
    send() {
      throw new Error('not connected');
    },
  };
}

test('kept calls replay in order and a waiting caller gets its promise\'s outcome', async () => {
  const w = widget();
  const outcomes = [];
  const queue = [['on', ['message', () => {}]], ['open', []], ['end', 0, (v) => outcomes.push('ok:' + v)],
    ['send', ['hi'], () => outcomes.push('sent'), (e) => outcomes.push('failed:' + e.message)]];
  replayCalls(queue, w);
  assert.deepEqual(w.calls, [['on', 'message'], ['open'], ['end']]);
  assert.equal(queue.length, 0, 'the queue is emptied');
  await Promise.resolve();
  assert.deepEqual(outcomes.sort(), ['failed:not connected', 'ok:ended']);
});

test('ready is signalled once, by ready or by a chat that cannot start', () => {
  const w = widget();
  const signals = [];
  onceReady(w, (n) => signals.push(n));
  w.listeners.state[0]({ state: 'connecting' });
  assert.deepEqual(signals, []);
  w.listeners.state[0]({ state: 'failed' });
  w.listeners.ready[0]();
  assert.deepEqual(signals, [5]);
});

test('a load failure rejects every waiting caller and tells every kept error listener', () => {
  const outcomes = [];
  const errors = [];
  const queue = [['open', []], ['end', 0, () => outcomes.push('ok'), (e) => outcomes.push(e.message)],
    ['on', ['error', (e) => errors.push(e.reason)]], ['on', ['error', () => {
      throw new Error('a page bug');
    }]], ['on', ['error', (e) => errors.push(e.code)]], ['on', ['message', () => errors.push('message')]]];
  const quiet = console.error;
  console.error = () => {};
  try {
    tellFailure(queue);
  } finally {
    console.error = quiet;
  }
  assert.deepEqual(errors, ['load-failed', 0], 'a listener that throws does not stop the next');
  rejectWaiting(queue);
  assert.deepEqual(outcomes, ['guest-chat: the chat could not be loaded']);
  assert.equal(queue.length, 5, 'calls without a waiting caller stay');
});

test('a stored conversation is one that is active, has an end to send or an open panel', () => {
  assert.equal(holdsConversation({ deploymentId: 'd1' }), false);
  localStorage.setItem('gcw.d2.active', '1');
  assert.equal(holdsConversation({ deploymentId: 'd1' }), false);
  for (const k of ['active', 'pendingEnd', 'open']) {
    localStorage.clear();
    localStorage.setItem('gcw.d1.' + k, '1');
    assert.equal(holdsConversation({ deploymentId: 'd1' }), true, k);
  }
  localStorage.setItem('gcw.d1.open', '0');
  assert.equal(holdsConversation({ deploymentId: 'd1' }), false);
});

test('the chat is a signed-in customer\'s with auth, or with this deployment\'s tokens in storage', () => {
  localStorage.clear();
  assert.equal(signsIn({ deploymentId: 'd1' }), false);
  assert.equal(signsIn({ deploymentId: 'd1', auth: () => null }), true);
  assert.equal(signsIn({ deploymentId: 'd1', auth: { code: 'c' } }), true);
  localStorage.setItem('gcw.d2.auth.jwt', 'j');
  assert.equal(signsIn({ deploymentId: 'd1' }), false, 'another deployment\'s');
  for (const k of ['jwt', 'refresh', 'signOut']) {
    localStorage.clear();
    localStorage.setItem('gcw.d1.auth.' + k, 'x');
    assert.equal(signsIn({ deploymentId: ' d1 ' }), true, k);
  }
  localStorage.clear();
  localStorage.setItem('gcw.d1.auth.exp', '1');
  assert.equal(signsIn({ deploymentId: 'd1' }), false, 'an expiry alone is no token');
});

test('storage that cannot be read holds nothing', () => {
  Object.defineProperty(globalThis, 'localStorage', { get() {
    throw new Error('SecurityError');
  }, configurable: true });
  assert.equal(holdsConversation({ deploymentId: 'd1' }), false);
});
