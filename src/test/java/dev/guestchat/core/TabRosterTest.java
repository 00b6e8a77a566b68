package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Last tab out: marks in shared storage, on a fake clock. */
class TabRosterTest {
    final Fakes.Clock clock = new Fakes.Clock();
    final Fakes.Store store = new Fakes.Store();
    final TabRoster a = new TabRoster(store, clock, "dep", "a");
    final TabRoster b = new TabRoster(store, clock, "dep", "b");
    final TabRoster c = new TabRoster(store, clock, "dep", "c");

    @Test
    void marksAreWholeMillisecondsInDecimal() {
        assertEquals("1764633600123", ClockDigits.of(1_764_633_600_123.0));
        assertEquals("0", ClockDigits.of(0));
        assertEquals("9007199254740991", ClockDigits.of(9_007_199_254_740_991.0), "exact up to 2^53 - 1");
        assertEquals("1000", ClockDigits.of(1000.75), "a fraction is dropped");
    }

    @Test
    void aLoneTabHoldsTheChatAlone() {
        a.present();
        assertFalse(a.othersHoldChat());
    }

    @Test
    void tabsClosedTogetherLeaveTheLastOneAlone() {
        a.present();
        b.present();
        c.present();
        // a window with three chat tabs closes: each pagehide asks, then leaves, synchronously
        assertTrue(a.othersHoldChat());
        a.absent();
        assertTrue(b.othersHoldChat());
        b.absent();
        assertFalse(c.othersHoldChat(), "the last tab out ends the chat");
    }

    @Test
    void oneOfTwoTabsClosedKeepsTheChat() {
        a.present();
        b.present();
        assertTrue(a.othersHoldChat());
        a.absent();
        assertFalse(b.othersHoldChat());
        assertTrue(store.keys("gcw.dep.tab.").contains("gcw.dep.tab.b"));
    }

    @Test
    void otherDeploymentsDoNotCount() {
        a.present();
        new TabRoster(store, clock, "other", "x").present();
        assertFalse(a.othersHoldChat());
    }

    @Test
    void aLiveTabRenewsItsMarkAndADeadTabsMarkExpires() {
        a.present();
        b.present();
        clock.advance(10 * 60_000); // both keep refreshing
        assertTrue(a.othersHoldChat(), "a live background tab still counts after ten minutes");
        store.put("gcw.dep.tab.crashed", String.valueOf(clock.now()));
        b.absent();
        clock.advance(TabRoster.STALE_MILLIS + 1);
        assertFalse(a.othersHoldChat(), "a tab that died without pagehide stops counting");
        assertEquals(1, store.keys("gcw.dep.tab.").size(), "and its mark is tidied away");
    }

    @Test
    void aMarkThatIsNotATimeIsStale() {
        a.present();
        store.put("gcw.dep.tab.junk", "yesterday");
        store.put("gcw.dep.tab.empty", "");
        assertFalse(a.othersHoldChat());
    }

    @Test
    void aTabBackFromTheCacheCountsAgain() {
        a.present();
        b.present();
        b.absent();
        assertFalse(a.othersHoldChat());
        b.present();
        assertTrue(a.othersHoldChat());
        assertEquals(-1, clockAfter(() -> {
            a.absent();
            b.absent();
        }), "no timer left once no tab is marked");
    }

    private long clockAfter(Runnable r) {
        r.run();
        return clock.nextDelay();
    }

    @Test
    void aWindowsTabsAllPassBeforeunloadFirstSoTheLastKnowsItIsLast() {
        a.present();
        b.present();
        a.leaving(); // WebKit: storage writes in a closing page's pagehide are lost, these are not
        b.leaving();
        assertFalse(a.othersHoldChat());
        assertFalse(b.othersHoldChat());
    }

    @Test
    void aTabThatStaysAfterBeforeunloadCountsAgainAMomentLater() {
        a.present();
        b.present();
        a.leaving(); // the host's "leave this page?" prompt was cancelled
        assertFalse(b.othersHoldChat());
        clock.advance(TabRoster.STAYED_MILLIS);
        assertTrue(b.othersHoldChat());
        clock.advance(TabRoster.STALE_MILLIS * 2);
        assertTrue(b.othersHoldChat(), "and keeps renewing its mark");
    }

    @Test
    void whenStorageStopsAnsweringTheAnswerReadAtBeforeunloadStands() {
        a.present();
        b.present();
        a.leaving(); // WebKit closes a then b (window.close): beforeunload still reads storage
        b.leaving();
        store.readable = false; // their pagehide: every access throws
        assertTrue(a.othersHoldChat(), "a saw b at its beforeunload");
        assertFalse(b.othersHoldChat(), "b, last out, ends the chat");
    }
}
