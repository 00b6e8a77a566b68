package dev.guestchat.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * The host page's listeners ({@code on}/{@code off}). A listener that throws is reported to the console and
 * never stops the widget or the other listeners.
 */
final class EventHub {
    /** Event name → listeners in registration order. */
    private final Map<String, List<JSObject>> listeners = new HashMap<>();

    void on(String event, JSObject fn) {
        listeners.computeIfAbsent(event, k -> new ArrayList<>()).add(fn);
    }

    void off(String event, JSObject fn) {
        List<JSObject> list = listeners.get(event);
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                if (same(list.get(i), fn)) {
                    list.remove(i);
                    return;
                }
            }
        }
    }

    void emit(String event, JSObject payload) {
        List<JSObject> list = listeners.get(event);
        if (list == null) {
            return;
        }
        for (JSObject fn : new ArrayList<>(list)) {
            invoke(fn, payload, event);
        }
    }

    void clear() {
        listeners.clear();
    }

    @JSBody(params = {"a", "b"}, script = "return a===b;")
    static native boolean same(JSObject a, JSObject b);

    @JSBody(params = {"fn", "p", "name"}, script = "try{fn(p);}catch(_e){console.error('guest-chat: '+name+' listener failed',_e);}")
    static native void invoke(JSObject fn, JSObject payload, String name);
}
