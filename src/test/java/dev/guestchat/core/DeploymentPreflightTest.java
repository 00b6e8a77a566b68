package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
