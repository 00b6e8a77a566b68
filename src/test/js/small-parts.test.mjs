import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { page } from './dom.mjs';
import { optionText, optionObject, optionKeys, optionElement, scriptOptions, preferredLanguages, socketAddress,
  httpAddress } from '../../main/js/api/options.js';
import { parseObject, stringField, numberField, booleanField, objectField, objectList, stringList }
  from '../../main/js/browser/json-view.js';
import { storedKeys, storeReadable, storeGet, storeSet, storeRemove } from '../../main/js/browser/store.js';
import { randomUuid } from '../../main/js/browser/ids.js';
import { listenerList, addListener, removeListener, emitEvent, clearListeners } from '../../main/js/api/listeners.js';
import { javaTrim, javaIndexOf, javaLastIndexOf } from '../../main/js/lang/text.js';

beforeEach(() => page('<div id="chat"></div>'));

test('options read as text never throw', () => {
  assert.equal(optionText(null, 'region'), null);
  assert.equal(optionText({}, 'region'), null);
  assert.equal(optionText({ region: null }, 'region'), null);
  assert.equal(optionText({ region: 'mypurecloud.de' }, 'region'), 'mypurecloud.de');
  assert.equal(optionText({ n: 5 }, 'n'), '5');
  assert.equal(optionText({ f: false }, 'f'), 'false');
});

test('object options and the names that hold a value', () => {
  const strings = { launcher: 'Talk' };
  assert.equal(optionObject({ strings }, 'strings'), strings);
  assert.equal(optionObject({ strings: 'x' }, 'strings'), null);
  assert.equal(optionObject(null, 'strings'), null);
  assert.deepEqual(optionKeys({ a: 1, b: null, c: undefined, d: '', e: false }), ['a', 'd', 'e']);
});

test('the script tag\'s data options count only when they say where to connect', () => {
  const tag = (data) => {
    const s = document.createElement('script');
    Object.assign(s.dataset, data);
    Object.defineProperty(document, 'currentScript', { value: s, configurable: true });
  };
  assert.equal(scriptOptions(), null, 'no script running');
  tag({ theme: 'dark' });
  assert.equal(scriptOptions(), null);
  tag({ deploymentId: 'd1', theme: 'dark' });
  assert.deepEqual({ ...scriptOptions() }, { deploymentId: 'd1', theme: 'dark' });
  tag({ websocketUrl: '/v1' });
  assert.equal(scriptOptions().websocketUrl, '/v1');
});

test('page-relative addresses resolve on this page, with TLS when the page has it', () => {
  assert.equal(socketAddress('/v1'), 'wss://shop.example/v1');
  assert.equal(socketAddress('ws://sim.test:8080/v1'), 'ws://sim.test:8080/v1');
  assert.equal(httpAddress(''), 'https://shop.example');
  assert.equal(httpAddress('/api'), 'https://shop.example/api');
  assert.equal(httpAddress('https://api.example'), 'https://api.example');
  page('', 'http://localhost:7070/shop.html');
  assert.equal(socketAddress('/v1'), 'ws://localhost:7070/v1');
});

test('JSON read by type: a field of another type reads as absent', () => {
  assert.equal(parseObject('{"a'), null);
  assert.equal(parseObject('[1]'), null);
  assert.equal(parseObject('null'), null);
  assert.equal(parseObject('"text"'), null);
  const o = parseObject('{"s":"x","n":2,"t":true,"f":false,"o":{"k":1},"l":[{"a":1},null,3,[],{"b":2}],'
    + '"w":["a",1,"b",null]}');
  assert.equal(stringField(o, 's'), 'x');
  assert.equal(stringField(o, 'n'), null);
  assert.equal(numberField(o, 'n', 7), 2);
  assert.equal(numberField(o, 's', 7), 7, 'a string is no number');
  assert.ok(Number.isNaN(numberField(o, 'x', NaN)));
  assert.deepEqual([booleanField(o, 't', false), booleanField(o, 'f', true), booleanField(o, 's', true),
    booleanField(o, 'x', false)], [true, false, true, false]);
  assert.deepEqual(objectField(o, 'o'), { k: 1 });
  assert.equal(objectField(o, 'l'), null, 'an array is no object');
  assert.equal(objectField(o, 'x'), null);
  assert.deepEqual(objectList(o, 'l'), [{ a: 1 }, { b: 2 }]);
  assert.deepEqual(objectList(o, 'o'), []);
  assert.deepEqual(stringList(o, 'w'), ['a', 'b']);
  assert.deepEqual(stringList(o, 's'), []);
});

test('an element option is an element or a selector of one', () => {
  const chat = document.getElementById('chat');
  assert.equal(optionElement({ container: chat }, 'container'), chat);
  assert.equal(optionElement({ container: '#chat' }, 'container'), chat);
  assert.equal(optionElement({ container: '#missing' }, 'container'), null);
  assert.equal(optionElement({ container: {} }, 'container'), null);
  assert.equal(optionElement({ container: document.createTextNode('x') }, 'container'), null);
  assert.equal(optionElement(undefined, 'container'), null);
});

