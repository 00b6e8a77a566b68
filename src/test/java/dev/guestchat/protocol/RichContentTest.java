package dev.guestchat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Content items (§4.2): what the widget draws from each type, and what it refuses to pass on. */
class RichContentTest {
    final ServerFrames frames = new ServerFrames(JacksonJson.PARSER);

    WireMessage message(String text, String content) {
        var frame = (ServerFrame.StructuredMessage) frames.decode("{\"type\":\"message\",\"class\":\"StructuredMessage\","
                + "\"code\":200,\"body\":{\"id\":\"m\",\"type\":\"Structured\",\"direction\":\"Outbound\","
                + (text == null ? "" : "\"text\":\"" + text + "\",") + "\"content\":" + content + "}}");
        return frame.message();
    }

    @Test
    void cardsWithPostbackAndLinkButtons() {
        WireMessage m = message("Pick a plan", "[{\"contentType\":\"Card\",\"card\":{\"title\":\"Basic\",\"description\":"
                + "\"5 GB\",\"image\":\"https://example.invalid/basic.png\",\"defaultAction\":{\"type\":\"Link\",\"url\":"
                + "\"https://example.invalid/basic\"},\"actions\":[{\"type\":\"Postback\",\"text\":\"Choose Basic\","
                + "\"payload\":\"PLAN_BASIC\"},{\"type\":\"Link\",\"text\":\"Compare\",\"url\":\"https://example.invalid/compare\"},"
                + "{\"type\":\"Hologram\",\"text\":\"?\"},{\"type\":\"Postback\"}]}}]");
        RichContent c = m.content();
        assertEquals(1, c.cards().size());
        assertFalse(c.carousel(), "one card is no carousel");
        RichContent.Card card = c.cards().get(0);
        assertEquals("Basic", card.title());
        assertEquals("5 GB", card.description());
        assertEquals("https://example.invalid/basic.png", card.image());
        assertEquals("https://example.invalid/basic", card.url());
        assertEquals(2, card.actions().size(), "unknown button types and buttons without a label are left out");
        assertEquals("PLAN_BASIC", card.actions().get(0).payload());
        assertNull(card.actions().get(0).url());
        assertEquals("https://example.invalid/compare", card.actions().get(1).url());
        assertTrue(m.isDisplayable());
    }

    @Test
    void aCarouselAndQuickRepliesOfBothVersions() {
        WireMessage m = message(null, "[{\"contentType\":\"Carousel\",\"carousel\":{\"cards\":[{\"title\":\"A\"},"
                + "{\"title\":\"B\"},{\"title\":\"C\"}]}},{\"contentType\":\"QuickReplyV2\",\"quickReplyV2\":{\"title\":"
                + "\"Or choose\",\"actions\":[{\"text\":\"Yes\",\"payload\":\"Y\"},{\"text\":\"No\"}]}},"
                + "{\"contentType\":\"QuickReply\",\"quickReply\":{\"text\":\"Maybe\",\"payload\":\"M\"}}]");
        RichContent c = m.content();
        assertTrue(c.carousel());
        assertEquals(3, c.cards().size());
        assertEquals(3, c.quickReplies().size());
        assertEquals("Y", c.quickReplies().get(0).payload());
        assertEquals("No", c.quickReplies().get(1).payload(), "a payload defaults to the label");
        assertEquals("Or choose", c.extraText(), "the V2 title is shown as text");
    }

    @Test
    void unknownTypesGiveTheirWordsAndNothingElse() {
        WireMessage m = message(null, "[{\"contentType\":\"ListPicker\",\"listPicker\":{\"title\":\"Pick one\"}},"
                + "{\"contentType\":\"Hologram\",\"hologram\":{\"text\":\"beam me\"}},{\"contentType\":\"Mystery\"},"
                + "{\"noType\":true},\"not an object\"]");
        assertEquals("Pick one\\nbeam me".replace("\\n", "\n"), m.content().extraText());
        assertTrue(m.content().cards().isEmpty());
        assertTrue(m.isDisplayable());
        assertFalse(message(null, "[{\"contentType\":\"Mystery\"}]").isDisplayable(), "nothing to show: no row");
    }

