// Agent and bot text the way Messenger shows it: **bold**, _italic_ / *italic*, ~~struck~~, `code`, line breaks,
// "- " / "* " / "• " bullet lines, [text](url) links and bare http(s):// addresses made clickable. The result is
// plain data — blocks of spans — that the panel and a page's own UI turn into text nodes; nothing here is ever HTML.
// Links go only to http:, https:, mailto: and tel:; anything else (javascript:, data:, relative) stays text.
import { javaTrim } from '../lang/text.js';

/** Longer texts are shown as typed: formatting a hostile 200,000-character message is not worth its time. */
const MAX_FORMATTED_CHARS = 10000;

// a span's looks, as bits of its style; the words are what `style` says, in this order
const STYLE_BOLD = 1;
const STYLE_ITALIC = 2;
const STYLE_STRUCK = 4;
const STYLE_CODE = 8;
const STYLE_WORDS = ['bold', 'italic', 'struck', 'code'];

// What a link may open, with something after the scheme. Case-insensitive in ASCII only: without the u flag, no
// other character matches a letter of these.
const LINK_SCHEME = /^(https?:\/\/|mailto:|tel:)[\s\S]/i;
const WEB_SCHEME = /^https?:\/\//i;

/**
 * `text` as blocks, one per line: `{bullet, spans: [{text, style, href}]}`, where `style` is space-separated words
 * ('bold italic'; '' when plain) and `href` is there only on a link. Formatted when `formatted` (agent and bot text),
 * else as typed (the customer's own, system rows); over 10,000 characters always as typed.
 */
export function textBlocks(text, formatted) {
  const t = text == null ? '' : String(text);
  const format = !!formatted && text != null && t.length <= MAX_FORMATTED_CHARS;
  return t.split('\n').map((raw) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const bullet = format && line.length > 2 && /^[-*•] /.test(line);
    return { bullet, spans: format ? lineSpans(bullet ? line.slice(2) : line) : [textSpan(line, 0)] };
  });
}

/**
 * A message the session wrote as JSON (MessageJson.java), with `blocks`: its text formatted as the panel draws it
 * for agents and bots, as typed for everyone else.
 */
function withBlocks(message) {
  message.blocks = textBlocks(message.text, message.sender === 'agent' || message.sender === 'bot');
  return message;
}

/** One message from its JSON, with its blocks. */
export function sessionMessage(json) {
  return withBlocks(JSON.parse(json));
}

/** The transcript from its JSON (`{m: [messages]}`), each message with its blocks. */
export function sessionMessages(json) {
  return JSON.parse(json).m.map(withBlocks);
}

/** A run of text with one look; a link has its target. */
function textSpan(text, style, href) {
  const s = { text, style: STYLE_WORDS.filter((w, i) => style & (1 << i)).join(' ') };
  if (href) s.href = href;
  return s;
}

/** The spans of one line: delimiters that open and close on the line take effect, every other character is text. */
function lineSpans(line) {
  const spans = [];
  let run = '';
  let style = 0;
  // per delimiter (** __ * _ ~~): from this position on nothing closes it (see opens)
  const noCloserFrom = [Infinity, Infinity, Infinity, Infinity, Infinity];
  const flush = () => {
    if (run) spans.push(textSpan(run, style));
    run = '';
  };
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '`') {
      const close = line.indexOf('`', i + 1);
      if (close > i + 1) {
        flush();
        spans.push(textSpan(line.slice(i + 1, close), style | STYLE_CODE));
        i = close + 1;
        continue;
      }
    } else if (c === '[') {
      const mid = line.indexOf('](', i + 1);
      const close = mid < 0 ? -1 : line.indexOf(')', mid + 2);
      const href = close > 0 && mid > i + 1 ? linkTarget(javaTrim(line.slice(mid + 2, close))) : null;
      if (href) {
        flush();
        spans.push(textSpan(line.slice(i + 1, mid), style, href));
        i = close + 1;
        continue;
      }
    } else if ((c === 'h' || c === 'H') && bareUrlAt(line, i)) {
      const end = bareUrlEnd(line, i);
      const url = line.slice(i, end);
      flush();
      spans.push(textSpan(url, style, url));
      i = end;
      continue;
    } else if (c === '*' || c === '_' || c === '~') {
      const n = line[i + 1] === c ? 2 : 1;
      const flag = c === '~' ? (n === 2 ? STYLE_STRUCK : 0) : n === 2 ? STYLE_BOLD : STYLE_ITALIC;
      const slot = c === '~' ? 4 : (c === '*' ? 0 : 1) + (n === 2 ? 0 : 2);
      if (flag && ((style & flag) === 0 ? delimiterOpens(line, i, c, n, noCloserFrom, slot) : delimiterCloses(line, i, c, n))) {
        flush();
        style ^= flag;
        i += n;
        continue;
      }
    }
    run += c;
    i++;
  }
  flush();
  return spans;
}

