import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { page, click } from './dom.mjs';
import { installPanel } from '../../main/js/ui/panel-dom.js';

const TEXTS = { minimize: 'Minimize', minimizeHint: 'Minimize chat', endChat: 'End chat', continueHere: 'Continue here',
  dismiss: 'Dismiss', conversation: 'Conversation', hint: 'Ask us anything', earlier: 'Show earlier messages',
  typing: 'typing…', confirmQuestion: 'End this chat?', confirmEnd: 'End', confirmKeep: 'Keep chatting',
  startNew: 'Start new', removeFile: 'Remove file', attach: 'Attach a file', message: 'Message',
  placeholder: 'Type a message', sendLabel: 'Send message', send: 'Send' };

const CLOSED = { open: false, label: 'Chat', unread: 0, title: 'Support', minimize: true, end: false, status: '',
  resume: false, notice: null, hint: true, earlier: false, typing: false, confirm: false, ended: null,
  composer: false, attach: false };
const OPEN = { ...CLOSED, open: true, end: true, hint: false, composer: true, attach: true };

function row(id, text, who = 'Ann') {
  return JSON.stringify({ c: 'gcw-row gcw-agent', m: id, w: who, t: text, f: false, d: '' });
}

let root;
let heard;
let drawnRich;
let panel;

beforeEach(() => {
  page();
  const host = document.body.appendChild(document.createElement('div'));
  root = host.attachShadow({ mode: 'open' });
  heard = [];
  drawnRich = [];
  panel = installPanel(root, { ...TEXTS }, (...args) => heard.push(args),
    (element, json) => drawnRich.push([element, json]));
});

function draw(view, rows = []) {
  panel.draw(JSON.stringify(view), rows);
}

test('a closed panel shows only the launcher, with its label and unread badge', () => {
  draw({ ...CLOSED, label: 'Chat, 2 unread', unread: 2 });
  const launcher = root.querySelector('.gcw-launcher');
  assert.equal(launcher.getAttribute('aria-label'), 'Chat, 2 unread');
  assert.equal(root.querySelector('.gcw-badge').textContent, '2');
  assert.equal(root.querySelector('.gcw-panel'), null, 'hidden parts leave the DOM');
  draw(CLOSED);
  assert.equal(root.querySelector('.gcw-badge'), null);
});

test('an open panel replaces the launcher and fills its static texts from the catalogue', () => {
  draw(OPEN);
  assert.equal(root.querySelector('.gcw-launcher'), null);
  const dialog = root.querySelector('.gcw-panel');
  assert.equal(dialog.getAttribute('role'), 'dialog');
  assert.equal(dialog.getAttribute('aria-label'), 'Support');
  assert.equal(root.querySelector('.gcw-end').textContent, 'End chat');
  assert.equal(root.querySelector('.gcw-input').getAttribute('placeholder'), 'Type a message');
  assert.equal(root.querySelector('.gcw-minimize').getAttribute('title'), 'Minimize chat');
  assert.equal(root.querySelector('.gcw-confirm'), null);
  assert.equal(root.querySelector('.gcw-typing'), null);
});

test('a part that comes back returns to its own place', () => {
  draw({ ...OPEN, confirm: true, status: 'Connecting…' });
  const children = [...root.querySelector('.gcw-panel').children].map((e) => e.className);
  assert.deepEqual(children, ['gcw-header', 'gcw-status', 'gcw-log', 'gcw-confirm', 'gcw-composer']);
  assert.equal(root.querySelector('.gcw-status').textContent, 'Connecting…');
  draw(OPEN);
  assert.equal(root.querySelector('.gcw-status'), null);
  draw({ ...OPEN, status: 'Reconnecting…', resume: true });
  assert.equal(root.querySelector('.gcw-panel').children[1].className, 'gcw-status');
  assert.equal(root.querySelector('.gcw-reconnect').textContent, 'Continue here');
});

test('texts filled again after a language change, hidden parts too', () => {
  const texts = { ...TEXTS };
  panel.remove();
  panel = installPanel(root, texts, () => {}, () => {});
  draw(OPEN);
  texts.endChat = 'Chat beenden';
  texts.confirmQuestion = 'Chat beenden?';
  panel.fill();
  assert.equal(root.querySelector('.gcw-end').textContent, 'Chat beenden');
  draw({ ...OPEN, confirm: true });
  assert.equal(root.querySelector('#gcw-confirm-q').textContent, 'Chat beenden?');
});

test('an unchanged row keeps its element, a changed one is built again, a gone one leaves', () => {
  draw(OPEN, [row('1', 'Hello'), row('2', 'How can I help?')]);
  const [first, second] = root.querySelectorAll('.gcw-row');
  draw(OPEN, [row('1', 'Hello'), row('2', 'How can I help you?'), row('3', 'Anything else?')]);
  const after = root.querySelectorAll('.gcw-row');
  assert.equal(after.length, 3);
  assert.equal(after[0], first);
  assert.notEqual(after[1], second);
  assert.equal(after[1].querySelector('.gcw-text').textContent, 'How can I help you?');
  draw(OPEN, [row('3', 'Anything else?')]);
  assert.deepEqual([...root.querySelectorAll('.gcw-row')], [after[2]]);
});

test('rows stay between the earlier button and the typing line, in the order given', () => {
  draw({ ...OPEN, earlier: true, typing: true }, [row('1', 'a'), row('2', 'b')]);
  draw({ ...OPEN, earlier: true, typing: true }, [row('2', 'b'), row('1', 'a')]);
  const log = [...root.querySelector('.gcw-log').children];
  assert.deepEqual(log.map((e) => e.className || e.tagName),
    ['gcw-link gcw-earlier', 'gcw-row gcw-agent', 'gcw-row gcw-agent', 'gcw-typing']);
  assert.deepEqual(log.slice(1, 3).map((e) => e.querySelector('.gcw-text').textContent), ['b', 'a']);
});

