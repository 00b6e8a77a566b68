package dev.guestchat.ui;

import dev.guestchat.protocol.Ascii;
import java.util.ArrayList;
import java.util.List;

/**
 * Agent and bot text the way Messenger shows it: {@code **bold**}, {@code _italic_} / {@code *italic*},
 * {@code ~~struck~~}, {@code `code`}, line breaks, {@code - } / {@code * } bullet lines, {@code [text](url)} links
 * and bare {@code http(s)://} addresses made clickable. The result is plain data — blocks of spans — that the
 * panel turns into DOM nodes with text content; nothing here is ever HTML. Links go only to {@code http:},
 * {@code https:}, {@code mailto:} and {@code tel:}; anything else ({@code javascript:}, {@code data:}, relative) stays
 * text. Pure Java: no browser types, tested on the JVM.
 */
public final class FormattedText {
    /** Longer texts are shown as typed: formatting a hostile 200,000-character message is not worth its time. */
    static final int MAX_FORMATTED_CHARS = 10_000;

    private FormattedText() {
    }

    /** One line of text: a paragraph line or a bullet item. */
    public static final class Block {
        private final boolean bullet;
        private final List<Span> spans;

        Block(boolean bullet, List<Span> spans) {
            this.bullet = bullet;
            this.spans = spans;
        }

        public boolean isBullet() {
            return bullet;
        }

        public String getCssClass() {
            return bullet ? "gcw-line gcw-bullet" : "gcw-line";
        }

        public List<Span> getSpans() {
            return spans;
        }
    }

    /** A run of text with one look; {@code href} is set only for a link to an allowed target. */
    public static final class Span {
        static final int BOLD = 1;
        static final int ITALIC = 2;
        static final int STRUCK = 4;
        static final int CODE = 8;

        private final String text;
        private final int style;
        private final String href;

        Span(String text, int style, String href) {
            this.text = text;
            this.style = style;
            this.href = href;
        }

        public String getText() {
            return text;
        }

        public boolean isLink() {
            return href != null;
        }

        public String getHref() {
            return href;
        }

        /** The span's look as words for a page's own UI ({@code "bold italic"}, {@code "code"}); "" when plain. */
        public String getStyle() {
            return words("bold", "italic", "struck", "code");
        }

        public String getCssClass() {
            return words("gcw-b", "gcw-i", "gcw-s", "gcw-code");
        }

        /** The words for the style's flags, in the flags' order ({@link #BOLD}, {@link #ITALIC}, {@link #STRUCK}, {@link #CODE}). */
        private String words(String bold, String italic, String struck, String code) {
            StringBuilder c = new StringBuilder();
            String[] words = {bold, italic, struck, code};
            for (int i = 0; i < words.length; i++) {
                if ((style & (1 << i)) != 0) {
                    c.append(' ').append(words[i]);
                }
            }
            return c.length() == 0 ? "" : c.substring(1);
        }
    }

    /** Text shown as typed: one block per line, no formatting (customer text, system rows, oversized text). */
    public static List<Block> plain(String text) {
        List<Block> blocks = new ArrayList<>();
        for (String line : lines(text)) {
            List<Span> spans = new ArrayList<>();
            spans.add(new Span(line, 0, null));
            blocks.add(new Block(false, spans));
        }
        return blocks;
    }

    public static List<Block> format(String text) {
        if (text == null || text.length() > MAX_FORMATTED_CHARS) {
            return plain(text);
        }
        List<Block> blocks = new ArrayList<>();
        for (String line : lines(text)) {
            boolean bullet = line.length() > 2 && (line.startsWith("- ") || line.startsWith("* ") || line.startsWith("• "));
            blocks.add(new Block(bullet, inline(bullet ? line.substring(2) : line)));
        }
        return blocks;
    }