    @Test
    void onlyWebAddressesPassAndFilesKeepTheirNames() {
        WireMessage m = message(null, "[{\"contentType\":\"Card\",\"card\":{\"title\":\"x\",\"image\":\"javascript:alert(1)\","
                + "\"defaultAction\":{\"type\":\"Link\",\"url\":\"data:text/html,<script>\"},\"actions\":[{\"type\":\"Link\","
                + "\"text\":\"evil\",\"url\":\"javascript:alert(1)\"},{\"type\":\"Link\",\"text\":\"spaced\",\"url\":"
                + "\"https://a.example/x y\"},{\"type\":\"Link\",\"text\":\"ok\",\"url\":\"HTTPS://a.example/ok\"}]}},"
                + "{\"contentType\":\"Attachment\",\"attachment\":{\"id\":\"f1\",\"mediaType\":\"Image\",\"filename\":"
                + "\"<img src=x onerror=alert(1)>.png\",\"url\":\"data:image/png;base64,AAAA\"}},"
                + "{\"contentType\":\"Attachment\",\"attachment\":{\"id\":\"f2\",\"mediaType\":\"File\",\"url\":"
                + "\"https://down.example/f2\"}}]");
        RichContent.Card card = m.content().cards().get(0);
        assertNull(card.image());
        assertNull(card.url());
        assertEquals(1, card.actions().size(), "links to javascript:, data: or with spaces are left out");
        assertEquals("HTTPS://a.example/ok", card.actions().get(0).url());
        RichContent.Attachment picture = m.content().attachments().get(0);
        assertNull(picture.url(), "a data: picture is not shown");
        assertEquals("<img src=x onerror=alert(1)>.png", picture.filename(), "a name is text, shown as text");
        assertEquals("file", m.content().attachments().get(1).filename(), "a file without a name still has one");
        assertFalse(m.content().attachments().get(1).image());
        assertTrue(m.content().withUrl("f2", "javascript:x").attachments().get(1).url() == null,
                "a renewed address is checked too");
    }

    @Test
    void allowedMediaFromTheSessionAndFromTheConfig() {
        var session = (ServerFrame.SessionResponse) frames.decode("{\"type\":\"response\",\"class\":\"SessionResponse\","
                + "\"code\":200,\"body\":{\"connected\":true,\"allowedMedia\":{\"inbound\":{\"fileTypes\":[{\"type\":"
                + "\"image/*\"},{\"type\":\"application/pdf\"}],\"maxFileSizeKB\":2}}}}");
        AllowedMedia media = session.media();
        assertTrue(media.permitsType("image/png"));
        assertTrue(media.permitsType("IMAGE/JPEG"));
        assertTrue(media.permitsType("application/pdf"));
        assertFalse(media.permitsType("application/pdfx"));
        assertFalse(media.permitsType("text/html"));
        assertEquals(2048, media.maxBytes());
        assertNull(((ServerFrame.SessionResponse) frames.decode("{\"type\":\"response\",\"class\":\"SessionResponse\","
                + "\"code\":200,\"body\":{\"connected\":true}}")).media(), "not said: unknown");
        var config = JacksonJson.PARSER.parseObject("{\"enableAttachments\":true,\"modes\":[{\"fileTypes\":[\"image/png\"],"
                + "\"maxFileSizeKB\":10240}]}");
        assertTrue(AllowedMedia.fromConfig(config).permitsType("image/png"));
        assertFalse(AllowedMedia.fromConfig(JacksonJson.PARSER.parseObject("{\"enableAttachments\":false}")).enabled());
        assertTrue(AllowedMedia.fromConfig(JacksonJson.PARSER.parseObject("{\"enableAttachments\":true,\"modes\":[{\"fileTypes\":[\"*/*\"]}]}"))
                .permitsType("text/plain"));
    }
}
