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
 * keeps Chromium from caching the page at all.
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

    // Click and submit are watched on window in the bubble phase, so a page handler that cancelled the
    // navigation (preventDefault) has already run when we look. Same-document navigations (an SPA's pushState)
    // unload nothing, so they must not excuse a later exit.
    @JSBody(params = {"same", "leave", "hide", "done", "gone", "show", "back"}, script = ""
            + "var _o=location.origin;"
            + "function _own(_t){return !_t||_t==='_self';}"
            + "function _click(_e){if(_e.defaultPrevented||_e.button!==0||_e.metaKey||_e.ctrlKey||_e.shiftKey||_e.altKey)"
            + "return;var _p=_e.composedPath?_e.composedPath():[_e.target],_a=null;"
            + "for(var _i=0;_i<_p.length;_i++){var _n=_p[_i];if(_n&&_n.tagName==='A'&&_n.href){_a=_n;break;}}"
            + "if(!_a||!_own(_a.getAttribute('target'))||_a.hasAttribute('download'))return;"
            + "try{if(new URL(_a.href,location.href).origin===_o)same();}catch(_x){}}"
            + "function _submit(_e){if(_e.defaultPrevented)return;var _f=_e.target;"
            + "if(!_f||!_own(_f.getAttribute('target')))return;"
            + "try{if(new URL(_f.getAttribute('action')||location.href,location.href).origin===_o)same();}catch(_x){}}"
            + "function _nav(_e){var _d=_e.destination;"
            + "if(_e.navigationType==='reload'||_e.hashChange||!_d||_d.sameDocument)return;"
            + "try{if(new URL(_d.url).origin===_o)same();}catch(_x){}}"
            + "function _bu(){leave();}function _un(){gone();}"
            + "function _ph(_e){if(!_e.persisted)addEventListener('unload',_un);hide(!!_e.persisted);}"
            + "function _ps(_e){removeEventListener('unload',_un);show(!!_e.persisted);}"
            + "function _vis(){if(document.visibilityState==='visible')back();else done();}"
            + "addEventListener('online',back);document.addEventListener('visibilitychange',_vis);"
            + "addEventListener('click',_click);addEventListener('submit',_submit);addEventListener('beforeunload',_bu);"
            + "addEventListener('pagehide',_ph);addEventListener('pageshow',_ps);"
            + "var _nv=window.navigation;if(_nv&&_nv.addEventListener)_nv.addEventListener('navigate',_nav);"
            + "return function(){removeEventListener('online',back);document.removeEventListener('visibilitychange',_vis);"
            + "removeEventListener('click',_click);removeEventListener('submit',_submit);removeEventListener('beforeunload',_bu);"
            + "removeEventListener('pagehide',_ph);removeEventListener('pageshow',_ps);removeEventListener('unload',_un);"
            + "if(_nv&&_nv.removeEventListener)_nv.removeEventListener('navigate',_nav);};")
    static native JSObject install(Signal same, Signal leave, Flag hide, Signal done, Signal gone, Flag show,
                                    Signal back);

    @JSBody(params = "f", script = "f();")
    static native void call(JSObject f);
}
