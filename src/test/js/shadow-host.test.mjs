import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { page, key } from './dom.mjs';
import { createHost, attachShadow, listenKeys, takeComposerText, focusIn, pickFile }
  from '../../main/js/ui/shadow-host.js';

beforeEach(() => page('<div id="inline"></div>'));

test('the host goes to the body, or into the container in inline mode, with theme, language and direction', () => {
  const floating = createHost(null, 'dark', 'ar', 'rtl');
  assert.equal(floating.parentNode, document.body);
  assert.deepEqual(['data-theme', 'lang', 'dir'].map((a) => floating.getAttribute(a)), ['dark', 'ar', 'rtl']);
  assert.ok(!floating.hasAttribute('data-inline'));
  const inline = createHost(document.getElementById('inline'), 'auto', 'en', 'ltr');
  assert.equal(inline.parentNode.id, 'inline');
  assert.ok(inline.hasAttribute('data-inline'));
});

test('the shadow root is open and styled, with a <style> where the engine has no constructed sheets', () => {
  const root = attachShadow(createHost(null, 'auto', 'en', 'ltr'), '.gcw{color:red}');
  assert.equal(root.mode, 'open');
  const styled = root.adoptedStyleSheets && root.adoptedStyleSheets.length
    ? root.adoptedStyleSheets[0].cssRules[0].cssText : root.querySelector('style').textContent;
  assert.match(styled, /\.gcw ?\{ ?color: ?red;? ?\}/);
});

function panel() {
  const root = attachShadow(createHost(null, 'auto', 'en', 'ltr'), '');
  root.innerHTML = '<div class="gcw-log"></div><textarea class="gcw-input"></textarea>'
    + '<input class="gcw-file-input" type="file"><button class="gcw-send">Send</button>';
  return root;
}

test('Enter in the message box sends; Shift+Enter, a composing input method and other fields do not', () => {
  const root = panel();
  const calls = [];
  listenKeys(root, () => calls.push('enter'), () => calls.push('escape'), () => calls.push('typed'));
  const box = root.querySelector('.gcw-input');
  assert.ok(key(box, { key: 'Enter' }).defaultPrevented);
  assert.ok(!key(box, { key: 'Enter', shiftKey: true }).defaultPrevented);
  key(box, { key: 'Enter', isComposing: true });
  key(root.querySelector('.gcw-send'), { key: 'Enter' });
  key(box, { key: 'Escape' });
  box.dispatchEvent(new window.Event('input', { bubbles: true }));
  root.querySelector('.gcw-send').dispatchEvent(new window.Event('input', { bubbles: true }));
  assert.deepEqual(calls, ['enter', 'escape', 'typed']);
});

test('Tab stays inside the End chat confirmation while it shows', () => {
  const root = panel();
  listenKeys(root, () => {}, () => {}, () => {});
  const dialog = root.appendChild(document.createElement('div'));
  dialog.className = 'gcw-confirm';
  const end = dialog.appendChild(document.createElement('button'));
  const keep = dialog.appendChild(document.createElement('button'));
  keep.focus();
  assert.ok(key(keep, { key: 'Tab' }).defaultPrevented);
  assert.equal(root.activeElement, end, 'from the last to the first');
  assert.ok(key(end, { key: 'Tab', shiftKey: true }).defaultPrevented);
  assert.equal(root.activeElement, keep, 'from the first back to the last');
  end.focus();
  assert.ok(!key(end, { key: 'Tab' }).defaultPrevented, 'between its buttons the browser moves focus');
  root.querySelector('.gcw-input').focus();
  key(root.querySelector('.gcw-input'), { key: 'Tab' });
  assert.equal(root.activeElement, end, 'focus outside the dialog comes back in');
  dialog.remove();
  assert.ok(!key(root.querySelector('.gcw-input'), { key: 'Tab' }).defaultPrevented, 'no dialog, no trap');
});

test('listening stops', () => {
  const root = panel();
  const calls = [];
  const stop = listenKeys(root, () => calls.push('enter'), () => {}, () => {});
  stop();
  key(root.querySelector('.gcw-input'), { key: 'Enter' });
  assert.deepEqual(calls, []);
});

test('the composer text is taken once; focus and picker find their elements or do nothing', async () => {
  const root = panel();
  root.querySelector('.gcw-input').value = 'hello';
  assert.equal(takeComposerText(root), 'hello');
  assert.equal(takeComposerText(root), '');
  assert.equal(takeComposerText(attachShadow(createHost(null, 'auto', 'en', 'ltr'), '')), '');
  focusIn(root, '.gcw-send', false);
  assert.equal(root.activeElement, root.querySelector('.gcw-send'));
  focusIn(root, '.gcw-input', true);
  assert.equal(root.activeElement, root.querySelector('.gcw-send'), 'later means after this task');
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(root.activeElement, root.querySelector('.gcw-input'));
  focusIn(root, '.gcw-missing', false);
  let picked = 0;
  root.querySelector('.gcw-file-input').addEventListener('click', (e) => {
    picked++;
    e.preventDefault();
  });
  pickFile(root);
  assert.equal(picked, 1);
});
