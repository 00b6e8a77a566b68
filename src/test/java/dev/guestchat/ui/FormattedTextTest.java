package dev.guestchat.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Agent text formatting: what becomes bold, italic, code, struck, a bullet or a link — and what stays text. */
class FormattedTextTest {
    /** One line as {@code [style-classes|href]text} pieces. */
    static String shape(String text) {
        StringBuilder out = new StringBuilder();
        for (FormattedText.Block b : FormattedText.format(text)) {
            if (out.length() > 0) {
                out.append(" / ");
            }
            if (b.isBullet()) {
                out.append("• ");
            }
            for (FormattedText.Span s : b.getSpans()) {
                String tag = s.getCssClass() + (s.isLink() ? (s.getCssClass().isEmpty() ? "" : " ") + "→" + s.getHref() : "");
                out.append(tag.isEmpty() ? s.getText() : "[" + tag + "]" + s.getText());
            }
        }
        return out.toString();
    }

    @Test
    void markdownAgentsTypeIsFormatted() {
        assertEquals("Your order is [gcw-b]on its way and [gcw-i]should arrive today.",
                shape("Your order is **on its way** and _should arrive_ today."));
        assertEquals("[gcw-i]one star and [gcw-b]two underscores", shape("*one star* and __two underscores__"));
        assertEquals("Type [gcw-code]reset --all then [gcw-s]wait", shape("Type `reset --all` then ~~wait~~"));
        assertEquals("[gcw-code]**not bold** inside code", shape("`**not bold**` inside code"));
        assertEquals("[gcw-b]bold [gcw-b gcw-i]and italic", shape("**bold _and italic_**"));
    }

    @Test
    void linesAndBulletsAreBlocks() {
        assertEquals("Steps: / • open the box / • [gcw-b]keep the receipt / ", shape("Steps:\n- open the box\n* **keep** the receipt\n"));
        assertEquals("a / b", shape("a\r\nb"));
        assertEquals("-not a bullet", shape("-not a bullet"));
    }

    @Test
    void linksToSafeTargetsOnly() {
        assertEquals("See [→https://shop.example/track?id=1]tracking.", shape("See [tracking](https://shop.example/track?id=1)."));
        assertEquals("Mail [→mailto:help@shop.example]us or [→tel:+441234]call",
                shape("Mail [us](mailto:help@shop.example) or [call](tel:+441234)"));
        assertEquals("Go to [→https://shop.example/a_b]https://shop.example/a_b, then ([→http://x.example/p]http://x.example/p).",
                shape("Go to https://shop.example/a_b, then (http://x.example/p)."));
        assertEquals("[x](javascript:alert(1))", shape("[x](javascript:alert(1))"));
        assertEquals("[x](data:text/html,<script>alert(1)</script>)", shape("[x](data:text/html,<script>alert(1)</script>)"));
        assertEquals("[x](JaVaScRiPt:alert(1))", shape("[x](JaVaScRiPt:alert(1))"));
        assertEquals("[x](/relative)", shape("[x](/relative)"));
        assertEquals("javascript:alert(1)", shape("javascript:alert(1)"), "not an address");
        assertNull(FormattedText.allowedTarget("https://a.example/\"onmouseover=x"));
        assertNull(FormattedText.allowedTarget("https://a.example/ x"));
        assertNull(FormattedText.allowedTarget("https://"));
        assertEquals("HTTPS://A.EXAMPLE", FormattedText.allowedTarget("HTTPS://A.EXAMPLE"));
    }

    @Test
    void markupIsTextAndUnmatchedDelimitersStayAsTyped() {
        assertEquals("<img src=x onerror=alert(1)> & <b>hi</b>", shape("<img src=x onerror=alert(1)> & <b>hi</b>"));
        assertEquals("2 * 3 * 4 = 24 and snake_case_name", shape("2 * 3 * 4 = 24 and snake_case_name"));
        assertEquals("**unclosed and _half", shape("**unclosed and _half"));
        assertEquals("***** rating", shape("***** rating"));
        assertEquals("` lone backtick", shape("` lone backtick"));
        assertEquals("[not a link] (x)", shape("[not a link] (x)"));
    }

    @Test
    void hostileSizesStayFastAndOversizedTextIsPlain() {
        String stars = "*".repeat(9_999);
        long start = System.nanoTime();
        List<FormattedText.Block> blocks = FormattedText.format(stars);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 500, "linear on unmatched delimiters");
        assertEquals(stars, blocks.get(0).getSpans().get(0).getText());
        String mixed = "_*~`[(".repeat(1_600);
        String shown = String.join("", FormattedText.format(mixed).get(0).getSpans().stream()
                .map(FormattedText.Span::getText).toList());
        assertEquals(1_600, shown.chars().filter(ch -> ch == '[').count(), "text is kept; only delimiters that pair go");
        assertEquals(1_600, shown.chars().filter(ch -> ch == '(').count());
        String huge = "**bold** ".repeat(2_000);
        assertEquals(1, FormattedText.format(huge).get(0).getSpans().size(), "over 10,000 characters: shown as typed");
        assertEquals("", shape(""));
        assertEquals(1, FormattedText.format(null).size());
    }
}
