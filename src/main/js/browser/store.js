// localStorage as the session needs it. Storage can be missing or refused (private modes, blocked cookies): then
// nothing is kept and nothing throws.

/** The keys that start with `prefix`, one per line; null when storage cannot be read. */
export function storedKeys(prefix) {
  try {
    const keys = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key && key.indexOf(prefix) === 0) keys.push(key);
    }
    return keys.join('\n');
  } catch {
    return null;
  }
}

/** Whether storage can be read at all. */
export function storeReadable() {
  try {
    return localStorage.length >= 0;
  } catch {
    return false;
  }
}

/** The stored value, or null when absent or storage cannot be read. */
export function storeGet(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Keeps the value if storage takes it (it may be full or refused). */
export function storeSet(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // not kept: the session goes on without it
  }
}

/** Forgets the key if storage can be written. */
export function storeRemove(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing stored that could be read back either
  }
}
