import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { page, click } from './dom.mjs';
import { watchPage } from '../../main/js/browser/page-lifecycle.js';

let heard;
let stop;

beforeEach(() => {
  page('<a id="same" href="/checkout">Checkout</a><a id="hash" href="#faq">FAQ</a>'
    + '<a id="other" href="https://elsewhere.example/">Elsewhere</a><a id="tab" href="/help" target="_blank">Help</a>'
    + '<a id="file" href="/invoice.pdf" download>Invoice</a><a id="self" href="/p" target="_self"><b id="in">P</b></a>'
    + '<form id="search" action="/search"></form><form id="away" action="https://pay.example/"></form>');
  heard = [];
  const names = ['sameSite', 'leave', 'hide', 'done', 'gone', 'show', 'back'];
  stop = watchPage((n, persisted) => heard.push(n === 2 || n === 5 ? names[n] + ':' + persisted : names[n]));
});

afterEach(() => stop());

function byId(id) {
  return document.getElementById(id);
}

test('a same-origin link that opens in this tab is a same-site navigation, from inside it too', () => {
  click(byId('same'));
  click(byId('hash'));
  click(byId('in'));
  assert.deepEqual(heard, ['sameSite', 'sameSite', 'sameSite']);
});

test('other origins, new tabs, downloads, modified and secondary clicks are not', () => {
  click(byId('other'));
  click(byId('tab'));
  click(byId('file'));
  click(byId('same'), { ctrlKey: true });
  click(byId('same'), { metaKey: true });
  click(byId('same'), { shiftKey: true });
  click(byId('same'), { button: 1 });
  click(document.body);
  assert.deepEqual(heard, []);
});

test('a click the page cancelled navigates nowhere', () => {
  byId('same').addEventListener('click', (e) => e.preventDefault());
  click(byId('same'));
  assert.deepEqual(heard, []);
});

test('a form submitted to this origin is a same-site navigation, one to another origin or cancelled is not', () => {
  const submit = (form) => form.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  submit(byId('search'));
  submit(byId('away'));
  byId('search').addEventListener('submit', (e) => e.preventDefault());
  submit(byId('search'));
  assert.deepEqual(heard, ['sameSite']);
});

function fire(type, init = {}, target = window) {
  const e = new window.Event(type, { bubbles: false });
  Object.assign(e, init);
  Object.defineProperty(e, 'persisted', { value: !!init.persisted });
  target.dispatchEvent(e);
}

test('the exit events in the order engines fire them; unload is heard only after a pagehide not cached', () => {
  fire('unload');
  fire('beforeunload');
  fire('pagehide', { persisted: false });
  fire('unload');
  assert.deepEqual(heard, ['leave', 'hide:false', 'gone']);
});

test('a page kept in the back/forward cache comes back through pageshow, without an unload listener', () => {
  fire('pagehide', { persisted: true });
  fire('pageshow', { persisted: true });
  fire('pagehide', { persisted: false });
  fire('pageshow', { persisted: false });
  fire('unload');
  assert.deepEqual(heard, ['hide:true', 'show:true', 'hide:false', 'show:false']);
});

test('hidden is done, visible again or online is back', () => {
  let state = 'hidden';
  Object.defineProperty(document, 'visibilityState', { get: () => state, configurable: true });
  fire('visibilitychange', {}, document);
  state = 'visible';
  fire('visibilitychange', {}, document);
  fire('online');
  assert.deepEqual(heard, ['done', 'back', 'back']);
});

test('a Navigation API navigate to this origin is same-site; reloads, hash changes and other origins are not', () => {
  stop();
  const navigation = new window.EventTarget();
  window.navigation = navigation;
  stop = watchPage((n) => n === 0 && heard.push('sameSite'));
  const navigate = (init) => navigation.dispatchEvent(Object.assign(new window.Event('navigate'), init));
  navigate({ navigationType: 'push', destination: { url: 'https://shop.example/a', sameDocument: false } });
  navigate({ navigationType: 'reload', destination: { url: 'https://shop.example/cart', sameDocument: false } });
  navigate({ navigationType: 'push', hashChange: true, destination: { url: 'https://shop.example/#x' } });
  navigate({ navigationType: 'push', destination: { url: 'https://shop.example/b', sameDocument: true } });
  navigate({ navigationType: 'push', destination: { url: 'https://elsewhere.example/', sameDocument: false } });
  assert.deepEqual(heard, ['sameSite']);
});

test('stopping removes every listener', () => {
  stop();
  click(byId('same'));
  fire('beforeunload');
  fire('pagehide', { persisted: false });
  fire('unload');
  fire('online');
  assert.deepEqual(heard, []);
});
