package dev.guestchat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding every server frame the widget uses (frames as in PROTOCOL.md §4), and garbage. */
class ServerFramesTest {
    final ServerFrames frames = new ServerFrames(JacksonJson.PARSER);

    @Test
    void sessionResponse() {
        var r = assertInstanceOf(ServerFrame.SessionResponse.class, frames.decode(
                "{\"type\":\"response\",\"class\":\"SessionResponse\",\"code\":200,\"tracingId\":\"a1\",\"body\":{\"connected\":true,"
                        + "\"newSession\":true,\"readOnly\":false,\"maxCustomDataBytes\":2048,\"durationSeconds\":259200.0,"
                        + "\"expirationDate\":1767868920}}"));
        assertEquals("a1", r.tracingId());
        assertTrue(r.connected());
        assertTrue(r.newSession());
        assertFalse(r.readOnly());
        assertEquals(2048, r.maxCustomDataBytes());
        assertEquals(259200, r.durationSeconds());
        assertEquals(1767868920L, r.expirationDate());
    }

    @Test
    void inboundCopyOfOwnMessage() {
        var m = assertInstanceOf(ServerFrame.StructuredMessage.class, frames.decode(
                "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"tracingId\":\"b2\",\"body\":{\"id\":\"e3\","
                        + "\"type\":\"Text\",\"direction\":\"Inbound\",\"text\":\"Hi\",\"channel\":{\"time\":\"2026-01-05T10:42:17.512Z\"},"
                        + "\"metadata\":{\"id\":\"c9\"}}}"));
        assertFalse(m.response());
        assertEquals("b2", m.tracingId());
        assertTrue(m.message().inbound());
        assertEquals("Hi", m.message().text());
        assertEquals("2026-01-05T10:42:17.512Z", m.message().time());
        assertEquals("c9", m.message().metadata().get("id"));
    }

    @Test
    void outboundAgentTextQuickRepliesTypingAndDisconnect() {
        var agent = (ServerFrame.StructuredMessage) frames.decode("{\"type\":\"message\",\"class\":\"StructuredMessage\","
                + "\"code\":200,\"body\":{\"id\":\"4e\",\"type\":\"Text\",\"direction\":\"Outbound\",\"text\":\"Hello\","
                + "\"originatingEntity\":\"Human\",\"channel\":{\"time\":\"t\",\"from\":{\"nickname\":\"Dana\"}}}}");
        assertFalse(agent.message().inbound());
        assertFalse(agent.message().bot());
        assertEquals("Dana", agent.message().nickname());
        var bot = (ServerFrame.StructuredMessage) frames.decode("{\"type\":\"message\",\"class\":\"StructuredMessage\","
                + "\"code\":200,\"body\":{\"id\":\"1f\",\"type\":\"Structured\",\"direction\":\"Outbound\",\"text\":\"Pick\","
                + "\"originatingEntity\":\"Bot\",\"content\":[{\"contentType\":\"QuickReply\",\"quickReply\":{\"text\":\"Track\","
                + "\"payload\":\"TRACK\",\"action\":\"Message\"}},{\"contentType\":\"Card\",\"card\":{}},"
                + "{\"contentType\":\"QuickReply\",\"quickReply\":{\"text\":\"Agent\"}}]}}");
        assertTrue(bot.message().bot());
        assertEquals(2, bot.message().quickReplies().size());
        assertEquals("TRACK", bot.message().quickReplies().get(0).payload());
        assertEquals("Agent", bot.message().quickReplies().get(1).payload(), "payload defaults to the text");
        var typing = (ServerFrame.StructuredMessage) frames.decode("{\"type\":\"message\",\"class\":\"StructuredMessage\","
                + "\"code\":200,\"body\":{\"id\":\"77\",\"type\":\"Event\",\"direction\":\"Outbound\",\"events\":[{\"eventType\":"
                + "\"Typing\",\"typing\":{\"type\":\"On\",\"duration\":5000}}]}}");
        assertTrue(typing.message().hasTyping());
        assertFalse(typing.message().isDisplayable());
        var disconnect = (ServerFrame.StructuredMessage) frames.decode("{\"type\":\"message\",\"class\":\"StructuredMessage\","
                + "\"code\":200,\"body\":{\"id\":\"d0\",\"type\":\"Event\",\"direction\":\"Outbound\",\"events\":[{\"eventType\":"
                + "\"Presence\",\"presence\":{\"type\":\"Disconnect\"}}],\"metadata\":{\"readOnly\":\"true\"}}}");
        assertTrue(disconnect.message().hasPresence("Disconnect"));
        assertEquals("true", disconnect.message().metadata().get("readOnly"));
    }

    @Test
    void echoReplyIsAResponse() {
        var echo = (ServerFrame.StructuredMessage) frames.decode("{\"type\":\"response\",\"class\":\"StructuredMessage\","
                + "\"code\":200,\"tracingId\":\"hc\",\"body\":{\"type\":\"Text\",\"text\":\"ping\",\"direction\":\"Inbound\"}}");
        assertTrue(echo.response());
    }

