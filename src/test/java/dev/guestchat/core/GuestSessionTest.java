package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guestchat.protocol.JacksonJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every transition of the guest session, on a fake clock with fake sockets. */
class GuestSessionTest {
    final Fakes.Clock clock = new Fakes.Clock();
    final Fakes.Sockets sockets = new Fakes.Sockets();
    final Fakes.Store store = new Fakes.Store();
    final Fakes.History history = new Fakes.History();
    final Fakes.Ids ids = new Fakes.Ids();
    final Fakes.Tabs tabs = new Fakes.Tabs();
    final Fakes.Observer seen = new Fakes.Observer();
    final List<String> warnings = new ArrayList<>();
    GuestSession session = session(EndOnPageExit.LEAVE, "dep");

    GuestSession session(EndOnPageExit mode, String deployment) {
        return session(mode, deployment, false);
    }

    /** @param gecko the engine closes page sockets before pagehide, so exits end in beforeunload */
    GuestSession session(EndOnPageExit mode, String deployment, boolean gecko) {
        return new GuestSession(new SessionConfig(deployment, "wss://host/v1", mode, gecko), clock, sockets, store, history,
                ids, tabs, JacksonJson.PARSER, seen, warnings::add, new Backoff(() -> 0.5));
    }

    // ------------------------------------------------------------------ frame builders

    static String sessionResponse(boolean newSession, boolean readOnly) {
        return "{\"type\":\"response\",\"class\":\"SessionResponse\",\"code\":200,\"body\":{\"connected\":true,"
                + "\"newSession\":" + newSession + ",\"readOnly\":" + readOnly + "}}";
    }

    static String inbound(String tracingId, String id, String text, String time) {
        return "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200," + (tracingId == null ? ""
                : "\"tracingId\":\"" + tracingId + "\",") + "\"body\":{\"id\":\"" + id + "\",\"type\":\"Text\","
                + "\"direction\":\"Inbound\",\"text\":\"" + text + "\",\"channel\":{\"time\":\"" + time + "\"}}}";
    }

    static String outbound(String id, String text, String time) {
        return "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"body\":{\"id\":\"" + id + "\","
                + "\"type\":\"Text\",\"direction\":\"Outbound\",\"text\":\"" + text + "\",\"channel\":{\"time\":\"" + time
                + "\",\"from\":{\"nickname\":\"Dana\"}}}}";
    }

    static String event(String cls) {
        return "{\"type\":\"message\",\"class\":\"" + cls + "\",\"code\":200,\"body\":{}}";
    }

    static String error(int code, String text, String tracingId) {
        return "{\"type\":\"response\",\"class\":\"string\",\"code\":" + code + ",\"body\":\"" + text + "\""
                + (tracingId == null ? "" : ",\"tracingId\":\"" + tracingId + "\"") + "}";
    }

    static String presenceEcho(String tracingId, String type) {
        return "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"tracingId\":\"" + tracingId + "\","
                + "\"body\":{\"id\":\"p\",\"type\":\"Event\",\"direction\":\"Inbound\",\"events\":[{\"eventType\":\"Presence\","
                + "\"presence\":{\"type\":\"" + type + "\"}}]}}";
    }

    /** Connects and configures; returns the live socket. */
    Fakes.Socket connected(boolean newSession) {
        session.ensureConnected();
        Fakes.Socket s = sockets.last();
        s.opened();
        s.receive(sessionResponse(newSession, false));
        assertEquals(SessionState.CONNECTED, session.state());
        return s;
    }

    /** Sends text and acknowledges it like the server; returns the tracingId. */
    String chat(Fakes.Socket s, String text) {
        session.send(text);
        String tracing = s.last().path("tracingId").asString();
        s.receive(inbound(tracing, "srv-" + tracing, text, "2026-01-05T10:00:00.000Z"));
        return tracing;
    }

    static String presence(JsonNode frame) {
        return frame.path("message").path("events").path(0).path("presence").path("type").asString();
    }

    // ------------------------------------------------------------------ start and connect