test('the visitor\'s languages, lower case, with navigator.language when the list is empty', () => {
  Object.defineProperty(navigator, 'languages', { value: ['de-AT', 'EN'], configurable: true });
  assert.deepEqual(preferredLanguages(), ['de-at', 'en']);
  Object.defineProperty(navigator, 'languages', { value: [], configurable: true });
  Object.defineProperty(navigator, 'language', { value: 'fr-FR', configurable: true });
  assert.deepEqual(preferredLanguages(), ['fr-fr']);
});

test('stored keys under a prefix, one per line; refused storage reads as null and never throws', () => {
  localStorage.setItem('gcw.d1.token', 'x');
  localStorage.setItem('gcw.d1.open', '1');
  localStorage.setItem('gcw.d2.open', '1');
  localStorage.setItem('other', '1');
  assert.deepEqual(storedKeys('gcw.d1.').split('\n').sort(), ['gcw.d1.open', 'gcw.d1.token']);
  assert.equal(storedKeys('nothing.'), '');
  assert.equal(storeReadable(), true);
  storeSet('gcw.d1.open', '2');
  assert.equal(storeGet('gcw.d1.open'), '2');
  storeRemove('gcw.d1.open');
  assert.equal(storeGet('gcw.d1.open'), null);
  Object.defineProperty(globalThis, 'localStorage', { get() {
    throw new Error('SecurityError');
  }, configurable: true });
  assert.equal(storedKeys('gcw.'), null);
  assert.equal(storeReadable(), false);
  assert.equal(storeGet('gcw.d1.token'), null);
  storeSet('gcw.d1.token', 'y'); // refused storage: nothing thrown
  storeRemove('gcw.d1.token');
});

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('random UUIDs are version 4, also where only getRandomValues exists', () => {
  const saved = globalThis.self;
  try {
    globalThis.self = { crypto: { randomUUID: () => 'from-randomUUID' } };
    assert.equal(randomUuid(), 'from-randomUUID');
    globalThis.self = { crypto: { getRandomValues: (b) => crypto.getRandomValues(b) } };
    const ids = new Set(Array.from({ length: 50 }, randomUuid));
    assert.equal(ids.size, 50);
    ids.forEach((id) => assert.match(id, UUID_V4));
    globalThis.self = { crypto: { getRandomValues: (b) => b.fill(255) } };
    assert.equal(randomUuid(), 'ffffffff-ffff-4fff-bfff-ffffffffffff');
  } finally {
    globalThis.self = saved;
  }
});

test('listeners: in order, removable, safe from one that throws or changes the list', () => {
  const list = listenerList();
  const heard = [];
  const a = (p) => heard.push('a' + p.n);
  const late = () => heard.push('late');
  addListener(list, 'message', a);
  addListener(list, 'message', () => { addListener(list, 'message', late); throw new Error('page bug'); });
  addListener(list, 'state', () => heard.push('state'));
  addListener(list, 'message', (p) => heard.push('c' + p.n));
  const errors = [];
  const error = console.error;
  console.error = (...args) => errors.push(args[0]);
  try {
    emitEvent(list, 'message', { n: 1 });
  } finally {
    console.error = error;
  }
  assert.deepEqual(heard, ['a1', 'c1'], 'a throwing listener stops no other; one added while emitting waits');
  assert.deepEqual(errors, ['guest-chat: message listener failed']);
  removeListener(list, 'message', a);
  removeListener(list, 'state', a);
  heard.length = 0;
  console.error = () => {};
  try {
    emitEvent(list, 'message', { n: 2 });
  } finally {
    console.error = error;
  }
  assert.deepEqual(heard, ['c2', 'late']);
  clearListeners(list);
  heard.length = 0;
  emitEvent(list, 'message', { n: 3 });
  emitEvent(list, 'state', {});
  assert.deepEqual(heard, []);
});

// The expected answers are the JDK's (java.lang.String on Java 17) for the same calls.
test('Java string searches answer what the JDK answers', () => {
  assert.equal(javaTrim(' \t a b \u0000'), 'a b');
  assert.equal(javaTrim('\u00a0x\u00a0'), '\u00a0x\u00a0'); // NBSP is not <= U+0020: Java keeps it
  assert.equal(javaTrim('   '), '');
  const smile = 0x1f600;
  const s = 'x\ud83d\ude00y\ud83d\ude00';
  assert.equal(javaIndexOf(s, smile, -5), 1);
  assert.equal(javaIndexOf(s, smile, 2), 4);
  assert.equal(javaIndexOf(s, smile, 10), -1);
  assert.equal(javaIndexOf(s, 0xde00, 0), 2); // a lone half is found as a char
  assert.equal(javaIndexOf(s, -1, 0), -1);
  assert.equal(javaIndexOf(s, 0x110000, 0), -1);
  assert.equal(javaLastIndexOf(s, smile, 1), 1);
  assert.equal(javaLastIndexOf(s, smile, 3), 1);
  assert.equal(javaLastIndexOf(s, smile, 10), 4);
  assert.equal(javaLastIndexOf('((a)b)c(', 40, 5), 1);
  assert.equal(javaLastIndexOf('((a)b)c(', 40, 0), 0);
  assert.equal(javaLastIndexOf('((a)b)c(', 40, -1), -1); // JavaScript alone would answer 0
  assert.equal(javaLastIndexOf('abc', 0x110000, 2), -1);
});
