package dev.guestchat.api;

import dev.guestchat.browser.PageLifecycle;
import dev.guestchat.core.GuestSession;
import dev.guestchat.core.TabRoster;

/**
 * The page's lifecycle events, handed to the session's page-exit policy (DESIGN.md §3) and to this tab's mark
 * among the tabs that show the chat. Each event touches only this tab's mark: the session's question is about
 * the others.
 */
final class PageExitBridge implements PageLifecycle.Listener {
    private final GuestSession session;
    private final TabRoster tabs;
    /** Redraws the widget (after a page comes back from the back/forward cache). */
    private final Runnable render;

    PageExitBridge(GuestSession session, TabRoster tabs, Runnable render) {
        this.session = session;
        this.tabs = tabs;
        this.render = render;
    }

    @Override
    public void sameSiteNavigation() {
        session.sameSiteNavigationStarting();
    }

    @Override
    public void mayLeave() {
        session.pageMayExit();
        tabs.leaving();
    }

    @Override
    public void pageHide(boolean persisted) {
        tabs.absent();
        session.pageHidden(persisted);
    }

    @Override
    public void exitCompleting() {
        session.exitCompleting();
    }

    @Override
    public void unloading() {
        session.pageUnloading();
    }

    @Override
    public void pageShow(boolean persisted) {
        if (persisted) {
            tabs.present();
            session.pageShown();
            render.run();
        }
    }

    @Override
    public void networkMayBeBack() {
        session.retrySoon();
    }
}
