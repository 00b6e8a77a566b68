package dev.guestchat.core;

import java.util.List;

/**
 * Which tabs of this browser show the chat, as one mark per tab in shared storage ({@code localStorage}):
 * written when the tab appears and refreshed while it lives, removed when it is hidden for good. Storage is
 * read and written synchronously, so of several tabs closed together the last one still sees the others go —
 * a BroadcastChannel message would only arrive after its own {@code pagehide}. A mark older than
 * {@link #STALE_MILLIS} belongs to a tab that died without {@code pagehide} (crash, killed process) and is
 * ignored, so such a tab cannot keep the chat alive for ever. Without storage the tab thinks it is alone —
 * the safe side for ending abandoned chats.
 */
public final class TabRoster implements Ports.TabPresence {
    /** How often a live tab renews its mark; background tabs may be throttled to once a minute. */
    static final int REFRESH_MILLIS = 30_000;
    /** A mark this old is a dead tab's: three missed refreshes even under background throttling. */
    static final int STALE_MILLIS = 180_000;
    /** After {@code beforeunload}: a page still alive this much later stayed (its exit was cancelled or slow). */
    static final int STAYED_MILLIS = 1_000;

    private final Ports.KeyValueStore store;
    private final Ports.Scheduler scheduler;
    /** {@code gcw.<deploymentId>.tab.}: the marks of one deployment's chat. */
    private final String prefix;
    /** This tab's id, fresh for every page load. */
    private final String id;
    /** This tab's mark key. */
    private final String self;
    /** The last answer read from storage; stands in while storage cannot be read (WebKit, closing page). */
    private boolean othersLastSeen;
    /** The next renewal (or re-mark after a cancelled exit); null while this tab is hidden for good, or closed. */
    private Ports.Cancellable refresh;

    public TabRoster(Ports.KeyValueStore store, Ports.Scheduler scheduler, String deploymentId, String tabId) {
        this.store = store;
        this.scheduler = scheduler;
        this.prefix = "gcw." + deploymentId + ".tab.";
        this.id = tabId;
        this.self = prefix + tabId;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean alive(String tabId) {
        return fresh(store.get(prefix + tabId));
    }

    /** A mark written less than {@link #STALE_MILLIS} ago: its tab lives. */
    private boolean fresh(String mark) {
        return scheduler.now() - ClockDigits.parse(mark) <= STALE_MILLIS;
    }

    /** This tab shows the chat (page start, or back from the back/forward cache). */
    public void present() {
        store.put(self, ClockDigits.of(scheduler.now()));
        if (refresh != null) {
            refresh.cancel();
        }
        refresh = scheduler.schedule(REFRESH_MILLIS, () -> {
            refresh = null;
            present();
        });
    }

    /**
     * {@code beforeunload}: this tab may be going. Its mark goes now, because WebKit drops storage writes made
     * in the {@code pagehide} of a closing page, and a window's tabs all pass {@code beforeunload} before any
     * of them unloads — so the last of them can know it is last. A page that stays after all marks itself
     * again a moment later; one that goes never does.
     */
    public void leaving() {
        othersHoldChat(); // read now, while storage still answers: a closing WebKit page's pagehide cannot
        absent();
        refresh = scheduler.schedule(STAYED_MILLIS, () -> {
            refresh = null;
            present();
        });
    }

    /** This tab no longer shows the chat ({@code pagehide}, destroy). */
    public void absent() {
        if (refresh != null) {
            refresh.cancel();
            refresh = null;
        }
        store.remove(self);
    }

    @Override
    public boolean othersHoldChat() {
        if (!store.readable()) {
            return othersLastSeen;
        }
        boolean others = false;
        List<String> keys = store.keys(prefix);
        for (String key : keys) {
            if (key.equals(self)) {
                continue;
            }
            if (!fresh(store.get(key))) {
                store.remove(key); // a dead tab's mark: tidy it for everyone
            } else {
                others = true;
            }
        }
        othersLastSeen = others;
        return others;
    }
}