    @Test
    void sessionEvents() {
        assertInstanceOf(ServerFrame.SessionCleared.class,
                frames.decode("{\"type\":\"message\",\"class\":\"SessionClearedEvent\",\"code\":200,\"body\":{}}"));
        assertInstanceOf(ServerFrame.SessionExpired.class,
                frames.decode("{\"type\":\"message\",\"class\":\"SessionExpiredEvent\",\"code\":200,\"body\":{}}"));
        assertInstanceOf(ServerFrame.SessionExpired.class,
                frames.decode("{\"type\":\"response\",\"class\":\"SessionExpiredEvent\",\"code\":200,\"body\":{}}"));
        var closed = (ServerFrame.ConnectionClosed) frames.decode(
                "{\"type\":\"message\",\"class\":\"ConnectionClosedEvent\",\"code\":200,\"body\":{}}");
        assertNull(closed.reason());
        assertEquals("signedIn", ((ServerFrame.ConnectionClosed) frames.decode(
                "{\"type\":\"message\",\"class\":\"ConnectionClosedEvent\",\"body\":{\"reason\":\"signedIn\"}}")).reason());
        assertEquals("x", ((ServerFrame.ConnectionClosed) frames.decode(
                "{\"type\":\"message\",\"class\":\"ConnectionClosedEvent\",\"body\":{\"reasonCode\":\"x\"}}")).reason());
    }

    @Test
    void jwtAndRateLimit() {
        var jwt = (ServerFrame.JwtResponse) frames.decode(
                "{\"type\":\"response\",\"class\":\"JwtResponse\",\"code\":200,\"tracingId\":\"j\",\"body\":{\"jwt\":\"eyJ\",\"exp\":1767610620}}");
        assertEquals("eyJ", jwt.jwt());
        assertEquals(1767610620L, jwt.exp());
        var limited = (ServerFrame.TooManyRequests) frames.decode("{\"type\":\"response\",\"class\":\"TooManyRequestsErrorMessage\","
                + "\"code\":429,\"tracingId\":\"b7\",\"body\":{\"retryAfter\":3,\"errorCode\":4029,\"errorMessage\":\"too fast\"}}");
        assertEquals(3, limited.retryAfterSeconds());
        assertEquals(4029, limited.errorCode());
        assertEquals("b7", limited.tracingId());
    }

    @Test
    void errorFrames() {
        var clearOff = (ServerFrame.ErrorReply) frames.decode("{\"type\":\"response\",\"class\":\"string\",\"code\":403,"
                + "\"body\":\"Presence events Conversation Clear are not supported\",\"tracingId\":\"c\"}");
        assertEquals(403, clearOff.code());
        assertTrue(clearOff.isClearDisabled());
        var typingOff = (ServerFrame.ErrorReply) frames.decode("{\"type\":\"response\",\"class\":\"string\",\"code\":403,"
                + "\"body\":\"Turn on the Feature Toggle or fix the configuration.\"}");
        assertFalse(typingOff.isClearDisabled());
        var object = (ServerFrame.ErrorReply) frames.decode(
                "{\"type\":\"response\",\"class\":\"Error\",\"body\":{\"errorCode\":5000,\"errorMessage\":\"boom\"}}");
        assertEquals(5000, object.code());
        assertEquals("boom", object.text());
        var nonOk = (ServerFrame.ErrorReply) frames.decode("{\"type\":\"response\",\"class\":\"SessionResponse\",\"code\":4006}");
        assertEquals(4006, nonOk.code());
    }

    @Test
    void missingOrMistypedFieldsTakeTheirDefaults() {
        var bare = (ServerFrame.TooManyRequests) frames.decode("{\"class\":\"TooManyRequestsErrorMessage\",\"code\":429}");
        assertEquals(1, bare.retryAfterSeconds());
        assertEquals(4029, bare.errorCode());
        var typed = (ServerFrame.TooManyRequests) frames.decode("{\"class\":\"TooManyRequestsErrorMessage\",\"code\":429,"
                + "\"body\":{\"retryAfter\":\"3\",\"errorCode\":true}}");
        assertEquals(1, typed.retryAfterSeconds(), "a string is no number");
        assertEquals(4029, typed.errorCode());
        var both = (ServerFrame.ErrorReply) frames.decode(
                "{\"class\":\"Error\",\"code\":400,\"body\":{\"errorCode\":5000,\"errorMessage\":\"boom\"}}");
        assertEquals(400, both.code(), "the frame's own code wins over the body's");
        var none = (ServerFrame.ErrorReply) frames.decode("{\"class\":\"Error\",\"body\":{\"errorMessage\":\"boom\"}}");
        assertEquals(200, none.code());
        var session = (ServerFrame.SessionResponse) frames.decode(
                "{\"class\":\"SessionResponse\",\"code\":200,\"body\":{\"connected\":\"yes\",\"readOnly\":1}}");
        assertFalse(session.connected());
        assertFalse(session.readOnly());
        assertEquals(2048, session.maxCustomDataBytes());
        var upload = (ServerFrame.UploadResult) frames.decode("{\"class\":\"UploadFailureEvent\",\"code\":4001,\"body\":{}}");
        assertEquals(4001, upload.errorCode(), "no errorCode in the body: the frame's code");
    }

