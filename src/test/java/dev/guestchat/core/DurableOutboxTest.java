package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the customer sent and the service did not acknowledge survives the page: the next page of the same browser
 * sends it first, once, in typed order — after a same-site link, after a reload that ends the chat, and not while
 * the page that typed it lives; bounded; dropped with the session it belonged to. Fake clock, fake storage shared
 * by the pages, fake sockets ({@link SessionHarness}).
 */
class DurableOutboxTest extends SessionHarness {
    /** The next page load in this browser: same storage, its own tab id, the earlier page gone unless told. */
    final Fakes.Tabs nextTabs = new Fakes.Tabs();

    DurableOutboxTest() {
        nextTabs.id = "page-2";
    }

    GuestSession nextPage() {
        return new GuestSession(new SessionConfig("dep", "wss://host/v1", EndOnPageExit.LEAVE, false), clock, sockets,
                store, history, deploymentConfig, ids, nextTabs, dev.guestchat.protocol.JacksonJson.PARSER, seen,
                Fakes.log(warnings), new dev.guestchat.core.Backoff(() -> 0.5), uploader, null);
    }

    /** The service cannot be reached: the page's socket closes before it opens. */
    void unreachable() {
        sockets.last().drop(1006);
    }

    /** Configures the socket as the known session, and answers its history with no messages. */
    void configuredWithEmptyHistory(Fakes.Socket s) {
        s.opened();
        s.receive(sessionResponse(false, false));
        s.receive(jwtResponse(s.lastOf("getJwt").path("tracingId").asString()));
        history.requests.get(history.requests.size() - 1).callback().onPage("{\"entities\":[]}");
    }

    List<String> savedKeys() {
        return store.keys("gcw.dep.out.");
    }

    @Test
    void linesTypedWhileUnreachableAreSentByTheNextPageInOrderOnce() {
        session.start();
        assertTrue(session.send("one"));
        unreachable();
        assertTrue(session.send("two"));
        assertEquals(List.of("gcw.dep.out.page-1"), savedKeys());
        session.sameSiteNavigationStarting();
        session.pageHidden(false); // a same-site link: the chat goes on on the next page
        session.destroy();

        GuestSession next = nextPage();
        next.start();
        assertEquals(List.of("one", "two"), next.transcript().stream().map(ChatEntry::text).toList(), "shown as being sent");
        assertEquals(List.of("gcw.dep.out.page-2"), savedKeys(), "taken over: the first page's copy is gone");
        Fakes.Socket s = sockets.last();
        configuredWithEmptyHistory(s);
        acknowledge(s, "one");
        clock.advance(SendQueue.SPACING_MILLIS);
        acknowledge(s, "two");
        assertEquals(List.of("configureSession", "getJwt", "text:one", "text:two"), EndAfterSendsTest.wire(s));
        assertTrue(savedKeys().isEmpty(), "acknowledged: nothing is kept");
        assertEquals(List.of(ChatEntry.Delivery.DELIVERED, ChatEntry.Delivery.DELIVERED),
                next.transcript().stream().map(ChatEntry::delivery).toList());
    }

    @Test
    void aReloadThatEndsTheChatSendsTheLineBeforeItsClear() {
        session.start();
        session.send("x");
        unreachable();
        assertEquals(PageExitPolicy.END_LATER, session.pageHidden(false));
        session.destroy();
        seen.errors.clear(); // the first page's "unreachable"

        GuestSession next = nextPage();
        next.start();
        assertEquals(SessionState.ENDING, next.state());
        Fakes.Socket s = sockets.last();
        s.opened();
        s.receive(sessionResponse(false, false));
        clock.advance(SendQueue.CHECK_WAIT_MILLIS); // no history answer: the line goes after the wait
        assertEquals(List.of("configureSession", "getJwt", "text:x"), EndAfterSendsTest.wire(s), "the line first");
        acknowledge(s, "x");
        assertEquals(List.of("configureSession", "getJwt", "text:x", "Clear"), EndAfterSendsTest.wire(s));
        assertTrue(seen.errors.isEmpty(), seen.errors.toString());
    }

    @Test
    void aLineTheServiceAlreadyHasIsNotSentAgain() {
        Fakes.Socket first = connected(false);
        session.send("maybe");
        String tracing = first.last().path("tracingId").asString();
        session.sameSiteNavigationStarting();
        session.pageHidden(false); // a same-site link with the message in flight, its answer never came
        session.destroy();

        GuestSession next = nextPage();
        next.start();
        Fakes.Socket s = sockets.last();
        s.opened();
        s.receive(sessionResponse(false, false));
        s.receive(jwtResponse(s.lastOf("getJwt").path("tracingId").asString()));
        history.requests.get(history.requests.size() - 1).callback().onPage("{\"entities\":[{\"id\":\"srv-" + tracing
                + "\",\"type\":\"Text\",\"direction\":\"Inbound\",\"text\":\"maybe\",\"channel\":{\"time\":"
                + "\"2026-01-05T10:00:00.000Z\"}}]}");
        assertEquals(List.of("configureSession", "getJwt"), EndAfterSendsTest.wire(s), "the agent has it once");
        assertEquals(List.of("maybe"), next.transcript().stream().map(ChatEntry::text).toList());
        assertTrue(savedKeys().isEmpty());
    }

