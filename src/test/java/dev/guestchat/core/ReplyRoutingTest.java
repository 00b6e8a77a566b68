package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Answers go to the part that sent the request, by the one table from tracingId to waiting part ({@link Replies}):
 * an answer's text or kind never makes another part take it, an answer nobody waits for any more changes nothing,
 * and the table empties as the answers come.
 */
class ReplyRoutingTest extends SessionHarness {
    @Test
    void theTableHoldsOnlyWhatIsStillAwaited() {
        Fakes.Socket s = connected(true);
        for (int i = 0; i < 30; i++) {
            chat(s, "message " + i);
            clock.advance(SendQueue.SPACING_MILLIS);
        }
        assertEquals(0, session.awaitedReplies(), "every message was answered");
        for (int i = 0; i < 5; i++) {
            session.customerTyping();
            clock.advance(GuestTyping.COOL_DOWN_MILLIS);
        }
        assertEquals(1, session.awaitedReplies(), "only the latest Typing event's refusal could still come");
        session.send("unanswered");
        assertEquals(2, session.awaitedReplies());
        session.end((ok, error) -> { });
        clock.advance(ChatEnding.CLEAR_CONFIRM_MILLIS); // the message gives up, the Clear goes
        assertEquals(2, session.awaitedReplies(), "the Typing event and the Clear");
        s.receive(event("SessionClearedEvent"));
        assertEquals(SessionState.ENDED, session.state());
        assertEquals(1, session.awaitedReplies(), "the ended chat waits for nothing but a late typing refusal");
    }

    @Test
    void aRefusalOfTypingIsTypingsEvenInTheWordsOfAClearRefusal() {
        Fakes.Socket s = connected(true);
        session.send("on its way");
        String message = s.last().path("tracingId").asString();
        clock.advance(SendQueue.SPACING_MILLIS);
        session.customerTyping();
        String typing = s.last().path("tracingId").asString();
        s.receive(error(403, "Presence events Conversation Clear are not supported", typing));
        assertEquals(SessionState.CONNECTED, session.state(), "not read as the end failing");
        assertTrue(seen.errors.isEmpty(), seen.errors.toString());
        assertEquals(ChatEntry.Delivery.SENDING, seen.rows.get(0).delivery(), "nor as the message's");
        s.receive(inbound(message, "srv-1", "on its way", "2026-01-05T10:00:00.000Z"));
        assertEquals(ChatEntry.Delivery.DELIVERED, seen.rows.get(0).delivery());
    }

    @Test
    void anAnswerNobodyWaitsForAnyMoreChangesNothing() {
        Fakes.Socket s = connected(true);
        String first = chat(s, "one");
        clock.advance(SendQueue.SPACING_MILLIS);
        s.receive(tooManyRequests(first)); // late: "one" was answered already
        int before = s.sent.size();
        session.send("two");
        assertEquals(before + 1, s.sent.size(), "the queue is not held up by it");
        s.receive(error(4011, "message too long", first));
        assertEquals(ChatEntry.Delivery.DELIVERED, seen.rows.get(0).delivery(), "an answered message stays delivered");
        assertEquals(1, seen.errors.size(), "reported as the service's error, not as a message rejected");
        assertEquals("server-error", seen.errors.get(0).reason());
    }

    @Test
    void theClearsCopyIsOnlyAnAcknowledgement() {
        Fakes.Socket s = connected(true);
        chat(s, "bye");
        clock.advance(SendQueue.SPACING_MILLIS);
        session.end((ok, error) -> { });
        String clear = s.last().path("tracingId").asString();
        s.receive(presenceEcho(clear, "Clear"));
        assertEquals(SessionState.ENDING, session.state(), "the outcome is SessionClearedEvent");
        assertEquals(1, seen.rows.size(), "no row for it");
        s.receive(event("SessionClearedEvent"));
        assertEquals(SessionState.ENDED, session.state());
    }
}
