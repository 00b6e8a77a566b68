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
