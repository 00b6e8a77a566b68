// The panel's place on the host page: a host element with a shadow root, so page CSS cannot break the widget and
// widget CSS cannot leak out; and the DOM details around the drawing (composer keys, focus, scroll).

/**
 * Adds the host element to `container` (inline mode) or to the body, with the theme (light, dark or auto), the
 * language and the writing direction; returns it.
 */
export function createHost(container, theme, lang, dir) {
  const host = document.createElement('div');
  host.setAttribute('data-guest-chat', '');
  host.setAttribute('data-theme', theme);
  host.setAttribute('lang', lang);
  host.setAttribute('dir', dir);
  if (container) host.setAttribute('data-inline', '');
  (container || document.body).appendChild(host);
  return host;
}

/** An open shadow root on `host` styled with `css`: a constructed sheet where the engine has one, else <style>. */
export function attachShadow(host, css) {
  const root = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
  return root;
}

/**
 * The keyboard in the panel: Escape; Tab kept inside the End chat confirmation while it shows; Enter without Shift
 * (and not while an input method composes) in the message box sends; `typed()` on every change of the box. Returns
 * the function that stops listening.
 */
export function listenKeys(root, enter, escape, typed) {
  function isComposer(t) {
    return t && t.classList && t.classList.contains('gcw-input');
  }
  function key(e) {
    if (e.key === 'Escape') {
      escape();
      return;
    }
    const dialog = root.querySelector('.gcw-confirm');
    if (e.key === 'Tab' && dialog) {
      const buttons = dialog.querySelectorAll('button');
      const first = buttons[0];
      const last = buttons[buttons.length - 1];
      const at = root.activeElement;
      const outside = !dialog.contains(at);
      if (e.shiftKey ? at === first || outside : at === last || outside) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      }
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && isComposer(e.target)) {
      e.preventDefault();
      enter();
    }
  }
  function input(e) {
    if (isComposer(e.target)) typed();
  }
  root.addEventListener('keydown', key);
  root.addEventListener('input', input);
  return () => {
    root.removeEventListener('keydown', key);
    root.removeEventListener('input', input);
  };
}

/** Reads and clears the message box ('' when there is none). */
export function takeComposerText(root) {
  const box = root.querySelector('.gcw-input');
  if (!box) return '';
  const text = box.value;
  box.value = '';
  return text;
}

/** Focuses the element `selector` names, if it is there; `later`: after the current task's drawing. */
export function focusIn(root, selector, later) {
  function focus() {
    const e = root.querySelector(selector);
    if (e) e.focus();
  }
  if (later) setTimeout(focus, 0);
  else focus();
}

/** Keeps the newest message in view. */
export function scrollLog(root) {
  const log = root.querySelector('.gcw-log');
  if (log) log.scrollTop = log.scrollHeight;
}

/** Opens the file picker (the hidden input next to the attach button). */
export function pickFile(root) {
  const input = root.querySelector('.gcw-file-input');
  if (input) input.click();
}
