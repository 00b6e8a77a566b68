// Ids the Guest API expects as UUIDs (session tokens, tracing ids).

/** A random version-4 UUID: crypto.randomUUID where the engine has it (secure pages), else from getRandomValues. */
export function randomUuid() {
  const c = self.crypto;
  if (c && c.randomUUID) return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  let text = '';
  for (let i = 0; i < 16; i++) {
    text += (b[i] + 256).toString(16).slice(1);
    if (i === 3 || i === 5 || i === 7 || i === 9) text += '-';
  }
  return text;
}
