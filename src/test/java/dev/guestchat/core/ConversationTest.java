package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What is said: own and agent messages, delivery marks, rate limits and rejections, custom attributes, typing, read-only, history. Fake clock, fake sockets ({@link SessionHarness}). */
class ConversationTest extends SessionHarness {
    @Test
    void ownMessagesAreShownOnceAndAcknowledgedByTracingId() {
        Fakes.Socket s = connected(true);
        session.send("  Hi there  ");
        JsonNode frame = s.last();
        assertEquals("onMessage", frame.path("action").asString());
        assertEquals("Hi there", frame.path("message").path("text").asString());
        assertEquals(ChatEntry.Delivery.SENDING, seen.rows.get(0).delivery());
        String tracing = frame.path("tracingId").asString();
        s.receive(inbound(tracing, "m1", "Hi there", "2026-01-05T10:00:00.000Z"));
        assertEquals(1, seen.rows.size());
        assertEquals(ChatEntry.Delivery.DELIVERED, seen.rows.get(0).delivery());
        assertEquals("m1", seen.rows.get(0).key());
        s.receive(inbound(null, "m1", "Hi there", "2026-01-05T10:00:00.000Z"));
        assertEquals(1, seen.rows.size(), "the same server message never shows twice");
        assertTrue(seen.received.isEmpty(), "own messages are not 'received'");
        assertTrue(store.get("gcw.dep.active") != null, "a guest message makes the conversation active");
    }

    @Test
    void emptyTextIsNotSent() {
        Fakes.Socket s = connected(true);
        assertFalse(session.send("   "));
        assertFalse(session.send(null));
        assertEquals(1, s.sent.size()); // only configureSession
    }

    @Test
    void messagesTypedWhileDisconnectedAreQueuedAndSentInOrderAtTheServiceRate() {
        session.send("first");
        session.send("second");
        assertEquals(2, seen.rows.size());
        Fakes.Socket s = sockets.last();
        s.opened();
        s.receive(sessionResponse(true, false));
        assertEquals("first", s.last().path("message").path("text").asString());
        clock.advance(SendQueue.SPACING_MILLIS);
        assertEquals("first", s.last().path("message").path("text").asString(), "the second waits for the first's answer");
        String first = s.last().path("tracingId").asString();
        s.receive(inbound(first, "m1", "first", "2026-01-05T10:00:00.000Z"));
        assertEquals("second", s.last().path("message").path("text").asString());
        assertEquals(2, seen.rows.size(), "new session keeps what is still being sent");
    }

    @Test
    void agentMessagesAreReceivedOrderedByServerTimeAndDeduplicated() {
        Fakes.Socket s = connected(true);
        s.receive(outbound("a2", "second", "2026-01-05T10:00:02.000Z"));
        s.receive(outbound("a1", "first", "2026-01-05T10:00:01.000Z"));
        s.receive(outbound("a2", "second", "2026-01-05T10:00:02.000Z"));
        assertEquals(List.of("first", "second"), seen.rows.stream().map(ChatEntry::text).toList());
        assertEquals(2, seen.received.size());
        assertEquals("Dana", seen.rows.get(0).name());
        assertEquals(ChatEntry.Sender.AGENT, seen.rows.get(0).sender());
    }

    @Test
    void inboundMessagesFromAnotherTabAppear() {
        Fakes.Socket s = connected(true);
        s.receive(inbound("other-tab-tracing", "x1", "typed elsewhere", "2026-01-05T10:00:00.000Z"));
        assertEquals("typed elsewhere", seen.rows.get(0).text());
        assertEquals(ChatEntry.Sender.CUSTOMER, seen.rows.get(0).sender());
    }

    @Test
    void rateLimitedMessagesAreResentAfterRetryAfter() {
        Fakes.Socket s = connected(true);
        session.send("fast");
        String tracing = s.last().path("tracingId").asString();
        int before = s.sent.size();
        s.receive("{\"type\":\"response\",\"class\":\"TooManyRequestsErrorMessage\",\"code\":429,\"tracingId\":\""
                + tracing + "\",\"body\":{\"retryAfter\":2,\"errorCode\":4029}}");
        clock.advance(1999);
        assertEquals(before, s.sent.size());
        clock.advance(1);
        assertEquals(tracing, s.last().path("tracingId").asString(), "the same message, not a copy");
    }

