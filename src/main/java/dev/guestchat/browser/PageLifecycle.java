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

    /** Removes every listener this object added; null after {@link #dispose()}. */
    private JSObject remover;

    public PageLifecycle(Listener listener) {
        remover = install(listener::sameSiteNavigation, listener::mayLeave, listener::pageHide,
                listener::exitCompleting, listener::unloading, listener::pageShow, listener::networkMayBeBack);
    }

    public void dispose() {
        if (remover != null) {
            call(remover);
            remover = null;
        }
    }

    @JSFunctor
    interface Signal extends JSObject {
        void run();
    }

    @JSFunctor
    interface Flag extends JSObject {
        void run(boolean value);
    }

    @JSBody(params = {"same", "leave", "hide", "done", "gone", "show", "back"},
            script = "return watchPage(same,leave,hide,done,gone,show,back);")
    static native JSObject install(Signal same, Signal leave, Flag hide, Signal done, Signal gone, Flag show,
                                    Signal back);

    @JSBody(params = "f", script = "f();")
    static native void call(JSObject f);
}
