package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The deployment's config.json read at start (§8): unknown deployment, Clear switched off, guest typing off, noise. */
class DeploymentPreflightTest extends SessionHarness {
    static String config(boolean clear, boolean guestTyping) {
        return "{\"id\":\"dep\",\"status\":\"Active\",\"messenger\":{\"enabled\":true,\"apps\":{\"conversations\":{"
                + "\"showUserTypingIndicator\":" + guestTyping + ",\"conversationClear\":{\"enabled\":" + clear + "}}}}}";
    }

    @Test
    void anUnknownDeploymentFailsAtOnceWithAPreciseMessageInsteadOfRetrying() {
        session.start();
        session.ensureConnected(); // the customer opened the panel before the answer came
        Fakes.Socket s = sockets.last();
        deploymentConfig.answer(404, "{\"message\":\"deployment not found\"}");
        assertEquals(SessionState.FAILED, session.state());
        assertEquals("unknown-deployment", seen.lastErrorReason());
        assertEquals(404, seen.errors.get(seen.errors.size() - 1).code());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("does not know deployment dep")), warnings.toString());
        assertTrue(s.closedByClient, "the handshake is not left to be refused and retried");
        int opened = sockets.opened.size();
        clock.advance(120_000);
        session.ensureConnected();
        assertEquals(opened, sockets.opened.size(), "no reconnect, ever");
        assertFalse(session.send("anyone there?"));
    }

    @Test
    void clearSwitchedOffWarnsTheSiteOwnerAtLoadAndChangesNothingForTheCustomer() {
        session.start();
        deploymentConfig.answer(200, config(false, true));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("Conversation Clear is disabled for deployment dep")),
                warnings.toString());
        assertEquals(SessionState.IDLE, session.state());
        assertTrue(seen.errors.isEmpty(), "the customer is told only if End chat fails, as before");
        Fakes.Socket s = connected(true);
        chat(s, "hello");
    }

    @Test
    void aDeploymentWithoutGuestTypingGetsNoTypingEvents() {
        session.start();
        deploymentConfig.answer(200, config(true, false));
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.customerTyping();
        assertEquals(0, s.frames().stream().filter(f -> "Typing".equals(
                f.path("message").path("events").path(0).path("eventType").asString())).count());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void refusedHandshakesForAKnownDeploymentNameTheAllowListOnceAndKeepRetrying() {
        session.start();
        deploymentConfig.answer(200, config(true, true));
        session.ensureConnected();
        for (int attempt = 1; attempt <= GuestConnection.ORIGIN_SUSPECTED_AFTER + 2; attempt++) {
            sockets.last().drop(1006); // closed before it ever opened: what a page sees of an HTTP 403 on upgrade
            if (attempt < GuestConnection.ORIGIN_SUSPECTED_AFTER) {
                assertEquals("unreachable", seen.lastErrorReason(), "one refusal may be a blip");
                assertTrue(warnings.isEmpty(), warnings.toString());
            }
            clock.advance(60_000);
        }
        assertEquals(List.of("unreachable", "origin-not-allowed"), seen.errors.stream().map(WidgetError::reason).toList(),
                "told once each");
        assertEquals(1, warnings.stream().filter(w -> w.contains("deployment dep exists")
                && w.contains("Messenger Deployments")).count(), warnings.toString());
        assertEquals(SessionState.RECONNECTING, session.state(), "the allow-list may be fixed while the page is open");
        Fakes.Socket s = sockets.last();
        s.opened();
        s.receive(sessionResponse(true, false));
        assertEquals(SessionState.CONNECTED, session.state(), "an allowed origin chats as usual");
    }

    @Test
    void refusedHandshakesWithoutAKnownDeploymentAreAnOutageOnly() {
        session.start();
        deploymentConfig.answer(0, ""); // the CDN did not answer either
        session.ensureConnected();
        for (int attempt = 1; attempt <= GuestConnection.ORIGIN_SUSPECTED_AFTER + 1; attempt++) {
            sockets.last().drop(1006);
            clock.advance(60_000);
        }
        assertEquals(List.of("unreachable"), seen.errors.stream().map(WidgetError::reason).toList());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void aSocketThatOpenedStartsTheCountAgain() {
        session.start();
        deploymentConfig.answer(200, config(true, true));
        Fakes.Socket s = connected(true);
        s.drop(1006);
        clock.advance(60_000);
        for (int attempt = 1; attempt < GuestConnection.ORIGIN_SUSPECTED_AFTER; attempt++) {
            sockets.last().drop(1006);
            clock.advance(60_000);
        }
        assertEquals(List.of("connection-lost"), seen.errors.stream().map(WidgetError::reason).toList(),
                "a chat that was talking lost its connection: not an allow-list refusal yet");
    }

    @Test
    void noAnswerAServerErrorOrAStrangeBodyChangeNothing() {
        for (Object[] answer : new Object[][] {{0, ""}, {500, "oops"}, {200, "not json"}, {200, "[]"},
                {200, "{\"messenger\":\"yes\"}"}, {200, null}, {403, ""}}) {
            session = session(EndOnPageExit.LEAVE, "dep");
            session.start();
            deploymentConfig.answer((Integer) answer[0], (String) answer[1]);
            assertEquals(SessionState.IDLE, session.state(), String.valueOf(answer[1]));
        }
        assertTrue(seen.errors.isEmpty());
        assertTrue(warnings.isEmpty(), warnings.toString());
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.customerTyping();
        assertEquals("Typing", s.last().path("message").path("events").path(0).path("eventType").asString());
    }

    @Test
    void withoutADeploymentIdNothingIsFetched() {
        session = session(EndOnPageExit.LEAVE, "");
        session.start();
        assertNull(deploymentConfig.waiting);
        assertEquals("missing-deployment-id", seen.lastErrorReason());
    }
}