    @Test
    void contentRejectionsMarkTheMessageFailedAndTellTheHost() {
        Fakes.Socket s = connected(true);
        session.send("x".repeat(10));
        String tracing = s.last().path("tracingId").asString();
        s.receive(error(4011, "message too long", tracing));
        assertEquals(ChatEntry.Delivery.FAILED, seen.rows.get(0).delivery());
        assertEquals(4011, seen.errors.get(0).code());
        s.drop(1006);
        clock.advance(1000);
        sockets.last().opened();
        sockets.last().receive(sessionResponse(false, false));
        assertTrue(sockets.last().frames().stream().noneMatch(f -> "onMessage".equals(f.path("action").asString())),
                "a rejected message is not resent");
    }

    @Test
    void serverFailuresOnAMessageAreRetried() {
        Fakes.Socket s = connected(true);
        session.send("retry me");
        String tracing = s.last().path("tracingId").asString();
        s.receive(error(5000, "Unexpected server error", tracing));
        clock.advance(2000);
        assertEquals(tracing, s.last().path("tracingId").asString());
        assertEquals(ChatEntry.Delivery.SENDING, seen.rows.get(0).delivery());
    }

    @Test
    void customAttributesRideWithTheNextMessageOnlyAndTheByteBudgetIsEnforced() {
        Fakes.Socket s = connected(true);
        assertNull(session.setCustomAttributes(dev.guestchat.protocol.StringPairs.of("orderId", "A-1042")));
        session.send("first");
        assertEquals("A-1042", s.last().path("message").path("channel").path("metadata").path("customAttributes")
                .path("orderId").asString());
        s.receive(inbound(s.last().path("tracingId").asString(), "m1", "first", "2026-01-05T10:00:00.000Z"));
        clock.advance(SendQueue.SPACING_MILLIS);
        session.send("second");
        assertTrue(s.last().path("message").path("channel").isMissingNode(), "sent once, with the next message");
        WidgetError tooBig = session.setCustomAttributes(dev.guestchat.protocol.StringPairs.of("k", "é".repeat(1024)));
        assertEquals("custom-attributes-too-large", tooBig.reason(), "2,049 UTF-8 bytes with the key");
        assertNull(session.setCustomAttributes(dev.guestchat.protocol.StringPairs.of("k", "é".repeat(1023) + "x")),
                "2,048 bytes fit exactly");
        assertEquals(4, dev.guestchat.protocol.StringPairs.utf8Length("😀"), "a surrogate pair is four bytes");
        assertEquals(3, dev.guestchat.protocol.StringPairs.utf8Length("€"));
    }

