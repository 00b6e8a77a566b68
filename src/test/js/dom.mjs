// A fresh jsdom page for each test, its window's names made global the way the glue modules expect them (document,
// location, navigator, localStorage, addEventListener …). jsdom is a build tool, installed under src/build.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../build/package.json', import.meta.url));
const { JSDOM, VirtualConsole } = require('jsdom');

const NAMES = ['window', 'document', 'location', 'navigator', 'localStorage', 'addEventListener',
  'removeEventListener', 'dispatchEvent', 'CSSStyleSheet', 'Event', 'KeyboardEvent', 'MouseEvent', 'Node'];

/** Installs a page at `url` with `html` in its body; returns its window. */
export function page(html = '', url = 'https://shop.example/cart') {
  // silent: jsdom reports "not implemented: navigation" when a test clicks a link
  const dom = new JSDOM(`<!doctype html><html><body>${html}</body></html>`,
    { url, virtualConsole: new VirtualConsole() });
  const w = dom.window;
  for (const name of NAMES) {
    const value = w[name];
    Object.defineProperty(globalThis, name, {
      value: typeof value === 'function' && /^[a-z]/.test(name) ? value.bind(w) : value,
      configurable: true, writable: true,
    });
  }
  return w;
}

/** A keydown on `target`, as the keyboard sends it (bubbles, composed, cancelable). */
export function key(target, init) {
  const e = new window.KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
}

/** A primary-button click on `target` (bubbles, composed, cancelable), with any modifier keys in `init`. */
export function click(target, init) {
  const e = new window.MouseEvent('click', { bubbles: true, composed: true, cancelable: true, button: 0, ...init });
  target.dispatchEvent(e);
  return e;
}