test('wire text stays text and links open in a new tab without an opener', () => {
  const json = JSON.stringify({ c: 'gcw-row gcw-agent', m: '1',
    t: '<img src=x onerror=alert(1)> [our terms](https://shop.example/terms)', f: true, d: 'Sent' });
  draw(OPEN, [json]);
  const text = root.querySelector('.gcw-text');
  assert.equal(text.querySelector('img'), null);
  assert.equal(text.querySelector('span').textContent, '<img src=x onerror=alert(1)> ');
  const a = text.querySelector('a');
  assert.equal(a.getAttribute('href'), 'https://shop.example/terms');
  assert.equal(a.target, '_blank');
  assert.equal(a.rel, 'noopener noreferrer');
  assert.equal(root.querySelector('.gcw-who'), null, 'no author, no name');
  assert.equal(root.querySelector('.gcw-delivery').textContent, 'Sent');
});

test('agent text is drawn formatted, line by line, and the customer\'s as typed', () => {
  draw(OPEN, [JSON.stringify({ c: 'gcw-row gcw-agent', m: '1', t: 'Steps:\n- **keep** the _receipt_', f: true, d: '' }),
    JSON.stringify({ c: 'gcw-row gcw-customer', m: '2', t: '- **mine**', f: false, d: '' })]);
  const [agent, mine] = root.querySelectorAll('.gcw-text');
  assert.deepEqual([...agent.children].map((p) => p.className), ['gcw-line', 'gcw-line gcw-bullet']);
  assert.deepEqual([...agent.children[1].children].map((s) => [s.className, s.textContent]),
    [['gcw-b', 'keep'], ['', ' the '], ['gcw-i', 'receipt']]);
  assert.deepEqual([...mine.querySelectorAll('p, span')].map((e) => [e.className, e.textContent]),
    [['gcw-line', '- **mine**'], ['', '- **mine**']]);
});

test('a row with files or cards gets one rich element drawn by the rich builder', () => {
  const rich = JSON.stringify({ m: '1', f: [{ n: 'a.pdf', u: 'https://files.example/a.pdf' }] });
  draw(OPEN, [JSON.stringify({ c: 'gcw-row gcw-agent', m: '1', t: '', f: true, r: rich, d: '' })]);
  assert.equal(drawnRich.length, 1);
  assert.equal(drawnRich[0][0].className, 'gcw-rich');
  assert.equal(drawnRich[0][1], rich);
  draw(OPEN, [JSON.stringify({ c: 'gcw-row gcw-agent', m: '1', t: '', f: true, r: rich, d: '' })]);
  assert.equal(drawnRich.length, 1, 'an unchanged row is not drawn again');
});

test('quick replies follow the newest row and report label, payload and message id', () => {
  const quick = { message: '2', buttons: [{ text: 'Yes', payload: 'y' }, { text: 'No', payload: 'n' }] };
  draw({ ...OPEN, quick }, [row('1', 'Hi'), row('2', 'Go on?')]);
  const rows = root.querySelectorAll('.gcw-row');
  const choices = rows[1].querySelector('.gcw-choices');
  assert.deepEqual([...choices.children].map((b) => b.textContent), ['Yes', 'No']);
  click(choices.children[1]);
  assert.deepEqual(heard, [['reply', null, 'No', 'n', '2']]);

  draw({ ...OPEN, quick }, [row('1', 'Hi'), row('2', 'Go on?'), row('3', 'Ok', null)]);
  assert.equal(root.querySelectorAll('.gcw-row')[1].querySelector('.gcw-choices'), null);
  assert.ok(root.querySelectorAll('.gcw-row')[2].querySelector('.gcw-choices'), 'they move with the newest row');
  draw(OPEN, [row('1', 'Hi')]);
  assert.equal(root.querySelector('.gcw-choices'), null, 'no quick replies, none shown');
});

test('buttons report their names; clicks outside the panel are not heard', () => {
  draw({ ...OPEN, confirm: true, notice: 'Could not send' });
  click(root.querySelector('.gcw-end'));
  click(root.querySelector('.gcw-confirm-end'));
  click(root.querySelector('.gcw-notice .gcw-link'));
  click(root.querySelector('.gcw-minimize span'));
  root.appendChild(document.createElement('button')).setAttribute('data-w', 'foreign');
  click(root.lastChild);
  assert.deepEqual(heard.map((h) => h[0]), ['askEnd', 'confirm', 'dismiss', 'minimize']);
  assert.equal(root.querySelector('.gcw-notice-text').textContent, 'Could not send');
});

test('the upload bar shows name and progress while the composer shows', () => {
  draw({ ...OPEN, upload: { name: 'photo.png', percent: 40, label: 'Uploading photo.png' } });
  assert.equal(root.querySelector('.gcw-upload-name').textContent, 'photo.png');
  const bar = root.querySelector('progress');
  assert.equal(bar.value, 40);
  assert.equal(bar.getAttribute('aria-label'), 'Uploading photo.png');
  draw({ ...OPEN, composer: false, ended: 'Chat ended', upload: { name: 'photo.png', percent: 40, label: '' } });
  assert.equal(root.querySelector('.gcw-upload'), null);
  assert.equal(root.querySelector('.gcw-ended p').textContent, 'Chat ended');
});

test('remove() takes the panel and its listener away', () => {
  draw(OPEN);
  const end = root.querySelector('.gcw-end');
  panel.remove();
  assert.equal(root.querySelector('.gcw'), null);
  root.appendChild(end);
  click(end);
  assert.deepEqual(heard, []);
});
