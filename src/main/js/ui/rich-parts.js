// A message's files and cards, and the listeners for files coming in. panel-dom.js gives each row that has files or
// cards one .gcw-rich element and hands it to the function richBuilder returns, with the row's rich JSON
// (RowView.richJson): thumbnails, download links, cards, button lists and carousels.
//
// Only text and the http(s) addresses Java already checked reach the DOM (textContent, href, src); links open in a
// new tab without an opener. A carousel shows one card at a time with previous and next buttons (and the arrow keys)
// and says "2 of 3". A Postback button is a panel control named `choose` carrying its label, payload and message id
// (panel-dom.js reports it). A picture that finishes loading keeps the newest message in view, as every update does.

/**
 * The rich JSON (RowView.richJson) keeps one-letter keys, as it is written for every message:
 *   m the message's id; f files [{n: name, u: address (absent while unknown), g: an image, i: attachment id}];
 *   c cards [{t: title, u: the title's link, d: description, g: image address, b: buttons [{t: label,
 *   u: link address (a Link button) or p: payload (a Postback button)}]}]; r the cards are a carousel.
 */

import { scrollLog } from './shadow-host.js';

/** The drawing function (element, richJson) for the shadow root `root` and the catalogue `texts`. */
export function richBuilder(root, texts) {
  function el(tag, cls, text, parent) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (tag === 'img') e.onload = () => scrollLog(root);
    if (text != null) e.textContent = text;
    parent.appendChild(e);
    return e;
  }

  function link(address, cls, text, parent) {
    const e = el('a', cls, text, parent);
    e.href = address;
    e.target = '_blank';
    e.rel = 'noopener noreferrer';
    return e;
  }

  function file(f, parent) {
    if (!f.u) {
      el('span', 'gcw-file', f.n, parent);
      return;
    }
    const a = link(f.u, 'gcw-file', f.g ? null : f.n, parent);
    if (!f.g) {
      a.setAttribute('download', '');
      return;
    }
    const img = el('img', 'gcw-thumb', null, a);
    img.src = f.u;
    img.alt = f.n;
    img.setAttribute('data-id', f.i || '');
  }

  function card(d, messageId, parent) {
    const v = el('div', 'gcw-card', null, parent);
    if (d.g) {
      const img = el('img', 'gcw-card-img', null, v);
      img.src = d.g;
      img.alt = '';
    }
    if (d.t != null) {
      if (d.u) link(d.u, 'gcw-card-title', d.t, v);
      else el('strong', 'gcw-card-title', d.t, v);
    }
    if (d.d) el('p', 'gcw-card-text', d.d, v);
    const buttons = el('div', 'gcw-choices', null, v);
    (d.b || []).forEach((b) => {
      if (b.u) {
        link(b.u, 'gcw-choice', b.t, buttons);
        return;
      }
      const k = el('button', 'gcw-choice', b.t, buttons);
      k.type = 'button';
      k.setAttribute('data-w', 'choose');
      k.gcwLabel = b.t;
      k.gcwPayload = b.p;
      k.gcwMessage = messageId;
    });
  }

  function carousel(cards, count) {
    const nav = el('div', 'gcw-carousel-nav', null, cards);
    const previous = el('button', 'gcw-prev', '\u2039', nav);
    const position = el('span', 'gcw-position', null, nav);
    const next = el('button', 'gcw-next', '\u203a', nav);
    let at = 0;
    previous.type = next.type = 'button';
    previous.setAttribute('aria-label', texts.prevCard);
    next.setAttribute('aria-label', texts.nextCard);
    position.setAttribute('aria-live', 'polite');
    cards.setAttribute('role', 'group');
    function go(i) {
      at = Math.max(0, Math.min(count - 1, i));
      const all = cards.querySelectorAll('.gcw-card');
      for (let q = 0; q < all.length; q++) all[q].hidden = q !== at;
      const where = texts.cardOf.replace('{n}', at + 1).replace('{1}', count);
      position.textContent = where;
      cards.setAttribute('aria-label', where);
      previous.setAttribute('aria-disabled', at === 0);
      next.setAttribute('aria-disabled', at === count - 1);
    }
    previous.onclick = () => go(at - 1);
    next.onclick = () => go(at + 1);
    go(0);
  }

  return (element, richJson) => {
    const j = JSON.parse(richJson);
    (j.f || []).forEach((f) => file(f, element));
    const c = j.c || [];
    if (!c.length) return;
    const cards = el('div', 'gcw-cards', null, element);
    c.forEach((d) => card(d, j.m, cards));
    if (j.r && c.length > 1) carousel(cards, c.length);
  };
}

/**
 * Listens in `root` for files (change on the picker's input, drop, paste), images that fail (`error` does not
 * bubble, so it is caught on the way down) and the arrow keys in a carousel; `on('file', file)` and
 * `on('failed', null, attachmentId)` hear them. Returns the function that stops it all.
 */
export function listenRich(root, on) {
  const host = root.host;
  function files(list) {
    if (list && list.length) on('file', list[0]);
  }
  function changed(e) {
    const t = e.target;
    if (t && t.classList && t.classList.contains('gcw-file-input')) {
      files(t.files);
      t.value = '';
    }
  }
  function over(e) {
    const d = e.dataTransfer;
    if (d && Array.prototype.indexOf.call(d.types || [], 'Files') >= 0) {
      e.preventDefault();
      host.setAttribute('data-drop', '');
    }
  }
  function left() {
    host.removeAttribute('data-drop');
  }
  function dropped(e) {
    left();
    const d = e.dataTransfer;
    if (d && d.files && d.files.length) {
      e.preventDefault();
      files(d.files);
    }
  }
  function pasted(e) {
    const d = e.clipboardData;
    if (d && d.files && d.files.length) {
      e.preventDefault();
      files(d.files);
    }
  }
  function failed(e) {
    const t = e.target;
    if (t && t.classList && t.classList.contains('gcw-thumb')) on('failed', null, t.getAttribute('data-id'));
  }
  function key(e) {
    const t = e.target;
    const cards = t && t.closest && t.closest('.gcw-cards');
    if (!cards || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    const b = cards.querySelector(e.key === 'ArrowLeft' ? '.gcw-prev' : '.gcw-next');
    if (b) {
      e.preventDefault();
      b.click();
    }
  }
  const listeners = [['change', changed], ['dragover', over], ['dragleave', left], ['drop', dropped],
    ['paste', pasted], ['error', failed], ['keydown', key]];
  listeners.forEach((l) => root.addEventListener(l[0], l[1], true));
  return () => listeners.forEach((l) => root.removeEventListener(l[0], l[1], true));
}
