package dev.guestchat.loader;

import dev.guestchat.ui.LauncherStyle;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * One chat on the page before the full widget is there: it draws the launcher where the full widget's will be,
 * keeps what the page asks of the chat, and loads the full widget on the first sign of intent — the pointer over
 * the launcher, focus on it, a click, or an API call that needs the chat — or at once when this browser holds a
 * conversation, so that leaving the page can still end it. Once the full widget is adopted every call goes
 * straight to it; the exported methods are the full widget's API. A load that fails says so on the launcher, and
 * the next intent tries again. Every byte here is paid by every page view, so the page-side work is in a few
 * small natives and the one callback {@link #signal}.
 *
 * <p>Invariant: {@code widget} is null until adopted, and {@code calls} is empty once it is set (they were replayed
 * on it, in order).
 */
public final class FirstStage {
    // phases
    /** No load asked for yet. */
    private static final int IDLE = 0;
    /** The full widget is on its way. */
    private static final int LOADING = 1;
    /** The last load failed; the next intent tries again. */
    private static final int FAILED = 2;
    /** The full widget took over. */
    private static final int ADOPTED = 3;
    /** {@link #destroy()} was called: nothing more happens. */
    private static final int DESTROYED = 4;

    // what the page side signals
    /** The document has a body: draw the launcher. */
    static final int BODY_READY = 0;
    /** Pointer over or focus on the launcher: fetch the full widget, open nothing. */
    static final int INTENT = 1;
    /** A click on the launcher: fetch the full widget and open it. */
    static final int CLICK = 2;
    /** The full widget's script arrived; the value is its {@code GuestChat}. */
    static final int LOADED = 3;
    /** The full widget could not be fetched (404, blocked by CSP, offline). */
    static final int LOAD_FAILED = 4;
    /** The full widget is on the page ({@code ready}): the first stage's launcher goes. */
    static final int SHOWN = 5;

    /** The full widget's launcher look, plus the busy and failed states only the first stage has. */
    static final String CSS = LauncherStyle.CSS
            + "@media (max-width:600px){:host{right:0;bottom:0}" + LauncherStyle.NARROW + "}"
            + ".gcw-launcher[aria-busy=true]{cursor:progress}"
            + ".gcw-launcher[data-failed]::after{content:'!';position:absolute;top:-4px;right:-4px;width:20px;height:20px;"
            + "border-radius:10px;background:#b3261e;color:#fff;font-size:12px;line-height:20px}";

    /** What the page gave {@code init} (or the script tag's data-*), handed to the full widget unchanged. */
    private final JSObject options;
    /** Calls made before the full widget arrived, in order: {@code [name, args, resolve, reject]}. */
    private final JSObject calls = newArray();
    /** The page side's way back in; one function for every event above. */
    private final Signal signal = this::signal;
    /** The launcher's host element; null inline, before the body exists, and after it handed over or was removed. */
    private JSObject host;
    /** The full widget's instance; null until adopted. */
    private JSObject widget;
    /** One of the phases above. */
    private int phase = IDLE;

    FirstStage(JSObject options) {
        this.options = options;
        boolean inline = has(options, "container"); // an inline chat is part of the page: shown at once
        if (!inline) {
            whenBodyReady(signal);
        }
        if (inline || !has(options, "deploymentId") || holdsConversation(options)) {
            // a live or pending-end conversation: the widget must be there to end it on exit; a chat that cannot
            // start says why at load, where the site owner sees it, not on a customer's first click
            load();
        }
    }

    // ------------------------------------------------------------------ the full widget's API

    @JSExport
    public void open() {
        forward("open", null);
    }

    @JSExport
    public void minimize() {
        if (widget != null) {
            invoke(widget, "minimize", null); // before that nothing is open
        }
    }

    /** Resolves or rejects as the full widget's {@code end()} does, once it is there. */
    @JSExport
    public JSObject end() {
        if (widget != null) {
            return invoke(widget, "end", null);
        }
        JSObject promise = defer(calls, "end");
        load();
        return promise;
    }

    @JSExport
    public void startNew() {
        forward("startNew", null);
    }

    @JSExport
    public void signOut() {
        forward("signOut", null);
    }

    /** True when the text was sent or queued; before the full widget is there it is sent once it is. */
    @JSExport
    public boolean send(JSObject text) {
        if (widget != null) {
            return isTrue(invoke(widget, "send", pair(text, null)));
        }
        if (isBlank(text)) {
            return false;
        }
        forward("send", pair(text, null));
        return true;
    }

    /** Checked against the byte budget by the full widget; too large before it was there means an {@code error} event. */
    @JSExport
    public void setCustomAttributes(JSObject attributes) {
        forward("setCustomAttributes", pair(attributes, null));
    }

    @JSExport
    public void on(JSObject event, JSObject listener) {
        keep("on", pair(event, listener)); // listening alone does not fetch the widget
    }

    @JSExport
    public void off(JSObject event, JSObject listener) {
        keep("off", pair(event, listener));
    }

    /** {@code idle} until the full widget is there. */
    @JSExport
    public JSObject state() {
        return widget != null ? invoke(widget, "state", null) : idle();
    }

    /** Focuses the launcher, or (once there) the full widget's launcher or composer. */
    @JSExport
    public void focus() {
        if (widget != null) {
            invoke(widget, "focus", null);
        } else if (host != null) {
            focusLauncher(host);
        }
    }

    @JSExport
    public void destroy() {
        if (widget != null) {
            invoke(widget, "destroy", null);
        }
        phase = DESTROYED;
        clear(calls);
        removeLauncher();
    }

    // ------------------------------------------------------------------ the first stage's life

    private void signal(int what, JSObject value) {
        switch (what) {
            case BODY_READY -> {
                if (phase != DESTROYED && widget == null) {
                    host = drawLauncher(options, CSS, signal);
                    showPhase();
                }
            }
            case INTENT -> load();
            case CLICK -> open();
            case LOADED -> adopt(value);
            case LOAD_FAILED -> failed();
            default -> handOver();
        }
    }

    private void load() {
        if (phase != IDLE && phase != FAILED) {
            return; // on its way, there, or destroyed
        }
        phase = LOADING;
        showPhase();
        loadFull(options, signal);
    }

    private void adopt(JSObject full) {
        if (phase != LOADING) {
            return; // destroyed meanwhile
        }
        phase = ADOPTED;
        widget = init(full, options);
        onReady(widget, signal); // the launcher stays until the full widget's own is on the page
        replay(calls, widget);
    }

    private void failed() {
        if (phase == LOADING) {
            phase = FAILED;
            rejectWaiting(calls);
            tellFailure(calls);
            showPhase();
        }
    }

    /** The full widget is on the page: the first stage's launcher goes, the keyboard focus with it where it was. */
    private void handOver() {
        boolean focused = host != null && hasFocus(host);
        removeLauncher();
        if (focused) {
            invoke(widget, "focus", null);
        }
    }

    private void removeLauncher() {
        if (host != null) {
            remove(host);
            host = null;
        }
    }

    private void showPhase() {
        if (host != null) {
            launcherState(host, phase == LOADING, phase == FAILED);
        }
    }

    /** A call that needs the full widget: made now, or kept and the widget fetched. */
    private void forward(String name, JSObject args) {
        keep(name, args);
        load();
    }

    /** A call made now on the full widget, or kept for it. */
    private void keep(String name, JSObject args) {
        if (phase == DESTROYED) {
            return;
        }
        if (widget != null) {
            invoke(widget, name, args);
        } else {
            push(calls, name, args);
        }
    }

    // ------------------------------------------------------------------ the page side

    /** How the page side calls back in: {@code what} is one of the signals above. */
    @JSFunctor
    interface Signal extends JSObject {
        void fire(int what, JSObject value);
    }

    /**
     * {@code gcwLoad} is the wrapper's: a script tag next to this one, or {@code import()} in the ES module; the
     * signed-in widget when the options carry {@code auth} or this browser holds a signed-in customer's tokens.
     */
    @JSBody(params = {"o", "s"}, script = "gcwLoad(signsIn(o),function(_f){s(3,_f);},function(){s(4,null);});")
    static native void loadFull(JSObject options, Signal signal);

    @JSBody(params = "s", script = "whenBodyReady(s);")
    static native void whenBodyReady(Signal signal);

    /**
     * The launcher as the full widget draws it: its host element and shadow root, theme, right-to-left side and
     * label in the first built-in language the page or the visitor prefers (the catalogues' {@code launcher}, and
     * what to say after a failed load); a host's own {@code strings.launcher} wins.
     */
    @JSBody(params = {"o", "css", "s"}, script = "return drawLauncher(o,css,s);")
    static native JSObject drawLauncher(JSObject options, String css, Signal signal);

    @JSBody(params = {"h", "busy", "failed"}, script = "launcherState(h,busy,failed);")
    static native void launcherState(JSObject host, boolean busy, boolean failed);

    @JSBody(params = "h", script = "h.shadowRoot.lastChild.focus();")
    static native void focusLauncher(JSObject host);

    @JSBody(params = "h", script = "return !!h.shadowRoot.activeElement;")
    static native boolean hasFocus(JSObject host);

    @JSBody(params = "h", script = "h.remove();")
    static native void remove(JSObject host);

    @JSBody(params = {"f", "o"}, script = "return f.init(o);")
    static native JSObject init(JSObject full, JSObject options);

    /** The full widget's own launcher is on the page: it is {@code ready}, or it drew a chat that cannot start. */
    @JSBody(params = {"w", "s"}, script = "onceReady(w,s);")
    static native void onReady(JSObject widget, Signal signal);

    @JSBody(params = {"w", "n", "a"}, script = "return w[n].apply(w,a||[]);")
    static native JSObject invoke(JSObject widget, String name, JSObject args);

    @JSBody(script = "return [];")
    static native JSObject newArray();

    @JSBody(params = {"q", "n", "a"}, script = "q.push([n,a]);")
    static native void push(JSObject queue, String name, JSObject args);

    @JSBody(params = {"q", "n"}, script = "return new Promise(function(_s,_f){q.push([n,0,_s,_f]);});")
    static native JSObject defer(JSObject queue, String name);

    /** Replays every kept call on the full widget, in order; a promise's outcome goes to its waiting caller. */
    @JSBody(params = {"q", "w"}, script = "replayCalls(q,w);")
    static native void replay(JSObject queue, JSObject widget);

    @JSBody(params = "q", script = "rejectWaiting(q);")
    static native void rejectWaiting(JSObject queue);

    /**
     * The page's {@code error} listeners kept so far hear why: the browser refused or could not fetch the full widget
     * (offline, blocked, 404, or a file whose integrity does not match this first stage's).
     */
    @JSBody(params = "q", script = "tellFailure(q);")
    static native void tellFailure(JSObject queue);

    @JSBody(params = "q", script = "q.length=0;")
    static native void clear(JSObject queue);

    @JSBody(params = {"a", "b"}, script = "return [a,b];")
    static native JSObject pair(JSObject a, JSObject b);

    @JSBody(params = "v", script = "return v===true;")
    static native boolean isTrue(JSObject value);

    @JSBody(params = "v", script = "return !String(v==null?'':v).trim();")
    static native boolean isBlank(JSObject value);

    @JSBody(script = "return 'idle';")
    static native JSObject idle();

    @JSBody(params = {"o", "k"}, script = "return o!=null&&o[k]!=null;")
    static native boolean has(JSObject o, String key);

    /**
     * The full widget's stored session ({@code SessionStore}): an active conversation, an end still to send, or the
     * panel left open on the previous page. Storage that cannot be read holds nothing.
     */
    @JSBody(params = "o", script = "return holdsConversation(o);")
    static native boolean holdsConversation(JSObject options);
}
