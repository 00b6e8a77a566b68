import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { page, click, key } from './dom.mjs';
import { richBuilder, listenRich } from '../../main/js/ui/rich-parts.js';

const TEXTS = { prevCard: 'Previous card', nextCard: 'Next card', cardOf: '{n} of {1}' };

let root;
let draw;

beforeEach(() => {
  page();
  const host = document.body.appendChild(document.createElement('div'));
  root = host.attachShadow({ mode: 'open' });
  draw = richBuilder(root, TEXTS);
});

function drawn(rich) {
  const element = root.appendChild(document.createElement('div'));
  draw(element, JSON.stringify(rich));
  return element;
}

test('files: a picture as a thumbnail link, a document as a download, one still unknown as its name', () => {
  const e = drawn({ m: '1', f: [
    { n: 'cat.png', u: 'https://files.example/cat.png', g: true, i: 'att-1' },
    { n: 'terms.pdf', u: 'https://files.example/terms.pdf' },
    { n: 'later.doc' }] });
  const [picture, document_, pending] = e.children;
  assert.equal(picture.tagName, 'A');
  assert.equal(picture.rel, 'noopener noreferrer');
  const img = picture.querySelector('img.gcw-thumb');
  assert.equal(img.getAttribute('src'), 'https://files.example/cat.png');
  assert.equal(img.alt, 'cat.png');
  assert.equal(img.getAttribute('data-id'), 'att-1');
  assert.equal(document_.textContent, 'terms.pdf');
  assert.ok(document_.hasAttribute('download'));
  assert.equal(document_.target, '_blank');
  assert.equal(pending.tagName, 'SPAN');
  assert.equal(pending.textContent, 'later.doc');
});

test('a card: image, linked title, text, a Link button and a Postback button carrying label, payload and id', () => {
  const e = drawn({ m: 'm-7', c: [{ t: 'Red shoes', u: 'https://shop.example/red', d: '<b>now</b> 20% off',
    g: 'https://img.example/red.png',
    b: [{ t: 'View', u: 'https://shop.example/red' }, { t: 'Buy', p: 'buy-red' }] }] });
  const card = e.querySelector('.gcw-card');
  assert.equal(card.querySelector('.gcw-card-img').getAttribute('src'), 'https://img.example/red.png');
  assert.equal(card.querySelector('a.gcw-card-title').textContent, 'Red shoes');
  assert.equal(card.querySelector('.gcw-card-text').textContent, '<b>now</b> 20% off');
  assert.equal(card.querySelector('b'), null);
  const [view, buy] = card.querySelector('.gcw-choices').children;
  assert.equal(view.tagName, 'A');
  assert.equal(view.rel, 'noopener noreferrer');
  assert.equal(buy.tagName, 'BUTTON');
  assert.equal(buy.getAttribute('data-w'), 'choose');
  assert.deepEqual([buy.gcwLabel, buy.gcwPayload, buy.gcwMessage], ['Buy', 'buy-red', 'm-7']);
  assert.equal(e.querySelector('.gcw-carousel-nav'), null, 'one card is no carousel');
});

test('a title without a link is plain text', () => {
  const e = drawn({ m: '1', c: [{ t: 'Plain', b: [] }] });
  assert.equal(e.querySelector('strong.gcw-card-title').textContent, 'Plain');
});

function carousel() {
  return drawn({ m: '1', r: true, c: [{ t: 'One' }, { t: 'Two' }, { t: 'Three' }] });
}

function visible(e) {
  return [...e.querySelectorAll('.gcw-card')].filter((c) => !c.hidden).map((c) => c.textContent);
}

test('a carousel shows one card at a time and says where it is', () => {
  const e = carousel();
  const cards = e.querySelector('.gcw-cards');
  assert.deepEqual(visible(e), ['One']);
  assert.equal(e.querySelector('.gcw-position').textContent, '1 of 3');
  assert.equal(cards.getAttribute('role'), 'group');
  assert.equal(e.querySelector('.gcw-prev').getAttribute('aria-disabled'), 'true');
  click(e.querySelector('.gcw-next'));
  assert.deepEqual(visible(e), ['Two']);
  assert.equal(cards.getAttribute('aria-label'), '2 of 3');
  click(e.querySelector('.gcw-next'));
  click(e.querySelector('.gcw-next'));
  assert.deepEqual(visible(e), ['Three'], 'it stops at the last card');
  assert.equal(e.querySelector('.gcw-next').getAttribute('aria-disabled'), 'true');
  assert.equal(e.querySelector('.gcw-prev').getAttribute('aria-label'), 'Previous card');
});

test('the arrow keys move a carousel while focus is in it', () => {
  const stop = listenRich(root, () => {});
  const e = carousel();
  const inside = e.querySelector('.gcw-card');
  assert.ok(key(inside, { key: 'ArrowRight' }).defaultPrevented);
  assert.deepEqual(visible(e), ['Two']);
  key(inside, { key: 'ArrowLeft' });
  key(inside, { key: 'ArrowLeft' });
  assert.deepEqual(visible(e), ['One']);
  assert.equal(key(root.appendChild(document.createElement('p')), { key: 'ArrowRight' }).defaultPrevented, false);
  stop();
  key(inside, { key: 'ArrowRight' });
  assert.deepEqual(visible(e), ['One'], 'stopped');
});

function withData(type, property, data) {
  const e = new window.Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(e, property, { value: data });
  return e;
}

test('a pasted or dropped file is heard; a drag of files marks the host', () => {
  const heard = [];
  listenRich(root, (...args) => heard.push(args));
  const file = new window.File(['x'], 'a.txt');
  const target = root.appendChild(document.createElement('textarea'));
  assert.ok(!target.dispatchEvent(withData('paste', 'clipboardData', { files: [file] })));
  target.dispatchEvent(withData('paste', 'clipboardData', { files: [] }));
  target.dispatchEvent(withData('dragover', 'dataTransfer', { types: ['Files'] }));
  assert.ok(root.host.hasAttribute('data-drop'));
  target.dispatchEvent(withData('drop', 'dataTransfer', { files: [file] }));
  assert.ok(!root.host.hasAttribute('data-drop'));
  target.dispatchEvent(withData('dragover', 'dataTransfer', { types: ['text/plain'] }));
  assert.ok(!root.host.hasAttribute('data-drop'), 'text is not a file');
  assert.deepEqual(heard, [['file', file], ['file', file]]);
});

test('a thumbnail that fails to load reports its attachment id', () => {
  const heard = [];
  listenRich(root, (...args) => heard.push(args));
  const e = drawn({ m: '1', f: [{ n: 'cat.png', u: 'https://files.example/cat.png', g: true, i: 'att-9' }] });
  e.querySelector('img').dispatchEvent(new window.Event('error'));
  assert.deepEqual(heard, [['failed', null, 'att-9']]);
});