    @Test
    void aPageWithNoConversationOpensNoSocket() {
        session.start();
        assertEquals(SessionState.IDLE, session.state());
        assertTrue(sockets.opened.isEmpty());
    }

    @Test
    void aStoredActiveConversationResumesOnStart() {
        store.put("gcw.dep.token", "tok-1");
        store.put("gcw.dep.active", "1");
        session.start();
        assertEquals(SessionState.CONNECTING, session.state());
        Fakes.Socket s = sockets.last();
        assertEquals("wss://host/v1?deploymentId=dep&application=guest-chat-widget-0.1", s.url);
        s.opened();
        JsonNode configure = s.last();
        assertEquals("configureSession", configure.path("action").asString());
        assertEquals("tok-1", configure.path("token").asString());
        assertEquals("dep", configure.path("deploymentId").asString());
        assertFalse(configure.path("startNew").asBoolean());
        s.receive(sessionResponse(false, false));
        assertEquals("getJwt", s.last().path("action").asString(), "a resumed session rebuilds its transcript");
    }

    @Test
    void aMissingDeploymentFailsClearlyWithoutASocket() {
        session = session(EndOnPageExit.LEAVE, "");
        session.start();
        session.ensureConnected();
        assertEquals(SessionState.FAILED, session.state());
        assertEquals("missing-deployment-id", seen.lastErrorReason());
        assertTrue(sockets.opened.isEmpty());
        assertFalse(session.send("hello?"));
    }

    @Test
    void theTokenIsCreatedOnceAndKeptPerDeployment() {
        connected(true);
        String token = store.get("gcw.dep.token");
        assertNotNull(token);
        assertEquals(token, sockets.last().frames().get(0).path("token").asString());
        assertNull(store.get("gcw.other.token"));
    }

