// The chat panel's DOM inside the shadow root, built once and then kept in step with ChatPanel's view.
//
// Hidden parts leave the DOM (a comment node marks each one's place), so styles need no [hidden] rule and the tests
// see exactly what the customer sees. A transcript row whose JSON did not change keeps its element — with its focus,
// pictures and carousel position, and so screen readers announce only new rows; a new or changed one is built again.
// The quick replies move with the newest row and leave when it is no longer the newest.
//
// Static texts carry catalogue keys: data-t (text), data-ta (aria-label), data-tt (title), data-tp (placeholder),
// filled when the panel is built and again after a language change. A button reports its data-w name with the label,
// payload and message id it carries (the gcwLabel, gcwPayload and gcwMessage properties) — a quick reply as `reply`,
// a card's Postback button (rich-parts.js) as `choose`. Only text goes in through textContent; link addresses were
// checked where the text was formatted (formatted-text.js: http(s), mailto, tel) and open in a new tab without an
// opener.
import { textBlocks } from '../api/formatted-text.js';

/** A span's style words (formatted-text.js) as the stylesheet's classes. */
const STYLE_CLASSES = { bold: 'gcw-b', italic: 'gcw-i', struck: 'gcw-s', code: 'gcw-code' };

/**
 * The view, ChatPanel.view() as JSON:
 *   open      the panel is open (else the launcher shows)
 *   label     the launcher's accessible name ("Chat" or "Chat, 2 unread")
 *   unread    unread messages, shown on the badge when > 0
 *   title     the panel's title and accessible name
 *   minimize  the minimize button shows (not in inline mode)
 *   end       the End chat button shows
 *   status    the status line ("Connecting…"), '' for none
 *   resume    "Continue here" shows (the chat moved to another tab)
 *   notice    the alert's text, or null
 *   hint      the empty transcript's hint shows
 *   earlier   "Show earlier messages" shows
 *   typing    "typing…" shows (the agent is typing)
 *   confirm   the End chat confirmation shows
 *   ended     the ended note's text, or null
 *   composer  the message box shows
 *   attach    the attach button shows
 *   upload    the file being sent, {name, percent, label: the progress bar's name}, or absent
 *   quick     the newest message's quick replies, {message: its id, buttons: [{text, payload}]}, or absent
 *
 * A row's JSON (RowView.json) keeps one-letter keys, as it is written for every message:
 *   c the row's class, m the message's id, w who wrote it (or absent), t the text, f whether it is formatted (agent and
 *   bot text; else shown as typed), r the files and cards for rich-parts.js (or absent), d the delivery note.
 */

/**
 * Builds the panel into `root` with the catalogue `texts` ({key: text}); `on(name, file, label, payload,
 * messageId)` hears the buttons; `rich(element, json)` draws a row's files and cards. Returns the panel's handle:
 * draw(viewJson, rowJsons) shows the state, fill() fills the static texts again (hidden parts too), remove() takes
 * the panel and its listener away.
 */
