package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Ending: End chat's Clear and its confirmation, the deadline, Clear disabled, pending ends, expiry, starting anew. Fake clock, fake sockets ({@link SessionHarness}). */
class ChatEndingTest extends SessionHarness {
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
        assertEquals(List.of("hello"), seen.rows.stream().map(ChatEntry::text).toList(), "the transcript stays readable");
        assertNull(store.get("gcw.dep.token"), "the next chat is a new session");
        session.startNew();
        assertTrue(seen.rows.isEmpty(), "until a new chat starts");
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
    void aClearAnswered429GoesAgainWhenTheServiceAllowsWithinTheDeadline() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        List<Boolean> outcome = new ArrayList<>();
        session.end((ended, error) -> outcome.add(ended));
        String tracingId = s.last().path("tracingId").asString();
        s.receive(tooManyRequests(tracingId));
        assertEquals(1, s.frames().stream().filter(f -> "Clear".equals(presence(f))).count(), "not at once");
        clock.advance(1000);
        assertEquals(2, s.frames().stream().filter(f -> "Clear".equals(presence(f))).count(), "after retryAfter");
        assertEquals(tracingId, s.last().path("tracingId").asString(), "the same Clear");
        s.receive(event("SessionClearedEvent"));
        assertEquals(List.of(true), outcome);
        assertEquals(SessionState.ENDED, session.state());
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
    void endWhileTheSocketIsDownIsPendingAndSentOnReconnectRightAfterWhatWasTypedBeforeIt() {
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
        clock.advance(SendQueue.SPACING_MILLIS); // the queue's pace since "hello"
        assertEquals("unsent", next.last().path("message").path("text").asString(), "what was typed before the end goes");
        assertFalse(next.sentClear(), "and is answered before the Clear");
        next.receive(inbound(next.last().path("tracingId").asString(), "srv-1", "unsent", "2026-01-05T10:00:00.000Z"));
        assertEquals("Clear", presence(next.last()), "the end comes next, before anything else");
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

    /** Found by the live fuzz: a Start new chat between SessionClearedEvent and the service's close did nothing. */
    @Test
    void startNewRightAfterSessionClearedOpensAFreshSocketForTheNewToken() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        String oldToken = store.get("gcw.dep.token");
        s.receive(event("SessionClearedEvent")); // ConnectionClosedEvent and the close are still on their way
        assertEquals(SessionState.ENDED, session.state());
        assertTrue(s.closedByClient, "the cleared session's socket is let go of");
        session.startNew();
        assertEquals(2, sockets.opened.size(), "a fresh socket for the new conversation");
        sockets.last().opened();
        JsonNode configure = sockets.last().lastOf("configureSession");
        assertNotEquals(oldToken, configure.path("token").asString());
    }
}
