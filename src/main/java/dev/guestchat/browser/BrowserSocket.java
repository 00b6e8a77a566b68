package dev.guestchat.browser;

import dev.guestchat.core.Ports;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** {@link Ports.GuestSocket} over the browser's WebSocket. */
public final class BrowserSocket implements Ports.GuestSocket {
    /** The browser socket; its handlers are detached once we close it, so it never reports our own close. */
    private final JSObject ws;

    private BrowserSocket(JSObject ws) {
        this.ws = ws;
    }

    /** The factory the session uses; a URL the browser refuses reports a close with 1006, never throws. */
    public static final Ports.SocketFactory FACTORY = (url, events) -> new BrowserSocket(open(url, (text, code) -> {
        if (text != null) {
            events.onText(text);
        } else if (code == 0) {
            events.onOpen();
        } else {
            events.onClosed(code);
        }
    }));

    @Override
    public boolean send(String text) {
        return send(ws, text);
    }

    @Override
    public void close() {
        close(ws);
    }

    @Override
    public boolean isOpen() {
        return isOpen(ws);
    }

    @Override
    public boolean holdsUnsentFrames() {
        return buffered(ws);
    }

    /**
     * What the socket says, through one functor (one per event would cost the bundle a wrapper class each): a text
     * frame ({@code text}), else opened ({@code code} 0) or closed with {@code code}.
     */
    @JSFunctor
    interface Heard extends JSObject {
        void run(String text, int code);
    }

    @JSBody(params = {"url", "heard"}, script = "return openSocket(url,heard);")
    static native JSObject open(String url, Heard heard);

    @JSBody(params = {"w", "t"}, script = "if(w.readyState!==1)return false;w.send(t);return true;")
    static native boolean send(JSObject w, String text);

    @JSBody(params = "w", script = "w.onopen=w.onmessage=w.onclose=null;try{w.close(1000);}catch(_e){}")
    static native void close(JSObject w);

    @JSBody(params = "w", script = "return w.bufferedAmount>0;")
    static native boolean buffered(JSObject w);

    @JSBody(params = "w", script = "return w.readyState===1;")
    static native boolean isOpen(JSObject w);
}