    /** Lines of {@code text}; an empty text is one empty line. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        String t = text == null ? "" : text;
        int start = 0;
        for (int i = 0; i <= t.length(); i++) {
            if (i == t.length() || t.charAt(i) == '\n') {
                int end = i > start && t.charAt(i - 1) == '\r' ? i - 1 : i;
                out.add(t.substring(start, end));
                start = i + 1;
            }
        }
        return out;
    }

    /** The spans of one line: delimiters that open and close on the line take effect, every other character is text. */
    static List<Span> inline(String line) {
        List<Span> spans = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int style = 0;
        // per delimiter (** __ * _ ~~): from this position on nothing closes it (see opens)
        int[] noCloserFrom = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '`') {
                int close = line.indexOf('`', i + 1);
                if (close > i + 1) {
                    flush(spans, run, style);
                    spans.add(new Span(line.substring(i + 1, close), style | Span.CODE, null));
                    i = close + 1;
                    continue;
                }
            } else if (c == '[') {
                int mid = line.indexOf("](", i + 1);
                int close = mid < 0 ? -1 : line.indexOf(')', mid + 2);
                if (close > 0 && mid > i + 1) {
                    String href = allowedTarget(line.substring(mid + 2, close).trim());
                    if (href != null) {
                        flush(spans, run, style);
                        spans.add(new Span(line.substring(i + 1, mid), style, href));
                        i = close + 1;
                        continue;
                    }
                }
            } else if ((c == 'h' || c == 'H') && startsUrl(line, i)) {
                int end = urlEnd(line, i);
                flush(spans, run, style);
                String url = line.substring(i, end);
                spans.add(new Span(url, style, url));
                i = end;
                continue;
            } else if (c == '*' || c == '_' || c == '~') {
                int n = i + 1 < line.length() && line.charAt(i + 1) == c ? 2 : 1;
                int flag = c == '~' ? (n == 2 ? Span.STRUCK : 0) : n == 2 ? Span.BOLD : Span.ITALIC;
                int slot = c == '~' ? 4 : (c == '*' ? 0 : 1) + (n == 2 ? 0 : 2);
                if (flag != 0 && ((style & flag) == 0 ? opens(line, i, c, n, noCloserFrom, slot) : closes(line, i, c, n))) {
                    flush(spans, run, style);
                    style ^= flag;
                    i += n;
                    continue;
                }
            }
            run.append(c);
            i++;
        }
        flush(spans, run, style);
        return spans;
    }

    private static void flush(List<Span> spans, StringBuilder run, int style) {
        if (run.length() > 0) {
            spans.add(new Span(run.toString(), style, null));
            run.setLength(0);
        }
    }

    /**
     * {@code n} × {@code c} at {@code i} opens: text follows at once (not a space: "2 * 3"; not the same character:
     * "***"), an underscore does not sit inside a word (snake_case), and the same delimiter closes it later on the
     * line. {@code noCloserFrom[slot]} remembers where none is left, so a line of unmatched delimiters stays linear.
     */
    private static boolean opens(String line, int i, char c, int n, int[] noCloserFrom, int slot) {
        int after = i + n;
        if (i >= noCloserFrom[slot] || after >= line.length() || blank(line.charAt(after)) || line.charAt(after) == c
                || (c == '_' && i > 0 && wordChar(line.charAt(i - 1)))) {
            return false;
        }
        for (int j = after + 1; j + n <= line.length(); j++) {
            if (line.charAt(j) == c && (n == 1 || line.charAt(j + 1) == c) && closes(line, j, c, n)) {
                return true;
            }
        }
        noCloserFrom[slot] = i;
        return false;
    }

    /** {@code n} × {@code c} at {@code i} closes: it follows text at once and does not run on into more of it. */
    private static boolean closes(String line, int i, char c, int n) {
        int after = i + n;
        return i > 0 && !blank(line.charAt(i - 1)) && line.charAt(i - 1) != c
                && !(after < line.length() && (line.charAt(after) == c || (c == '_' && wordChar(line.charAt(after)))));
    }

    /** White space, as far as formatting cares (ASCII rules keep the Unicode tables out of the bundle). */
    private static boolean blank(char c) {
        return c <= ' ' || c == '\u00a0';
    }

    /** A character inside a word: ASCII letters and digits, and any non-ASCII character. */
    private static boolean wordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c > 127;
    }

    private static boolean startsUrl(String line, int i) {
        if (i > 0 && wordChar(line.charAt(i - 1))) {
            return false;
        }
        int scheme = Ascii.startsIgnoringCase(line, i, "https://") ? 8 : Ascii.startsIgnoringCase(line, i, "http://") ? 7 : 0;
        return scheme > 0 && i + scheme < line.length() && !blank(line.charAt(i + scheme));
    }

    /** Where a bare address ends: at white space or a quote or angle bracket, less trailing punctuation. */
    private static int urlEnd(String line, int start) {
        int end = start;
        while (end < line.length() && !blank(line.charAt(end)) && "<>\"'`".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        while (end > start && ".,;:!?*_~".indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end > start && line.charAt(end - 1) == ')' && line.lastIndexOf('(', end - 1) < start) {
            end--; // "(see https://x.example)" — the parenthesis is the sentence's
        }
        return end;
    }

    /** What a link may open. */
    private static final String[] LINK_SCHEMES = {"https://", "http://", "mailto:", "tel:"};

    /** The link target when it is one the widget may open (http, https, mailto, tel); else null. */
    static String allowedTarget(String target) {
        return Ascii.address(target, LINK_SCHEMES);
    }
}
