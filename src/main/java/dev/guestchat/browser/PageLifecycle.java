package dev.guestchat.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Page lifecycle signals: the exit's events in the order engines fire them ({@code beforeunload}, {@code pagehide},
 * then {@code visibilitychange} to hidden or {@code unload}), {@code pageshow}, and the same-site navigations the
 * widget can see coming — a same-origin link click or form submit that the page did not cancel and that opens in
 * this tab, or a Navigation API {@code navigate} to the same origin (not a reload) where the browser has it.
 * {@code unload} is listened to only after a {@code pagehide} that will not be cached: a standing unload listener
 * keeps Chromium from caching the page at all. The listening is {@code src/main/js/browser/page-lifecycle.js}.
 */
public final class PageLifecycle {
    public interface Listener {
        void sameSiteNavigation();

        /** {@code beforeunload}: the page may be leaving (a host prompt can still keep it). */
        void mayLeave();

        void pageHide(boolean persisted);

        /** {@code visibilitychange} to hidden: after a pagehide, one of the exit's last events; else a tab switch. */
        void exitCompleting();

        /** {@code unload} after a pagehide that will not be cached: the page's very last event. */
        void unloading();

        void pageShow(boolean persisted);

        /** {@code online}, or the page became visible: a good moment to retry a lost connection. */
        void networkMayBeBack();
    }

    // The signals of page-lifecycle.js, by number: one functor hears them all, where one per signal would cost the
    // bundle a wrapper class each.
    static final int SAME_SITE = 0;
    static final int LEAVE = 1;
    static final int HIDE = 2;
    static final int DONE = 3;
    static final int GONE = 4;
    static final int SHOW = 5;
    static final int BACK = 6;

    /** Removes every listener this object added; null after {@link #dispose()}. */
    private JSObject remover;

    public PageLifecycle(Listener listener) {
        remover = install((signal, persisted) -> {
            if (signal == SAME_SITE) {
                listener.sameSiteNavigation();
            } else if (signal == LEAVE) {
                listener.mayLeave();
            } else if (signal == HIDE) {
                listener.pageHide(persisted);
            } else if (signal == DONE) {
                listener.exitCompleting();
            } else if (signal == GONE) {
                listener.unloading();
            } else if (signal == SHOW) {
                listener.pageShow(persisted);
            } else {
                listener.networkMayBeBack();
            }
        });
    }

    public void dispose() {
        if (remover != null) {
            call(remover);
            remover = null;
        }
    }

    /** A signal and, for {@code HIDE} and {@code SHOW}, whether the page goes into (or comes from) the cache. */
    @JSFunctor
    interface Signal extends JSObject {
        void run(int signal, boolean persisted);
    }

    @JSBody(params = "signal", script = "return watchPage(signal);")
    static native JSObject install(Signal signal);

    @JSBody(params = "f", script = "f();")
    static native void call(JSObject f);
}
