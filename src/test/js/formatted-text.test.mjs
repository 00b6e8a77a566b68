import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textBlocks, linkTarget, sessionMessage, sessionMessages } from '../../main/js/api/formatted-text.js';

// Agent text formatting: what becomes bold, italic, code, struck, a bullet or a link, and what stays text.

/** Formatted text as `[style →href]text` pieces, lines joined by " / ", bullets marked "• ". */
function shape(text) {
  return textBlocks(text, true).map((b) => (b.bullet ? '• ' : '') + b.spans.map((s) => {
    const tag = s.style + (s.href ? (s.style ? ' ' : '') + '→' + s.href : '');
    return tag ? '[' + tag + ']' + s.text : s.text;
  }).join('')).join(' / ');
}

test('the markdown agents type is formatted', () => {
  assert.equal(shape('Your order is **on its way** and _should arrive_ today.'),
    'Your order is [bold]on its way and [italic]should arrive today.');
  assert.equal(shape('*one star* and __two underscores__'), '[italic]one star and [bold]two underscores');
  assert.equal(shape('Type `reset --all` then ~~wait~~'), 'Type [code]reset --all then [struck]wait');
  assert.equal(shape('`**not bold**` inside code'), '[code]**not bold** inside code');
  assert.equal(shape('**bold _and italic_**'), '[bold]bold [bold italic]and italic');
  assert.equal(shape('~single tilde~ stays'), '~single tilde~ stays');
});

test('lines and bullets are blocks', () => {
  assert.equal(shape('Steps:\n- open the box\n* **keep** the receipt\n'),
    'Steps: / • open the box / • [bold]keep the receipt / ');
  assert.equal(shape('a\r\nb'), 'a / b');
  assert.equal(shape('• dot bullet'), '• dot bullet');
  assert.equal(shape('-not a bullet'), '-not a bullet');
  assert.equal(shape('- '), '- ', 'a marker with nothing after it is text');
});

test('links go to safe targets only', () => {
  assert.equal(shape('See [tracking](https://shop.example/track?id=1).'),
    'See [→https://shop.example/track?id=1]tracking.');
  assert.equal(shape('Mail [us](mailto:help@shop.example) or [call](tel:+441234)'),
    'Mail [→mailto:help@shop.example]us or [→tel:+441234]call');
  assert.equal(shape('Go to https://shop.example/a_b, then (http://x.example/p).'),
    'Go to [→https://shop.example/a_b]https://shop.example/a_b, then ([→http://x.example/p]http://x.example/p).');
  assert.equal(shape('HTTPS://A.EXAMPLE/x'), '[→HTTPS://A.EXAMPLE/x]HTTPS://A.EXAMPLE/x');
  assert.equal(shape('**[bold link](https://a.example)**'), '[bold →https://a.example]bold link');
  assert.equal(shape('[spaced]( https://a.example )'), '[→https://a.example]spaced', 'trimmed like the JDK');
  for (const hostile of ['[x](javascript:alert(1))', '[x](data:text/html,<script>alert(1)</script>)',
    '[x](JaVaScRiPt:alert(1))', '[x](/relative)', 'javascript:alert(1)', 'xhttps://a.example', 'https:// gap']) {
    assert.equal(shape(hostile), hostile, hostile);
  }
  assert.equal(linkTarget('https://a.example/"onmouseover=x'), null);
  assert.equal(linkTarget('https://a.example/ x'), null);
  assert.equal(linkTarget('https://a.example/\u0001'), null);
  assert.equal(linkTarget('https://'), null);
  assert.equal(linkTarget('tel:'), null);
  assert.equal(linkTarget('ftp://a.example'), null);
  assert.equal(linkTarget('HTTPS://A.EXAMPLE'), 'HTTPS://A.EXAMPLE');
  assert.equal(linkTarget('\u017fttps://a.example'), null, 'only ASCII letters match the scheme');
});

test('markup is text and unmatched delimiters stay as typed', () => {
  for (const typed of ['<img src=x onerror=alert(1)> & <b>hi</b>', '2 * 3 * 4 = 24 and snake_case_name',
    '**unclosed and _half', '***** rating', '` lone backtick', '[not a link] (x)', 'a ** b ** c']) {
    assert.equal(shape(typed), typed, typed);
  }
});

test('hostile sizes stay linear and oversized or customer text is shown as typed', () => {
  const stars = '*'.repeat(9999);
  assert.equal(textBlocks(stars, true)[0].spans[0].text, stars, 'linear on unmatched delimiters');
  const mixed = '_*~`[('.repeat(1600);
  const shown = textBlocks(mixed, true)[0].spans.map((s) => s.text).join('');
  assert.equal(shown.split('[').length - 1, 1600, 'text is kept; only delimiters that pair go');
  assert.equal(shown.split('(').length - 1, 1600);
  const huge = '**bold** '.repeat(2000);
  assert.deepEqual(textBlocks(huge, true), [{ bullet: false, spans: [{ text: huge, style: '' }] }],
    'over 10,000 characters: shown as typed');
  assert.deepEqual(textBlocks('**mine**\n- too', false), [{ bullet: false, spans: [{ text: '**mine**', style: '' }] },
    { bullet: false, spans: [{ text: '- too', style: '' }] }]);
  assert.equal(shape(''), '');
  assert.deepEqual(textBlocks('', true), [{ bullet: false, spans: [] }]);
  assert.deepEqual(textBlocks(null, true), [{ bullet: false, spans: [{ text: '', style: '' }] }]);
});

test('messages get the blocks of their text: formatted for agents and bots, as typed for the rest', () => {
  const agent = sessionMessage(JSON.stringify({ id: 'a', sender: 'agent', text: '**hi**', files: [] }));
  assert.deepEqual(agent.blocks, [{ bullet: false, spans: [{ text: 'hi', style: 'bold' }] }]);
  assert.deepEqual(agent.files, [], 'the rest of the message as written');
  const all = sessionMessages(JSON.stringify({ m: [{ sender: 'bot', text: '_x_' }, { sender: 'customer', text: '_x_' },
    { sender: 'system' }] }));
  assert.deepEqual(all.map((m) => m.blocks[0].spans), [[{ text: 'x', style: 'italic' }], [{ text: '_x_', style: '' }],
    [{ text: '', style: '' }]]);
});