    @Test
    void readOnlyDisconnectRefusesSendingUntilStartNewOnTheSameToken() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        s.receive("{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"body\":{\"id\":\"d\",\"type\":\"Event\","
                + "\"direction\":\"Outbound\",\"events\":[{\"eventType\":\"Presence\",\"presence\":{\"type\":\"Disconnect\"}}],"
                + "\"metadata\":{\"readOnly\":\"true\"}}}");
        assertEquals(SessionState.READ_ONLY, session.state());
        assertEquals(List.of(false), seen.ended);
        assertFalse(session.send("more"));
        assertEquals(409, seen.errors.get(seen.errors.size() - 1).code());
        String token = store.get("gcw.dep.token");
        session.startNew();
        JsonNode configure = s.last();
        assertEquals("configureSession", configure.path("action").asString());
        assertTrue(configure.path("startNew").asBoolean());
        assertEquals(token, configure.path("token").asString());
        s.receive(sessionResponse(true, false));
        assertEquals(SessionState.CONNECTED, session.state());
    }

    @Test
    void typingShowsForFiveSecondsOrUntilTheMessage() {
        Fakes.Socket s = connected(true);
        s.receive("{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"body\":{\"id\":\"t\",\"type\":\"Event\","
                + "\"direction\":\"Outbound\",\"events\":[{\"eventType\":\"Typing\",\"typing\":{\"type\":\"On\"}}]}}");
        assertTrue(seen.typing);
        clock.advance(4999);
        assertTrue(seen.typing);
        s.receive(outbound("a", "done typing", "2026-01-05T10:00:00.000Z"));
        assertFalse(seen.typing);
    }

    @Test
    void historyIsMergedWithoutDuplicatesAcrossPages() {
        Fakes.Socket s = resumed();
        String jwtTracing = s.last().path("tracingId").asString();
        s.receive("{\"type\":\"response\",\"class\":\"JwtResponse\",\"code\":200,\"tracingId\":\"" + jwtTracing
                + "\",\"body\":{\"jwt\":\"J\",\"exp\":1}}");
        assertEquals(1, history.requests.size());
        assertEquals("J", history.requests.get(0).jwt());
        history.requests.get(0).callback().onPage("{\"entities\":[" + entity("h3", "Outbound", "three", "03")
                + "," + entity("h2", "Inbound", "two", "02") + "],\"pageNumber\":1,\"pageCount\":2}");
        assertEquals(2, history.requests.size());
        history.requests.get(1).callback().onPage("{\"entities\":[" + entity("h1", "Outbound", "one", "01")
                + "," + entity("h2", "Inbound", "two", "02") + "],\"pageNumber\":2,\"pageCount\":2}");
        assertEquals(List.of("one", "two", "three"), seen.rows.stream().map(ChatEntry::text).toList());
        assertTrue(seen.received.isEmpty(), "history is not 'new messages'");
    }

    @Test
    void lateHistoryOfAnEndedSessionIsDropped() {
        Fakes.Socket s = resumed();
        s.receive("{\"type\":\"response\",\"class\":\"JwtResponse\",\"code\":200,\"body\":{\"jwt\":\"J\",\"exp\":1}}");
        s.receive(event("SessionClearedEvent"));
        history.requests.get(0).callback().onPage("{\"entities\":[" + entity("h1", "Outbound", "old", "01") + "]}");
        assertTrue(seen.rows.isEmpty());
    }

    /** A page start with a stored active conversation, configured as resumed (newSession false). */
    Fakes.Socket resumed() {
        store.put("gcw.dep.token", "tok");
        store.put("gcw.dep.active", "1");
        session.start();
        Fakes.Socket s = sockets.last();
        s.opened();
        s.receive(sessionResponse(false, false));
        return s;
    }

    static String entity(String id, String direction, String text, String second) {
        return "{\"id\":\"" + id + "\",\"type\":\"Text\",\"direction\":\"" + direction + "\",\"text\":\"" + text
                + "\",\"channel\":{\"time\":\"2026-01-05T10:00:" + second + ".000Z\"}}";
    }

    @Test
    void aQuickReplyIsAnsweredWithAButtonResponseCarryingItsPayloadAndOrigin() {
        Fakes.Socket s = connected(true);
        s.receive("{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"body\":{\"id\":\"offer-1\","
                + "\"type\":\"Structured\",\"direction\":\"Outbound\",\"text\":\"What would you like to do?\","
                + "\"originatingEntity\":\"Bot\",\"channel\":{\"time\":\"2026-01-05T10:41:02.118Z\"},\"content\":["
                + "{\"contentType\":\"QuickReply\",\"quickReply\":{\"text\":\"Track my order\",\"payload\":\"TRACK\"}}]}}");
        assertEquals("TRACK", seen.rows.get(0).quickReplies().get(0).payload());
        assertTrue(session.choose("Track my order", "TRACK", "offer-1", "QuickReply"));
        JsonNode m = s.last().path("message");
        assertEquals("Structured", m.path("type").asString());
        assertEquals("Track my order", m.path("text").asString());
        JsonNode br = m.path("content").path(0).path("buttonResponse");
        assertEquals("QuickReply", br.path("type").asString());
        assertEquals("TRACK", br.path("payload").asString());
        assertEquals("offer-1", br.path("originatingMessageId").asString());
        assertEquals("Track my order", seen.rows.get(1).text(), "shown as the customer's message");
        assertEquals(ChatEntry.Sender.CUSTOMER, seen.rows.get(1).sender());
        s.receive(inbound(s.last().path("tracingId").asString(), "m2", "Track my order", "2026-01-05T10:41:05.000Z"));
        assertEquals(ChatEntry.Delivery.DELIVERED, seen.rows.get(1).delivery(), "acknowledged like any message");
    }
}
