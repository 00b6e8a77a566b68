package dev.guestchat.core;

/**
 * The page's exit (DESIGN.md §3): decides at {@code beforeunload} (Gecko) or {@code pagehide} (elsewhere) whether
 * the customer is leaving the site, has {@link ChatEnding} end the chat on the socket that is still open, has the
 * connection repeat that Clear where the engine dropped it, and puts a page back from the back/forward cache in order.
 *
 * <p>Its fields describe the exit under way (or the last one, for a page in the back/forward cache); a page that
 * comes back ({@link #pageShown()}) clears them. The socket an exit ended the chat on is the connection's to keep.
 */
final class PageExit {
    private final SessionContext ctx;
    private final Ports.TabPresence tabs;
    private final GuestConnection connection;
    private final Conversation conversation;
    private final ChatEnding ending;

    /** When a same-site navigation was last seen coming (link click, form submit, navigate); 0 = never. */
    private double sameSiteNavigationAt;
    /** The token this page chatted on when pagehide paused it (SessionLife.EXIT_PAUSED); null when not paused. */
    private String pausedToken;

    PageExit(SessionContext ctx, Ports.TabPresence tabs, GuestConnection connection, Conversation conversation,
             ChatEnding ending) {
        this.ctx = ctx;
        this.tabs = tabs;
        this.connection = connection;
        this.conversation = conversation;
        this.ending = ending;
    }

    void sameSiteNavigationStarting() {
        sameSiteNavigationAt = ctx.scheduler.now();
    }

    /** See {@link GuestSession#pageMayExit()}. */
    void pageMayExit() {
        if (!ctx.config.socketsCloseBeforePageHide()) {
            return; // pagehide can still send here, and by then a Back is known
        }
        if (ctx.state() == SessionState.ENDING && !ending.waitsForSends() || ctx.state() == SessionState.ENDED) {
            return; // an end is already under way or done: one Clear per end
        }
        if (decide() == PageExitPolicy.END_NOW) {
            ending.sendOnExit();
        }
    }

    /** See {@link GuestSession#pageHidden(boolean)}. */
    int pageHidden(boolean persisted) {
        boolean clearAlreadySent = ctx.life.exit() == SessionLife.EXIT_CLEAR_SENT;
        int decision = clearAlreadySent
                ? PageExitPolicy.END_NOW // the Clear left in beforeunload: only its socket is left to mind
                : decide();
        if (decision == PageExitPolicy.END_NOW) {
            leaveEnded(persisted, !clearAlreadySent);
        } else if (decision == PageExitPolicy.END_LATER) {
            ctx.store.pendingEnd(true);
        } else if (decision == PageExitPolicy.CLOSE_SOCKET) {
            connection.drop();
            pausedToken = ctx.store.token();
            ctx.life.on(SessionLife.PAUSED);
        } else {
            connection.cancelReconnect();
        }
        sameSiteNavigationAt = 0;
        return decision;
    }

    /** See {@link GuestSession#exitCompleting()}. */
    void exitCompleting() {
        connection.repeatExitFrame(); // nothing when no pagehide Clear waits: a plain tab switch, or a finished exit
    }

    /** See {@link GuestSession#pageUnloading()}. */
    void pageUnloading() {
        if (connection.exitUnderWay()) {
            connection.repeatExitFrame();
        } else if (ctx.state() != SessionState.ENDED && decide() == PageExitPolicy.END_NOW) {
            leaveEnded(false, true);
        }
    }

    /** See {@link GuestSession#pageShown()}. */
    void pageShown() {
        connection.forgetExit(); // restored before its exit completed: the repeat is moot
        conversation.dropTakenOver();
        if (ctx.life.exit() != SessionLife.EXIT_PAUSED || connection.hasSocket()) {
            return;
        }
        ctx.life.on(SessionLife.SHOWN);
        String shown = pausedToken;
        pausedToken = null;
        if (shown != null && !shown.equals(ctx.store.token()) && ctx.state() != SessionState.ENDED) {
            conversation.forget(); // the server wiped this chat while the page was cached
            ctx.life.on(SessionLife.ENDED);
            ctx.observer.ended(true);
        }
        if (ctx.store.pendingEnd() || ctx.store.active()) {
            connection.open();
        }
    }

    /** The customer leaves with the chat ended: the Clear goes now unless {@code beforeunload} sent it. */
    private void leaveEnded(boolean persisted, boolean sendNow) {
        ending.endOnExit(sendNow, persisted);
    }

    /** What the policy says about leaving now (DESIGN.md §3). */
    private int decide() {
        boolean recentSameSite = sameSiteNavigationAt > 0
                && ctx.scheduler.now() - sameSiteNavigationAt <= PageExitPolicy.SAME_SITE_WINDOW_MILLIS;
        boolean active = ctx.store.active() && ctx.state() != SessionState.ENDED && ctx.state() != SessionState.READ_ONLY
                || ctx.store.pendingEnd();
        return PageExitPolicy.decide(ctx.config.endOnPageExit(), active, connection.socketOpen(), tabs.othersHoldChat(),
                recentSameSite);
    }
}