/**
 * `n` × `c` at `i` opens: text follows at once (not a space: "2 * 3"; not the same character: "***"), an
 * underscore does not sit inside a word (snake_case), and the same delimiter closes it later on the line.
 * `noCloserFrom[slot]` remembers where none is left, so a line of unmatched delimiters stays linear.
 */
function delimiterOpens(line, i, c, n, noCloserFrom, slot) {
  const after = i + n;
  if (i >= noCloserFrom[slot] || after >= line.length || blankChar(line[after]) || line[after] === c
      || (c === '_' && i > 0 && wordChar(line[i - 1]))) {
    return false;
  }
  for (let j = after + 1; j + n <= line.length; j++) {
    if (line[j] === c && (n === 1 || line[j + 1] === c) && delimiterCloses(line, j, c, n)) return true;
  }
  noCloserFrom[slot] = i;
  return false;
}

/** `n` × `c` at `i` closes: it follows text at once and does not run on into more of it. */
function delimiterCloses(line, i, c, n) {
  const after = i + n;
  return i > 0 && !blankChar(line[i - 1]) && line[i - 1] !== c
    && !(after < line.length && (line[after] === c || (c === '_' && wordChar(line[after]))));
}

/** White space, as far as formatting cares: every character up to the space, and the no-break space. */
function blankChar(c) {
  return c <= ' ' || c === '\u00a0';
}

/** A character inside a word: ASCII letters and digits, and any non-ASCII character. */
function wordChar(c) {
  return /[a-zA-Z0-9]/.test(c) || c > '\x7f';
}

function bareUrlAt(line, i) {
  if (i > 0 && wordChar(line[i - 1])) return false;
  const scheme = WEB_SCHEME.exec(line.slice(i, i + 8));
  const after = scheme ? i + scheme[0].length : 0;
  return after > 0 && after < line.length && !blankChar(line[after]);
}

/** Where a bare address ends: at white space or a quote or angle bracket, less trailing punctuation. */
function bareUrlEnd(line, start) {
  let end = start;
  while (end < line.length && !blankChar(line[end]) && '<>"\'`'.indexOf(line[end]) < 0) end++;
  while (end > start && '.,;:!?*_~'.indexOf(line[end - 1]) >= 0) end--;
  if (end > start && line[end - 1] === ')' && line.lastIndexOf('(', end - 1) < start) {
    end--; // "(see https://x.example)": the parenthesis is the sentence's
  }
  return end;
}

/**
 * The link target when it is one address the widget may open (http, https, mailto, tel) with something after the
 * scheme and no white space, control character, quote, angle bracket or backslash; else null. The same test as
 * Ascii.address in Java, which checks the addresses of cards, buttons and files: change both together.
 */
export function linkTarget(target) {
  // eslint-disable-next-line no-control-regex
  return LINK_SCHEME.test(target) && !/[\x00- "<>\\\x7f]/.test(target) ? target : null;
}
