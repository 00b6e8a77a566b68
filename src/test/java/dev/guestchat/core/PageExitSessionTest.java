package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's exit (DESIGN.md §3): beforeunload, pagehide, the exit's last events and the back/forward cache. Fake clock, fake sockets ({@link SessionHarness}). */
class PageExitSessionTest extends SessionHarness {
    @Test
    void leavingEndsAnActiveChatSynchronouslyOnTheOpenSocket() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        assertEquals(PageExitPolicy.END_NOW, session.pageHidden(true));
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
        assertEquals(PageExitPolicy.CLOSE_SOCKET, session.pageHidden(true));
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
        assertEquals(PageExitPolicy.END_NOW, session.pageHidden(true));
    }

    @Test
    void anotherTabHoldingTheChatKeepsIt() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        tabs.others = true;
        assertEquals(PageExitPolicy.CLOSE_SOCKET, session.pageHidden(true));
        assertFalse(s.sentClear());
    }

    @Test
    void neverModeOnlyClosesTheSocket() {
        session = session(EndOnPageExit.NEVER, "dep");
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        assertEquals(PageExitPolicy.CLOSE_SOCKET, session.pageHidden(true));
        assertFalse(s.sentClear());
    }

    @Test
    void alwaysModeIgnoresSameSiteNavigation() {
        session = session(EndOnPageExit.ALWAYS, "dep");
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        session.sameSiteNavigationStarting();
        assertEquals(PageExitPolicy.END_NOW, session.pageHidden(true));
        assertTrue(s.sentClear());
    }

    @Test
    void anOpenedPanelWithNothingSaidIsNotEndedOnExit() {
        Fakes.Socket s = connected(true);
        assertEquals(PageExitPolicy.CLOSE_SOCKET, session.pageHidden(true));
        assertFalse(s.sentClear());
    }

    @Test
    void leavingWhileTheSocketIsDownLeavesAPendingEnd() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        s.drop(1006);
        assertEquals(PageExitPolicy.END_LATER, session.pageHidden(true));
        assertEquals("1", store.get("gcw.dep.pendingEnd"));
    }

    @Test
    void anIdlePageHasNothingToDoOnExit() {
        assertEquals(PageExitPolicy.NOTHING, session.pageHidden(true));
    }

    @Test
    void whereSocketsOutlivePagehideBeforeunloadLeavesTheDecisionToPagehide() {
        Fakes.Socket s = connected(true); // Chromium, WebKit: pagehide still sends, and knows about a Back
        chat(s, "hello");
        session.pageMayExit();
        assertFalse(s.sentClear());
        assertEquals(SessionState.CONNECTED, session.state(), "a page that stays after its prompt keeps the chat");
        assertEquals(PageExitPolicy.END_NOW, session.pageHidden(false));
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
        assertEquals(PageExitPolicy.END_NOW, session.pageHidden(false));
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
        assertEquals(PageExitPolicy.END_NOW, session.pageHidden(false));
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
        assertEquals(PageExitPolicy.END_NOW, session.pageHidden(false));
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
        assertEquals(PageExitPolicy.END_NOW, session.pageHidden(false));
        assertEquals(token, s.lastOf("onMessage").path("token").asString(), "the Clear names the chat's token");
        assertEquals(1, s.clears());
    }

    @Test
    void unloadTakesTheDecisionAgainWhenPagehideEndedNothing() {
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        s.open = false; // Firefox closing a tab: the widget's pagehide saw no open socket
        assertEquals(PageExitPolicy.END_LATER, session.pageHidden(false));
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
