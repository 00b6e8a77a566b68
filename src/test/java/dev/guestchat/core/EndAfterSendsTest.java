package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the customer sent before an end reaches the service before that end's Clear — End chat on a live connection,
 * an end asked while the socket was still connecting, and a page exit — within the Clear deadline; what cannot is
 * reported and shown as not sent. Fake clock, fake sockets ({@link SessionHarness}).
 */
class EndAfterSendsTest extends SessionHarness {
    /** The actions of the frames sent, with the text of each onMessage and the type of each Presence. */
    static List<String> wire(Fakes.Socket s) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : s.frames()) {
            String action = f.path("action").asString();
            if (action.equals("onMessage")) {
                String presence = presence(f);
                out.add(presence.isEmpty() ? "text:" + f.path("message").path("text").asString() : presence);
            } else if (!action.equals("echo")) {
                out.add(action);
            }
        }
        return out;
    }

    /** The server's Inbound copy of the customer's message with this text (its acknowledgement). */
    static void acknowledge(Fakes.Socket s, String text) {
        for (JsonNode f : s.frames()) {
            if (text.equals(f.path("message").path("text").asString())) {
                String tracing = f.path("tracingId").asString();
                s.receive(inbound(tracing, "srv-" + tracing, text, "2026-01-05T10:00:00.000Z"));
                return;
            }
        }
        throw new AssertionError(text + " was not sent");
    }

    @Test
    void anEndAskedWhileConnectingSendsTheQueuedMessageFirst() {
        session.start();
        assertTrue(session.send("x"));
        List<Boolean> outcome = new ArrayList<>();
        session.end((ended, error) -> outcome.add(ended));
        assertEquals(SessionState.ENDING, session.state());
        Fakes.Socket s = sockets.last();
        s.opened();
        s.receive(sessionResponse(true, false));
        assertEquals(List.of("configureSession", "text:x"), wire(s), "the message first, the Clear waits for its answer");
        assertEquals(SessionState.ENDING, session.state(), "the end stays visible while the message goes");
        acknowledge(s, "x");
        assertEquals(List.of("configureSession", "text:x", "Clear"), wire(s));
        s.receive(event("SessionClearedEvent"));
        assertEquals(List.of(true), outcome);
        assertTrue(seen.errors.isEmpty(), seen.errors.toString());
    }

    @Test
    void endChatWaitsForEveryUnansweredMessageInTypedOrder() {
        Fakes.Socket s = connected(true);
        session.send("one");
        session.send("two");
        session.send("three");
        session.end((ended, error) -> { });
        assertFalse(s.sentClear(), "three messages are still on their way");
        assertFalse(session.send("four"), "nothing typed after End chat goes");
        for (String text : List.of("one", "two", "three")) {
            clock.advance(SendQueue.SPACING_MILLIS);
            acknowledge(s, text);
        }
        assertEquals(List.of("configureSession", "text:one", "text:two", "text:three", "Clear"), wire(s));
    }

    @Test
    void messagesUnansweredAtTheDeadlineAreReportedAsNotSentAndTheClearGoes() {
        Fakes.Socket s = connected(true);
        String lost = session.sendMessage("are you there?"); // the service never answers it
        List<Boolean> outcome = new ArrayList<>();
        session.end((ended, error) -> outcome.add(ended));
        clock.advance(ChatEnding.CLEAR_CONFIRM_MILLIS - 1);
        assertFalse(s.sentClear());
        clock.advance(1);
        WidgetError error = seen.errors.get(seen.errors.size() - 1);
        assertEquals("message-not-sent", error.reason());
        assertEquals(lost, error.ids(), "the id send() returned");
        assertEquals(ChatEntry.Delivery.FAILED, seen.rows.stream().filter(r -> lost.equals(r.localId()))
                .findFirst().orElseThrow().delivery(), "shown as not sent, never silently dropped");
        assertTrue(s.sentClear(), "the customer still wanted to end");
        s.receive(event("SessionClearedEvent"));
        assertEquals(List.of(true), outcome);
    }

    @Test
    void aDropWhileTheMessagesGoKeepsTheEndForTheNextConnection() {
        Fakes.Socket s = connected(true);
        session.send("one");
        session.end((ended, error) -> { });
        s.drop(1006);
        assertEquals("1", store.get("gcw.dep.pendingEnd"), "a reload now would still end the chat");
        clock.advance(1_000);
        Fakes.Socket next = sockets.last();
        next.opened();
        next.receive(sessionResponse(false, false));
        assertFalse(next.sentClear(), "the message first (after the history check for a possible double)");
        clock.advance(SendQueue.CHECK_WAIT_MILLIS);
        acknowledge(next, "one");
        assertTrue(next.sentClear());
    }

    @Test
    void anExitWithAnOpenSocketPutsTheUnsentMessagesRightBeforeItsClear() {
        Fakes.Socket s = connected(true);
        session.send("one"); // in flight
        session.send("two"); // waiting for its turn
        session.send("three");
        assertEquals(PageExitPolicy.END_NOW, session.pageHidden(false));
        assertEquals(List.of("configureSession", "text:one", "text:two", "text:three", "Clear"), wire(s),
                "each once, in typed order, then the Clear");
    }

    @Test
    void geckosBeforeUnloadExitAlsoSendsTheUnsentMessagesFirstEvenWhileAnEndWaitsForThem() {
        session = session(EndOnPageExit.LEAVE, "dep", true);
        Fakes.Socket s = connected(true);
        session.send("one");
        session.send("two");
        session.end((ended, error) -> { }); // End chat, then the tab is closed at once
        session.pageMayExit();
        assertEquals(List.of("configureSession", "text:one", "text:two", "Clear"), wire(s));
    }
}