    @Test
    void framesWithoutTheirBodyAreMalformedAndBodilessEventsNeedNone() {
        for (String cls : new String[] {"SessionResponse", "StructuredMessage", "PresignedUrlResponse", "JwtResponse"}) {
            assertInstanceOf(ServerFrame.Malformed.class, frames.decode("{\"class\":\"" + cls + "\",\"code\":200}"), cls);
        }
        assertInstanceOf(ServerFrame.Malformed.class,
                frames.decode("{\"class\":\"PresignedUrlResponse\",\"code\":200,\"body\":{\"attachmentId\":\"a\"}}"));
        assertInstanceOf(ServerFrame.SessionCleared.class, frames.decode("{\"class\":\"SessionClearedEvent\"}"));
        assertInstanceOf(ServerFrame.SessionExpired.class, frames.decode("{\"class\":\"SessionExpiredEvent\"}"));
        assertInstanceOf(ServerFrame.LoggedOut.class, frames.decode("{\"class\":\"LogoutEvent\"}"));
        var closed = (ServerFrame.ConnectionClosed) frames.decode("{\"class\":\"ConnectionClosedEvent\"}");
        assertNull(closed.reason());
        assertInstanceOf(ServerFrame.Unknown.class, frames.decode("{\"class\":\"ResumeTokenResponse\",\"code\":200}"));
    }

    @Test
    void unknownClassesAreUnknownNotErrors() {
        var u = (ServerFrame.Unknown) frames.decode("{\"type\":\"message\",\"class\":\"ResumeTokenResponse\",\"code\":200,\"body\":{}}");
        assertEquals("ResumeTokenResponse", u.frameClass());
        assertTrue(frames.decode("{\"type\":\"message\",\"class\":\"LogoutEvent\",\"code\":200,\"body\":{}}")
                instanceof ServerFrame.LoggedOut, "§4.6");
        var hologram = (ServerFrame.StructuredMessage) frames.decode("{\"type\":\"message\",\"class\":\"StructuredMessage\","
                + "\"body\":{\"id\":\"h\",\"direction\":\"Outbound\",\"events\":[{\"eventType\":\"Hologram\"},{\"noType\":1}]}}");
        assertEquals("Hologram", hologram.message().events().get(0).eventType());
        assertEquals("Unknown", hologram.message().events().get(1).eventType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "null", "42", "\"text\"", "{\"type\":\"message\"}",
            "{\"class\":\"StructuredMessage\",\"body\":\"no object\"}", "{\"class\":\"SessionResponse\"}",
            "{\"class\":\"JwtResponse\",\"body\":{}}", "{\"class\":5,\"body\":{}}", "{\"class\":\"StructuredMessage\",\"body\":"
            + "{\"direction\":42,\"text\":[1],\"channel\":\"x\",\"events\":\"x\",\"content\":[null,1]}}"})
    void garbageNeverThrows(String text) {
        ServerFrame f = frames.decode(text);
        assertTrue(f instanceof ServerFrame.Malformed || f instanceof ServerFrame.StructuredMessage
                || f instanceof ServerFrame.ErrorReply, String.valueOf(f));
    }

    @Test
    void nullTextAndThrowingParsersAreMalformed() {
        assertInstanceOf(ServerFrame.Malformed.class, frames.decode(null));
        ServerFrames throwing = new ServerFrames(t -> {
            throw new IllegalStateException("parser bug");
        });
        assertInstanceOf(ServerFrame.Malformed.class, throwing.decode("{}"));
    }

    @Test
    void historyPageIsNewestFirstWithPaging() {
        HistoryPage page = HistoryPage.decode(JacksonJson.PARSER, "{\"entities\":[{\"id\":\"2\",\"type\":\"Text\","
                + "\"direction\":\"Outbound\",\"text\":\"Hello\",\"channel\":{\"time\":null}},{\"id\":\"1\",\"type\":\"Text\","
                + "\"direction\":\"Inbound\",\"text\":\"Hi\"}],\"pageSize\":25,\"pageNumber\":1,\"total\":30,\"pageCount\":2}");
        assertEquals(2, page.messages().size());
        assertEquals("2", page.messages().get(0).id());
        assertNull(page.messages().get(0).time(), "time:null is tolerated");
        assertTrue(page.hasMore());
        assertNull(HistoryPage.decode(JacksonJson.PARSER, "garbage"));
        assertFalse(HistoryPage.decode(JacksonJson.PARSER, "{\"entities\":[]}").hasMore());
    }
}
