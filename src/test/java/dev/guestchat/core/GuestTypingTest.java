package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The customer's typing indicator (§3.3.4) on the fake clock: rate, live connection only, refusals. */
class GuestTypingTest extends SessionHarness {
    private static long typingEvents(Fakes.Socket s) {
        return s.frames().stream().filter(f -> "Typing".equals(
                f.path("message").path("events").path(0).path("eventType").asString())).count();
    }

    @Test
    void typingSendsOneEventPerFiveSecondsAtMost() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        for (int i = 0; i < 50; i++) { // a keystroke every 200 ms for 10 s
            session.customerTyping();
            clock.advance(200);
        }
        assertEquals(2, typingEvents(s), "10 s of typing: at 0 s and at 5 s");
        JsonNode typing = s.frames().stream().filter(f -> "Typing".equals(
                f.path("message").path("events").path(0).path("eventType").asString())).findFirst().orElseThrow();
        assertEquals("Event", typing.path("message").path("type").asString());
        assertEquals("On", typing.path("message").path("events").path(0).path("typing").path("type").asString());
        assertTrue(typing.path("tracingId").isString());
    }

    @Test
    void sendingTheMessageIsNotTypingAndTheCoolDownHolds() {
        Fakes.Socket s = connected(true);
        chat(s, "first");
        session.customerTyping();
        chat(s, "second");
        session.customerTyping(); // right after sending: within 5 s of the last Typing, nothing
        assertEquals(1, typingEvents(s));
        clock.advance(GuestTyping.COOL_DOWN_MILLIS);
        session.customerTyping();
        assertEquals(2, typingEvents(s));
    }

    @Test
    void noTypingBeforeAConversationOrWithoutALiveConnection() {
        Fakes.Socket s = connected(true);
        session.customerTyping();
        assertEquals(0, typingEvents(s), "no conversation yet: nobody to see it");
        chat(s, "hello");
        s.drop(1006);
        session.customerTyping();
        clock.advance(GuestTyping.COOL_DOWN_MILLIS);
        session.customerTyping();
        assertEquals(0, typingEvents(s), "a dropped socket takes no typing");
        Fakes.Socket next = sockets.last();
        next.opened();
        next.receive(sessionResponse(false, false));
        assertEquals(0, typingEvents(next), "typing is never queued for the next connection");
        session.customerTyping();
        assertEquals(1, typingEvents(next));
    }

    @Test
    void aDeploymentThatRefusesTypingGetsNoMoreAndNothingElseBreaks() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.customerTyping();
        String tracing = s.last().path("tracingId").asString();
        s.receive(error(403, "Turn on the Feature Toggle or fix the configuration.", tracing));
        assertEquals(SessionState.CONNECTED, session.state(), "a refused indicator ends nothing");
        assertTrue(seen.errors.isEmpty(), "and is not the customer's concern: " + seen.errors);
        for (int i = 0; i < 3; i++) {
            clock.advance(GuestTyping.COOL_DOWN_MILLIS);
            session.customerTyping();
        }
        assertEquals(1, typingEvents(s));
        chat(s, "still chatting");
    }
}
