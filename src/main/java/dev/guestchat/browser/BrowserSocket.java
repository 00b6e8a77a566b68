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
    public static final Ports.SocketFactory FACTORY = (url, events) -> new BrowserSocket(
            open(url, events::onOpen, events::onText, events::onClosed));

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

    @JSFunctor
    interface Opened extends JSObject {
        void run();
    }

    @JSFunctor
    interface Received extends JSObject {
        void run(String text);
    }

    @JSFunctor
    interface Closed extends JSObject {
        void run(int code);
    }

    @JSBody(params = {"url", "onOpen", "onText", "onClose"}, script = "return openSocket(url,onOpen,onText,onClose);")
    static native JSObject open(String url, Opened onOpen, Received onText, Closed onClose);

    @JSBody(params = {"w", "t"}, script = "if(w.readyState!==1)return false;w.send(t);return true;")
    static native boolean send(JSObject w, String text);

    @JSBody(params = "w", script = "w.onopen=w.onmessage=w.onclose=null;try{w.close(1000);}catch(_e){}")
    static native void close(JSObject w);

    @JSBody(params = "w", script = "return w.bufferedAmount>0;")
    static native boolean buffered(JSObject w);

    @JSBody(params = "w", script = "return w.readyState===1;")
    static native boolean isOpen(JSObject w);
}
