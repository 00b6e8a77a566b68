// java.lang.String searches answered by the browser's own string methods, with the JDK's answers at the edges
// (see dev.guestchat.teavmshim.NativeStringMethods): every program's Java strings go through these.

/** String.trim(): Java trims every char up to U+0020, not the Unicode white space of JavaScript's trim(). */
export function javaTrim(s) {
  return s.replace(/^[\x00- ]+|[\x00- ]+$/g, ''); // eslint-disable-line no-control-regex
}

/** String.indexOf(codePoint, from): a code point outside Unicode is found nowhere; a negative start is 0. */
export function javaIndexOf(s, c, from) {
  return c < 0 || c > 0x10ffff ? -1 : s.indexOf(String.fromCodePoint(c), from < 0 ? 0 : from);
}

/** String.lastIndexOf(codePoint, from): a negative start finds nothing, where JavaScript reads it as 0. */
export function javaLastIndexOf(s, c, from) {
  return c < 0 || c > 0x10ffff || from < 0 ? -1 : s.lastIndexOf(String.fromCodePoint(c), from);
}
