package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The connection's life: start, token, configure, heartbeat, backoff and reconnect, takeover, bad frames, destroy. Fake clock, fake sockets ({@link SessionHarness}). */
class ConnectionTest extends SessionHarness {
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
        assertEquals("wss://host/v1?deploymentId=dep&application=guest-chat-widget-0.2.0", s.url);
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
        s.receive("{\"type\":\"message\",\"class\":\"ResumeTokenResponse\",\"code\":200,\"body\":{}}");
        s.receive("{\"type\":\"message\",\"class\":\"UploadSuccessEvent\",\"code\":200,\"body\":{}}"); // not ours
        s.receive("{\"type\":\"message\",\"class\":\"LogoutEvent\",\"code\":200,\"body\":{}}"); // a guest has no sign-in
        s.receive("{\"class\":\"StructuredMessage\",\"body\":{\"direction\":1}}");
        assertEquals(SessionState.CONNECTED, session.state());
        assertEquals(2, warnings.size());
        assertTrue(seen.rows.isEmpty());
    }

    @Test
    void destroyReleasesSocketAndTimers() {
        Fakes.Socket s = connected(true);
        session.destroy();
        assertTrue(s.closedByClient);
        assertEquals(-1, clock.nextDelay(), "no timer left behind");
    }
}