    // ------------------------------------------------------------------ messages, outbox, dedupe

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
        assertEquals(4, Conversation.utf8Length("😀"), "a surrogate pair is four bytes");
        assertEquals(3, Conversation.utf8Length("€"));
    }

    // ------------------------------------------------------------------ heartbeat and reconnect

    @Test
    void heartbeatEchoesEvery60SecondsWhileAnswered() {
        Fakes.Socket s = connected(true);
        clock.advance(59_999);
        assertEquals(1, s.sent.size());
        clock.advance(1);
        JsonNode echo = s.last();
        assertEquals("echo", echo.path("action").asString());
        s.receive("{\"type\":\"response\",\"class\":\"StructuredMessage\",\"code\":200,\"tracingId\":\""
                + echo.path("tracingId").asString() + "\",\"body\":{\"type\":\"Text\",\"text\":\"ping\",\"direction\":\"Inbound\"}}");
        clock.advance(60_000);
        assertEquals(2, s.frames().stream().filter(f -> "echo".equals(f.path("action").asString())).count());
        assertTrue(seen.rows.isEmpty(), "echo replies are never shown");
    }

    @Test
    void anUnansweredEchoReconnects() {
        Fakes.Socket s = connected(true);
        clock.advance(60_000 + GuestConnection.HEARTBEAT_REPLY_MILLIS);
        assertTrue(s.closedByClient);
        assertEquals(SessionState.RECONNECTING, session.state());
        clock.advance(1000);
        assertEquals(2, sockets.opened.size());
    }

    @Test
    void reconnectBacksOffOneTwoFiveTenThirtySecondsAndResetsAfterSuccess() {
        connected(true);
        long[] expected = {1000, 2000, 5000, 10_000, 30_000, 30_000};
        for (long delay : expected) {
            sockets.last().drop(1006);
            assertEquals(SessionState.RECONNECTING, session.state());
            assertEquals(delay, clock.nextDelay());
            int count = sockets.opened.size();
            clock.advance(delay);
            assertEquals(count + 1, sockets.opened.size());
        }
        assertEquals(1, seen.errors.stream().filter(e -> e.reason().equals("connection-lost")).count(),
                "one outage, one error event, however many attempts");
        sockets.last().opened();
        sockets.last().receive(sessionResponse(false, false));
        sockets.last().drop(1006);
        assertEquals(1000, clock.nextDelay(), "backoff starts over after a good connection");
        assertEquals(2, seen.errors.stream().filter(e -> e.reason().equals("connection-lost")).count());
    }

    @Test
    void comingBackOnlineRetriesAtOnceInsteadOfWaitingOutTheBackoff() {
        connected(true);
        for (int i = 0; i < 4; i++) {
            sockets.last().drop(1006);
            clock.advance(clock.nextDelay()); // back off to 10 s, then 30 s
        }
        sockets.last().drop(1006);
        assertEquals(30_000, clock.nextDelay());
        int count = sockets.opened.size();
        session.retrySoon();
        assertEquals(count + 1, sockets.opened.size(), "retried now");
        assertEquals(-1, clock.nextDelay(), "the pending backoff timer is gone");
        session.retrySoon();
        assertEquals(count + 1, sockets.opened.size(), "a socket already opening is not opened twice");
    }

    @Test
    void retrySoonDoesNothingWhileConnectedOrEnded() {
        Fakes.Socket s = connected(true);
        session.retrySoon();
        assertEquals(1, sockets.opened.size());
        s.receive(event("SessionClearedEvent"));
        session.retrySoon();
        assertEquals(1, sockets.opened.size());
    }

    @Test
    void jitterStaysWithinTwentyPercent() {
        Backoff low = new Backoff(() -> 0.0);
        Backoff high = new Backoff(() -> 0.999);
        assertEquals(800, low.nextDelay());
        assertEquals(1200, Math.round(high.nextDelay() / 10.0) * 10);
    }

    @Test
    void noReconnectAfterClearedClosedOrExpired() {
        for (String terminal : List.of("SessionClearedEvent", "ConnectionClosedEvent", "SessionExpiredEvent")) {
            Fakes.Socket s = connected(true);
            s.receive(event(terminal));
            s.drop(1000);
            clock.advance(120_000);
            assertEquals(s, sockets.last(), terminal + " must not reconnect");
            session = session(EndOnPageExit.LEAVE, "dep");
        }
    }

    @Test
    void eventsFromAnAbandonedSocketAreIgnored() {
        Fakes.Socket first = connected(true);
        first.drop(1006);
        clock.advance(1000);
        Fakes.Socket second = sockets.last();
        first.receive(outbound("ghost", "from the old socket", "2026-01-05T10:00:00.000Z"));
        assertTrue(seen.rows.isEmpty());
        second.opened();
        second.receive(sessionResponse(false, false));
        assertEquals(SessionState.CONNECTED, session.state());
    }

    @Test
    void aConnectionTakenOverElsewhereSuspendsUntilAskedAgain() {
        Fakes.Socket s = connected(true);
        s.receive(event("ConnectionClosedEvent"));
        assertEquals(SessionState.SUSPENDED, session.state());
        assertEquals("connection-closed", seen.lastErrorReason());
        session.ensureConnected();
        assertEquals(2, sockets.opened.size());
    }

    @Test
    void malformedAndUnknownFramesAreLoggedAndIgnored() {
        Fakes.Socket s = connected(true);
        s.receive("garbage");
        s.receive("{\"type\":\"message\",\"class\":\"UploadSuccessEvent\",\"code\":200,\"body\":{}}");
        s.receive("{\"class\":\"StructuredMessage\",\"body\":{\"direction\":1}}");
        assertEquals(SessionState.CONNECTED, session.state());
        assertEquals(2, warnings.size());
        assertTrue(seen.rows.isEmpty());
    }

    // ------------------------------------------------------------------ End chat

    @Test
    void endSendsClearAndFinishesOnSessionCleared() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        List<Boolean> outcome = new ArrayList<>();
        session.end((ended, error) -> outcome.add(ended));
        JsonNode clear = s.last();
        assertEquals("Clear", presence(clear));
        assertEquals(SessionState.ENDING, session.state());
        s.receive(presenceEcho(clear.path("tracingId").asString(), "Clear"));
        assertEquals(SessionState.ENDING, session.state(), "the 200 echo is not the success signal");
        s.receive(event("SessionClearedEvent"));
        s.receive(event("ConnectionClosedEvent"));
        assertEquals(SessionState.ENDED, session.state());
        assertEquals(List.of(true), outcome);
        assertEquals(List.of(true), seen.ended);
        assertTrue(seen.rows.isEmpty(), "the transcript is removed");
        assertNull(store.get("gcw.dep.token"), "the next chat is a new session");
    }

    @Test
    void endNotConfirmedWithinFiveSecondsFailsAndCanBeRetried() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        List<WidgetError> failures = new ArrayList<>();
        session.end((ended, error) -> failures.add(error));
        clock.advance(ChatEnding.CLEAR_CONFIRM_MILLIS);
        assertEquals("end-timeout", failures.get(0).reason());
        assertEquals(SessionState.CONNECTED, session.state());
        session.end((ended, error) -> { });
        assertEquals(2, s.frames().stream().filter(f -> "Clear".equals(presence(f))).count());
    }

    @Test
    void clearDisabledIsReportedWithItsCode() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        List<WidgetError> failures = new ArrayList<>();
        session.end((ended, error) -> failures.add(error));
        s.receive(error(403, "Presence events Conversation Clear are not supported",
                s.last().path("tracingId").asString()));
        assertEquals(403, failures.get(0).code());
        assertEquals("clear-disabled", failures.get(0).reason());
        assertEquals(SessionState.CONNECTED, session.state());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("Conversation Clear")), "the admin fix is logged");
        assertNull(store.get("gcw.dep.pendingEnd"));
    }

    @Test
    void endingWithNothingSaidEndsLocally() {
        List<Boolean> outcome = new ArrayList<>();
        session.end((ended, error) -> outcome.add(ended));
        assertEquals(List.of(true), outcome);
        assertEquals(SessionState.ENDED, session.state());
        assertTrue(sockets.opened.isEmpty());
    }

    @Test
    void endWhileTheSocketIsDownIsPendingAndSentFirstOnReconnect() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        s.drop(1006);
        session.send("unsent");
        session.end((ended, error) -> { });
        assertEquals(SessionState.ENDING, session.state());
        assertEquals("1", store.get("gcw.dep.pendingEnd"));
        Fakes.Socket next = sockets.last();
        next.opened();
        next.receive(sessionResponse(false, false));
        assertEquals("Clear", presence(next.last()), "the end comes before anything else");
        assertTrue(next.frames().stream().noneMatch(f -> "unsent".equals(f.path("message").path("text").asString())));
        next.receive(event("SessionClearedEvent"));
        assertEquals(SessionState.ENDED, session.state());
        assertNull(store.get("gcw.dep.pendingEnd"));
    }

    @Test
    void aPendingEndSurvivesThePageAndIsSentByTheNextOne() {
        store.put("gcw.dep.token", "tok-9");
        store.put("gcw.dep.pendingEnd", "1");
        session.start();
        assertEquals(SessionState.ENDING, session.state());
        Fakes.Socket s = sockets.last();
        s.opened();
        s.receive(sessionResponse(false, false));
        assertEquals("Clear", presence(s.last()));
        assertEquals("tok-9", s.last().path("token").asString());
    }

    @Test
    void startNewAfterEndingUsesAFreshTokenAndAnEmptyTranscript() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        String oldToken = store.get("gcw.dep.token");
        session.end((ended, error) -> { });
        s.receive(event("SessionClearedEvent"));
        session.startNew();
        Fakes.Socket next = sockets.last();
        next.opened();
        assertFalse(oldToken.equals(next.last().path("token").asString()));
        next.receive(sessionResponse(true, false));
        assertEquals(SessionState.CONNECTED, session.state());
        assertTrue(seen.rows.isEmpty());
    }

    // ------------------------------------------------------------------ agent side

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
    void expiryEndsTheSession() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        s.receive(event("SessionExpiredEvent"));
        assertEquals(SessionState.ENDED, session.state());
        assertEquals(4006, seen.errors.get(0).code());
        assertEquals(List.of(false), seen.ended);
        assertNull(store.get("gcw.dep.token"));
    }

    // ------------------------------------------------------------------ history

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

    // ------------------------------------------------------------------ page exit

    @Test
    void leavingEndsAnActiveChatSynchronouslyOnTheOpenSocket() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        assertEquals(PageExitPolicy.Decision.END_NOW, session.pageHidden(true));
        assertEquals("Clear", presence(s.frames().get(s.frames().size() - 1)));
        assertEquals(SessionState.ENDED, session.state());
        assertNull(store.get("gcw.dep.token"));
        assertTrue(s.closedByClient);
    }

    @Test
    void aSameSiteNavigationSeenJustBeforeKeepsTheChatAndPageShowReconnects() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.sameSiteNavigationStarting();
        clock.advance(PageExitPolicy.SAME_SITE_WINDOW_MILLIS);
        assertEquals(PageExitPolicy.Decision.CLOSE_SOCKET, session.pageHidden(true));
        assertFalse(s.sentClear());
        assertTrue(s.closedByClient, "closed so the page can enter the back/forward cache");
        clock.advance(60_000);
        assertEquals(1, sockets.opened.size(), "no reconnect while hidden");
        session.pageShown();
        assertEquals(2, sockets.opened.size(), "back from the cache: reconnect");
    }

    @Test
    void anOldSameSiteClickDoesNotExplainALaterExit() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.sameSiteNavigationStarting();
        clock.advance(PageExitPolicy.SAME_SITE_WINDOW_MILLIS + 1);
        assertEquals(PageExitPolicy.Decision.END_NOW, session.pageHidden(true));
    }

    @Test
    void anotherTabHoldingTheChatKeepsIt() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        tabs.others = true;
        assertEquals(PageExitPolicy.Decision.CLOSE_SOCKET, session.pageHidden(true));
        assertFalse(s.sentClear());
    }

    @Test
    void neverModeOnlyClosesTheSocket() {
        session = session(EndOnPageExit.NEVER, "dep");
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        assertEquals(PageExitPolicy.Decision.CLOSE_SOCKET, session.pageHidden(true));
        assertFalse(s.sentClear());
    }

    @Test
    void alwaysModeIgnoresSameSiteNavigation() {
        session = session(EndOnPageExit.ALWAYS, "dep");
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.sameSiteNavigationStarting();
        assertEquals(PageExitPolicy.Decision.END_NOW, session.pageHidden(true));
        assertTrue(s.sentClear());
    }

    @Test
    void anOpenedPanelWithNothingSaidIsNotEndedOnExit() {
        Fakes.Socket s = connected(true);
        assertEquals(PageExitPolicy.Decision.CLOSE_SOCKET, session.pageHidden(true));
        assertFalse(s.sentClear());
    }

    @Test
    void leavingWhileTheSocketIsDownLeavesAPendingEnd() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        s.drop(1006);
        assertEquals(PageExitPolicy.Decision.END_LATER, session.pageHidden(true));
        assertEquals("1", store.get("gcw.dep.pendingEnd"));
    }

    @Test
    void anIdlePageHasNothingToDoOnExit() {
        assertEquals(PageExitPolicy.Decision.NOTHING, session.pageHidden(true));
    }

    @Test
    void destroyReleasesSocketAndTimers() {
        Fakes.Socket s = connected(true);
        session.destroy();
        assertTrue(s.closedByClient);
        assertEquals(-1, clock.nextDelay(), "no timer left behind");
    }

    // ------------------------------------------------------------------ page exit in each engine (issue 7)

    @Test
    void whereSocketsOutlivePagehideBeforeunloadLeavesTheDecisionToPagehide() {
        Fakes.Socket s = connected(true); // Chromium, WebKit: pagehide still sends, and knows about a Back
        chat(s, "hello");
        session.pageMayExit();
        assertFalse(s.sentClear());
        assertEquals(SessionState.CONNECTED, session.state(), "a page that stays after its prompt keeps the chat");
        assertEquals(PageExitPolicy.Decision.END_NOW, session.pageHidden(false));
        assertEquals(1, s.clears());
    }

    @Test
    void beforeunloadSendsTheClearAndPagehideOnlyTidiesUp() {
        session = session(EndOnPageExit.LEAVE, "dep", true);
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.pageMayExit();
        assertEquals(1, s.clears(), "Firefox: the last moment its socket still sends");
        assertEquals(SessionState.ENDING, session.state());
        assertEquals(PageExitPolicy.Decision.END_NOW, session.pageHidden(false));
        assertEquals(1, s.clears(), "one Clear per end");
        assertEquals(SessionState.ENDED, session.state());
        assertNull(store.get("gcw.dep.token"), "the next page starts fresh");
        assertFalse(s.closedByClient, "a tab closing right after beforeunload: closing could discard the Clear");
        s.holdsUnsent = true;
        session.exitCompleting();
        assertEquals(1, s.clears(), "still queued: not repeated");
        s.holdsUnsent = false;
        session.exitCompleting();
        assertEquals(2, s.clears(), "gone without leaving: repeated");
    }

    @Test
    void aPageThatStaysAfterBeforeunloadShowsTheEndedChat() {
        session = session(EndOnPageExit.LEAVE, "dep", true);
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.pageMayExit(); // the host's "leave this page?" prompt, then the customer stays
        s.receive(event("SessionClearedEvent"));
        assertEquals(SessionState.ENDED, session.state());
        assertEquals(List.of(true), seen.ended, "the host hears ended");
        assertNull(store.get("gcw.dep.token"));
    }

    @Test
    void firefoxClosingTheSocketBetweenBeforeunloadAndPagehideLeavesNoPendingEnd() {
        session = session(EndOnPageExit.LEAVE, "dep", true);
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.pageMayExit();
        s.drop(1001); // Firefox closes page sockets before pagehide; the Clear had already left
        assertEquals(PageExitPolicy.Decision.END_NOW, session.pageHidden(false));
        assertNull(store.get("gcw.dep.pendingEnd"), "the end is done, not pending for the next page");
        assertNull(store.get("gcw.dep.token"));
        assertEquals(1, sockets.opened.size(), "no reconnect after leaving");
        clock.advance(60_000);
        assertEquals(1, sockets.opened.size());
    }

    @Test
    void beforeunloadOnASameSiteNavigationOrWithAnotherTabSendsNothing() {
        session = session(EndOnPageExit.LEAVE, "dep", true);
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.sameSiteNavigationStarting();
        session.pageMayExit();
        tabs.others = true;
        clock.advance(PageExitPolicy.SAME_SITE_WINDOW_MILLIS + 1);
        session.pageMayExit();
        assertFalse(s.sentClear());
        assertEquals(SessionState.CONNECTED, session.state());
    }

    @Test
    void beforeunloadOnAnIdlePageOrInNeverModeSendsNothing() {
        session = session(EndOnPageExit.LEAVE, "dep", true);
        Fakes.Socket s = connected(true);
        session.pageMayExit();
        assertFalse(s.sentClear(), "nothing said: nothing to end");
        session = session(EndOnPageExit.NEVER, "dep2", true);
        Fakes.Socket n = connected(true);
        chat(n, "hello");
        session.pageMayExit();
        assertFalse(n.sentClear());
    }

    @Test
    void aPagehideClearTheEngineDroppedIsRepeatedInTheExitsLastEvent() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        assertEquals(PageExitPolicy.Decision.END_NOW, session.pageHidden(false));
        assertEquals(1, s.clears());
        assertFalse(s.closedByClient, "kept open until the exit's last event");
        assertEquals(SessionState.ENDED, session.state());
        s.holdsUnsent = false; // Firefox: the pagehide frame is gone
        session.exitCompleting(); // visibilitychange
        assertEquals(2, s.clears(), "repeated from visibilitychange/unload, which Firefox sends");
        assertFalse(s.closedByClient, "the browser closes it with the page; closing could discard the frame");
        s.holdsUnsent = true; // this time Firefox kept it
        session.exitCompleting(); // unload
        assertEquals(2, s.clears(), "not repeated while a Clear is on its way");
    }

    @Test
    void aRepeatTheEngineDroppedTooIsSentOnceMoreAtUnload() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.pageHidden(false);
        session.exitCompleting(); // visibilitychange: dropped again, nothing queued
        session.exitCompleting(); // unload
        assertEquals(3, s.clears());
    }

    @Test
    void aPagehideClearStillQueuedIsNotRepeated() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.pageHidden(false);
        s.holdsUnsent = true; // Chromium, WebKit: the frame is on its way
        session.exitCompleting();
        assertEquals(1, s.clears());
        assertFalse(s.closedByClient, "closing now could discard the queued Clear");
    }

    @Test
    void aCachedPageClosesItsSocketInPagehide() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.pageHidden(true);
        assertTrue(s.closedByClient, "no later event comes for a page entering the back/forward cache");
        session.exitCompleting();
        assertEquals(1, s.clears());
    }

    @Test
    void hidingTheTabWithoutLeavingSendsNothing() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.exitCompleting(); // visibilitychange to hidden: the customer switched tabs
        assertFalse(s.sentClear());
        assertFalse(s.closedByClient);
        assertEquals(SessionState.CONNECTED, session.state());
    }

    @Test
    void aPageRestoredBeforeItsExitCompletedDropsTheHeldSocket() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.pageHidden(false);
        session.pageShown();
        assertTrue(s.closedByClient);
        assertEquals(SessionState.ENDED, session.state());
    }

    @Test
    void aCachedPageWhoseChatWasEndedMeanwhileShowsItEnded() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.sameSiteNavigationStarting();
        session.pageHidden(true); // same-site link: the page is cached with its transcript
        store.map.remove("gcw.dep.token"); // the next page was left: its exit ended the chat
        store.map.remove("gcw.dep.active");
        session.pageShown(); // Back
        assertEquals(SessionState.ENDED, session.state());
        assertTrue(seen.rows.isEmpty(), "no transcript the server has wiped");
        assertEquals(List.of(true), seen.ended);
        assertEquals(1, sockets.opened.size(), "nothing to connect to");
    }

    @Test
    void aCachedPageJoinsTheConversationThatIsLiveNow() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.sameSiteNavigationStarting();
        session.pageHidden(true);
        session.pageShown(); // Back, the chat still on
        assertEquals(2, sockets.opened.size());
        assertTrue(seen.ended.isEmpty());
    }

    @Test
    void aClosingPageWhoseStorageThrowsStillEndsWithWhatItLastKnew() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        String token = store.get("gcw.dep.token");
        store.readable = false; // WebKit: the pagehide of a page closed by window.close()
        assertEquals(PageExitPolicy.Decision.END_NOW, session.pageHidden(false));
        assertEquals(token, s.lastOf("onMessage").path("token").asString(), "the Clear names the chat's token");
        assertEquals(1, s.clears());
    }

    @Test
    void unloadTakesTheDecisionAgainWhenPagehideEndedNothing() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        s.open = false; // Firefox closing a tab: the widget's pagehide saw no open socket
        assertEquals(PageExitPolicy.Decision.END_LATER, session.pageHidden(false));
        s.open = true; // yet the socket still sends from unload
        session.pageUnloading();
        assertEquals(1, s.clears());
        assertEquals(SessionState.ENDED, session.state());
    }

    @Test
    void unloadAfterASameSiteNavigationOrACompletedExitSendsNothingMore() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.sameSiteNavigationStarting();
        session.pageHidden(false); // the socket is closed so the page can be cached
        session.pageUnloading();
        assertFalse(s.sentClear());
        session = session(EndOnPageExit.LEAVE, "dep2");
        Fakes.Socket t = connected(true);
        chat(t, "hello");
        session.pageHidden(false);
        t.holdsUnsent = true;
        session.pageUnloading();
        assertEquals(1, t.clears(), "the pagehide Clear is on its way");
    }
}