    @Test
    void aTabThatStillLivesKeepsItsOwnLines() {
        session.start();
        session.send("mine");
        unreachable();
        nextTabs.alive.add("page-1"); // the first tab is open beside the second

        GuestSession second = nextPage();
        second.start();
        assertTrue(second.transcript().isEmpty(), "the live tab sends its own line");
        assertEquals(List.of("gcw.dep.out.page-1"), savedKeys());
    }

    @Test
    void aCrashedTabsLinesAreSentOnceItsMarkWentStale() {
        session.start();
        session.send("lost");
        unreachable();
        session.destroy(); // the tab crashed: no pagehide, its mark stays fresh for a while
        nextTabs.alive.add("page-1");

        GuestSession next = nextPage();
        next.start();
        Fakes.Socket s = sockets.last();
        configuredWithEmptyHistory(s);
        assertTrue(next.transcript().isEmpty(), "the crashed tab still looks alive");
        nextTabs.alive.remove("page-1");
        answeringEchoesFor(s, TabRoster.STALE_MILLIS + TabRoster.REFRESH_MILLIS);
        assertEquals(List.of("lost"), next.transcript().stream().map(ChatEntry::text).toList());
        assertEquals(List.of("configureSession", "getJwt", "getJwt"), EndAfterSendsTest.wire(s),
                "history first: the line may have arrived before the crash");
        s.receive(jwtResponse(s.lastOf("getJwt").path("tracingId").asString()));
        history.requests.get(history.requests.size() - 1).callback().onPage("{\"entities\":[]}");
        assertEquals(List.of("configureSession", "getJwt", "getJwt", "text:lost"), EndAfterSendsTest.wire(s));
        acknowledge(s, "lost");
        assertTrue(savedKeys().isEmpty());
    }

    @Test
    void linesOfASessionThatEndedMeanwhileAreDropped() {
        session.start();
        session.send("old");
        unreachable();
        session.destroy();
        store.remove("gcw.dep.token"); // another page ended that chat: the next one is a new session
        store.remove("gcw.dep.active");

        GuestSession next = nextPage();
        next.start();
        assertTrue(next.transcript().isEmpty());
        assertTrue(savedKeys().isEmpty(), "nothing is kept for an ended session");
        assertEquals(SessionState.IDLE, next.state(), "no connection for nothing");
    }

    @Test
    void thePageBackFromTheCacheForgetsLinesTheNextPageTookOver() {
        session.start();
        session.send("one");
        unreachable();
        session.sameSiteNavigationStarting();
        session.pageHidden(true); // a same-site link; this page goes into the back/forward cache

        GuestSession next = nextPage();
        next.start();
        assertEquals(List.of("gcw.dep.out.page-2"), savedKeys());
        session.pageShown(); // Back: the first page again, while the second sends its line
        assertTrue(session.transcript().isEmpty(), "the line is the other page's to send now");
        assertEquals(List.of("gcw.dep.out.page-2"), savedKeys());
    }

    @Test
    void theOutboxIsBounded() {
        session.start();
        for (int i = 0; i < SavedOutbox.MAX_MESSAGES; i++) {
            assertTrue(session.send("line " + i));
        }
        unreachable();
        assertNull(session.sendMessage("one too many"));
        assertEquals("outbox-full", seen.errors.get(seen.errors.size() - 1).reason());
        assertEquals(SavedOutbox.MAX_MESSAGES, session.transcript().size());
    }

    @Test
    void anExitOnAnOpenSocketSendsTheLinesAndKeepsNothing() {
        Fakes.Socket s = connected(true);
        session.send("one");
        session.send("two");
        assertEquals(PageExitPolicy.END_NOW, session.pageHidden(false));
        assertEquals(List.of("configureSession", "text:one", "text:two", "Clear"), EndAfterSendsTest.wire(s));
        assertTrue(savedKeys().isEmpty(), "the chat ended: its lines are not sent again by the next page");
        assertFalse(store.map.containsKey("gcw.dep.token"));
    }

    /** Time passes on a healthy socket: every echo is answered. */
    private void answeringEchoesFor(Fakes.Socket s, int millis) {
        for (int left = millis; left > 0; left -= GuestConnection.HEARTBEAT_MILLIS) {
            clock.advance(Math.min(left, GuestConnection.HEARTBEAT_MILLIS));
            String echo = s.lastOf("echo").path("tracingId").asString();
            s.receive("{\"type\":\"response\",\"class\":\"StructuredMessage\",\"code\":200,\"tracingId\":\""
                    + echo + "\",\"body\":{\"type\":\"Text\",\"text\":\"ping\",\"direction\":\"Inbound\"}}");
        }
    }

    private static void acknowledge(Fakes.Socket s, String text) {
        EndAfterSendsTest.acknowledge(s, text);
    }
}
