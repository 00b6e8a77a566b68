package dev.guestchat.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Page lifecycle signals: {@code pagehide}/{@code pageshow}, and the same-site navigations the widget can see
 * coming — a same-origin link click or form submit that the page did not cancel and that opens in this tab,
 * or a Navigation API {@code navigate} to the same origin (not a reload) where the browser has it.
 */
public final class PageLifecycle {
    public interface Listener {
        void sameSiteNavigation();

        void pageHide(boolean persisted);

        void pageShow(boolean persisted);
    }

    /** Removes every listener this object added; null after {@link #dispose()}. */
    private JSObject remover;

    public PageLifecycle(Listener listener) {
        remover = install(listener::sameSiteNavigation, listener::pageHide, listener::pageShow);
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
    // navigation (preventDefault) has already run when we look.
    @JSBody(params = {"same", "hide", "show"}, script = ""
            + "var o=location.origin;"
            + "function own(t){return !t||t==='_self';}"
            + "function click(e){if(e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey)return;"
            + "var p=e.composedPath?e.composedPath():[e.target],a=null;"
            + "for(var i=0;i<p.length;i++){var n=p[i];if(n&&n.tagName==='A'&&n.href){a=n;break;}}"
            + "if(!a||!own(a.getAttribute('target'))||a.hasAttribute('download'))return;"
            + "try{if(new URL(a.href,location.href).origin===o)same();}catch(x){}}"
            + "function submit(e){if(e.defaultPrevented)return;var f=e.target;if(!f||!own(f.getAttribute('target')))return;"
            + "try{if(new URL(f.getAttribute('action')||location.href,location.href).origin===o)same();}catch(x){}}"
            + "function nav(e){if(e.navigationType==='reload'||e.hashChange||!e.destination)return;"
            + "try{if(new URL(e.destination.url).origin===o)same();}catch(x){}}"
            + "function ph(e){hide(!!e.persisted);}function ps(e){show(!!e.persisted);}"
            + "addEventListener('click',click);addEventListener('submit',submit);"
            + "addEventListener('pagehide',ph);addEventListener('pageshow',ps);"
            + "var n=window.navigation;if(n&&n.addEventListener)n.addEventListener('navigate',nav);"
            + "return function(){removeEventListener('click',click);removeEventListener('submit',submit);"
            + "removeEventListener('pagehide',ph);removeEventListener('pageshow',ps);"
            + "if(n&&n.removeEventListener)n.removeEventListener('navigate',nav);};")
    static native JSObject install(Signal same, Flag hide, Flag show);

    @JSBody(params = "f", script = "f();")
    static native void call(JSObject f);
}
