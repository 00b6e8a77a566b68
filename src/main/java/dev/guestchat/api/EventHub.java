package dev.guestchat.api;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * The host page's listeners ({@code on}/{@code off}), kept in JS by listeners.js. A listener that throws is reported
 * to the console and never stops the widget or the other listeners.
 */
final class EventHub {
    /** The [event name, function] registrations in registration order; empty until the page calls {@code on}. */
    private final JSObject list = newList();

    void on(String event, JSObject fn) {
        add(list, event, fn);
    }

    void off(String event, JSObject fn) {
        remove(list, event, fn);
    }

    void emit(String event, JSObject payload) {
        emit(list, event, payload);
    }

    void clear() {
        clear(list);
    }

    @JSBody(script = "return listenerList();")
    static native JSObject newList();

    @JSBody(params = {"l", "n", "f"}, script = "addListener(l,n,f);")
    static native void add(JSObject list, String event, JSObject fn);

    @JSBody(params = {"l", "n", "f"}, script = "removeListener(l,n,f);")
    static native void remove(JSObject list, String event, JSObject fn);

    @JSBody(params = {"l", "n", "p"}, script = "emitEvent(l,n,p);")
    static native void emit(JSObject list, String event, JSObject payload);

    @JSBody(params = "l", script = "clearListeners(l);")
    static native void clear(JSObject list);
}
