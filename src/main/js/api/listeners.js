// The host page's listeners of one widget or session (EventHub.java): [event name, function] pairs in registration
// order. They live in JS, not in a Java list, because a JS function held in a Java collection would be wrapped,
// and that wrapper's machinery costs the bundle about 1 KB.

/** No listeners yet. */
export function listenerList() {
  return [];
}

/** Adds `fn` for `name`; the same function added twice is called twice, as with addEventListener's copies. */
export function addListener(list, name, fn) {
  list.push([name, fn]);
}

/** Removes the first registration of `fn` for `name`; nothing when there is none. */
export function removeListener(list, name, fn) {
  const i = list.findIndex((l) => l[0] === name && l[1] === fn);
  if (i >= 0) list.splice(i, 1);
}

/**
 * Calls the listeners of `name` with `payload`, on a copy of the list (a listener may add or remove listeners). One
 * that throws is reported on the console and never stops the session or the other listeners.
 */
export function emitEvent(list, name, payload) {
  for (const [n, fn] of list.slice()) {
    if (n !== name) continue;
    try {
      fn(payload);
    } catch (e) {
      console.error('guest-chat: ' + name + ' listener failed', e);
    }
  }
}

/** Removes every listener. */
export function clearListeners(list) {
  list.length = 0;
}