export function installPanel(root, texts, on, rich) {
  const translated = [];
  const hidden = { 'aria-hidden': 'true' };

  function el(tag, cls, parent, attrs) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    for (const k in attrs) {
      e.setAttribute(k, attrs[k]);
      if (k.indexOf('data-t') === 0 && translated.indexOf(e) < 0) translated.push(e);
    }
    if (parent) parent.appendChild(e);
    return e;
  }

  function button(cls, name, parent, attrs) {
    const e = el('button', cls, parent, attrs);
    e.type = 'button';
    e.setAttribute('data-w', name);
    return e;
  }

  function fill() {
    translated.forEach((e) => {
      let k;
      if ((k = e.getAttribute('data-t'))) e.textContent = texts[k];
      if ((k = e.getAttribute('data-ta'))) e.setAttribute('aria-label', texts[k]);
      if ((k = e.getAttribute('data-tt'))) e.setAttribute('title', texts[k]);
      if ((k = e.getAttribute('data-tp'))) e.setAttribute('placeholder', texts[k]);
    });
  }

  // a part that can hide: starts hidden, its place kept by a comment
  function hideable(e) {
    e.gcwPlace = document.createComment('');
    e.parentNode.insertBefore(e.gcwPlace, e);
    e.remove();
    return e;
  }

  function show(e, visible) {
    if (!visible) e.remove();
    else if (!e.parentNode) e.gcwPlace.parentNode.insertBefore(e, e.gcwPlace.nextSibling);
  }

  function setText(e, text) {
    if (e.textContent !== text) e.textContent = text;
  }

  const top = el('div', 'gcw', root);
  const launcher = hideable(button('gcw-launcher', 'launch', top));
  el('span', 'gcw-launcher-icon', launcher, hidden);
  const badge = hideable(el('span', 'gcw-badge', launcher, hidden));
  const panel = hideable(el('section', 'gcw-panel', top, { role: 'dialog' }));
  const header = el('header', 'gcw-header', panel);
  const title = el('h2', 'gcw-title', header);
  const minimize = hideable(button('gcw-minimize', 'minimize', header, { 'data-ta': 'minimize', 'data-tt': 'minimizeHint' }));
  const end = hideable(button('gcw-end', 'askEnd', header, { 'data-t': 'endChat' }));
  const status = hideable(el('div', 'gcw-status', panel, { role: 'status' }));
  const statusText = status.appendChild(document.createTextNode(''));
  const reconnect = hideable(button('gcw-link gcw-reconnect', 'reconnect', status, { 'data-t': 'continueHere' }));
  const notice = hideable(el('div', 'gcw-notice', panel, { role: 'alert' }));
  const noticeText = el('span', 'gcw-notice-text', notice);
  const log = el('div', 'gcw-log', panel, { role: 'log', 'aria-live': 'polite', 'data-ta': 'conversation', tabindex: '0' });
  const hint = hideable(el('p', 'gcw-hint', log, { 'data-t': 'hint' }));
  const earlier = hideable(button('gcw-link gcw-earlier', 'earlier', log, { 'data-t': 'earlier' }));
  const rowsStart = log.appendChild(document.createComment(''));
  const typing = hideable(el('p', 'gcw-typing', log, { 'aria-live': 'off', 'data-t': 'typing' }));
  const confirm = hideable(el('div', 'gcw-confirm', panel,
    { role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'gcw-confirm-q' }));
  const ended = hideable(el('div', 'gcw-ended', panel, { role: 'status' }));
  const endedText = el('p', 0, ended);
  const upload = hideable(el('div', 'gcw-upload', panel));
  const uploadName = el('span', 'gcw-upload-name', upload);
  const progress = el('progress', 'gcw-progress', upload, { max: '100' });
  const composer = hideable(el('div', 'gcw-composer', panel));
  const attach = hideable(button('gcw-attach', 'pick', composer, { 'data-ta': 'attach', 'data-tt': 'attach' }));
  const fileInput = hideable(el('input', 'gcw-file-input', composer, { type: 'file', hidden: '' }));
  const choices = el('div', 'gcw-choices');
  let rows = [];

  el('span', 0, minimize, hidden).textContent = '\u2013';
  button('gcw-link', 'dismiss', notice, { 'data-ta': 'dismiss' }).textContent = '\u00d7';
  el('p', 0, confirm, { id: 'gcw-confirm-q', 'data-t': 'confirmQuestion' });
  button('gcw-confirm-end', 'confirm', confirm, { 'data-t': 'confirmEnd' });
  button('gcw-confirm-cancel', 'cancelEnd', confirm, { 'data-t': 'confirmKeep' });
  button('gcw-start-new', 'startNew', ended, { 'data-t': 'startNew' });
  button('gcw-link gcw-remove-file', 'remove', upload, { 'data-ta': 'removeFile' }).textContent = '\u00d7';
  el('span', 0, attach, hidden).textContent = '+';
  el('textarea', 'gcw-input', composer, { rows: '2', 'data-ta': 'message', 'data-tp': 'placeholder' });
  button('gcw-send', 'send', composer, { 'data-ta': 'sendLabel', 'data-t': 'send' });

  function row(json) {
    const e = el('div', json.c);
    if (json.w != null) el('span', 'gcw-who', e).textContent = json.w;
    const text = el('div', 'gcw-text', e);
    textBlocks(json.t, json.f).forEach((block) => {
      const p = el('p', block.bullet ? 'gcw-line gcw-bullet' : 'gcw-line', text);
      block.spans.forEach((span) => {
        const c = span.style.replace(/\w+/g, (word) => STYLE_CLASSES[word]);
        const s = span.href ? el('a', c, p, { href: span.href, target: '_blank', rel: 'noopener noreferrer' }) : el('span', c, p);
        s.textContent = span.text;
      });
    });
    if (json.r) rich(el('div', 'gcw-rich', e), json.r);
    el('span', 'gcw-delivery', e).textContent = json.d;
    return e;
  }

  function clicked(event) {
    const t = event.target;
    const control = t && t.closest && t.closest('[data-w]');
    if (control && top.contains(control)) {
      on(control.getAttribute('data-w'), null, control.gcwLabel || null,
        control.gcwPayload == null ? null : control.gcwPayload, control.gcwMessage || null);
    }
  }

  // the rows' elements in the order of their JSON: unchanged rows keep their element, the rest are built
  function drawRows(jsons) {
    const byJson = new Map();
    const next = [];
    rows.forEach((e) => {
      const same = byJson.get(e.gcwJson);
      if (same) same.push(e);
      else byJson.set(e.gcwJson, [e]);
    });
    jsons.forEach((json) => {
      const same = byJson.get(json);
      let e = same && same.shift();
      if (!e) {
        e = row(JSON.parse(json));
        e.gcwJson = json;
      }
      next.push(e);
    });
    byJson.forEach((left) => left.forEach((e) => e.remove()));
    let previous = rowsStart;
    next.forEach((e) => {
      if (previous.nextSibling !== e) log.insertBefore(e, previous.nextSibling);
      previous = e;
    });
    rows = next;
    return previous;
  }

  function drawQuickReplies(quick, newest) {
    const key = JSON.stringify(quick || 0);
    if (choices.gcwKey !== key) {
      choices.gcwKey = key;
      choices.textContent = '';
      if (quick) {
        quick.buttons.forEach((b) => {
          const c = button('gcw-choice', 'reply', choices);
          c.textContent = c.gcwLabel = b.text;
          c.gcwPayload = b.payload;
          c.gcwMessage = quick.message;
        });
      }
    }
    if (quick && newest !== rowsStart) {
      if (choices.parentNode !== newest) newest.appendChild(choices);
    } else {
      choices.remove();
    }
  }

  function draw(viewJson, rowJsons) {
    const v = JSON.parse(viewJson);
    show(launcher, !v.open);
    launcher.setAttribute('aria-label', v.label);
    show(badge, v.unread > 0);
    setText(badge, '' + v.unread);
    show(panel, v.open);
    panel.setAttribute('aria-label', v.title);
    setText(title, v.title);
    show(minimize, v.minimize);
    show(end, v.end);
    show(status, !!v.status);
    if (statusText.data !== v.status) statusText.data = v.status;
    show(reconnect, v.resume);
    show(notice, v.notice != null);
    setText(noticeText, v.notice || '');
    show(hint, v.hint);
    show(earlier, v.earlier);
    show(typing, v.typing);
    show(confirm, v.confirm);
    show(ended, v.ended != null);
    setText(endedText, v.ended || '');
    show(upload, v.composer && !!v.upload);
    if (v.upload) {
      setText(uploadName, v.upload.name);
      progress.value = v.upload.percent;
      progress.setAttribute('aria-label', v.upload.label);
    }
    show(composer, v.composer);
    show(attach, v.attach);
    show(fileInput, v.attach);
    drawQuickReplies(v.quick, drawRows(rowJsons));
  }

  root.addEventListener('click', clicked);
  fill();
  return {
    draw,
    fill,
    remove() {
      root.removeEventListener('click', clicked);
      top.remove();
    },
  };
}
