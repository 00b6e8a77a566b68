package dev.guestchat.api;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * The host page's listeners ({@code on}/{@code off}). A listener that throws is reported to the console and
 * never stops the widget or the other listeners.
 */
final class EventHub {
    /** Event names of the registrations, in registration order; {@code functions.get(i)} listens to {@code names.get(i)}. */
    private final List<String> names = new ArrayList<>();
    private final List<JSObject> functions = new ArrayList<>();

    void on(String event, JSObject fn) {
        names.add(event);
        functions.add(fn);
    }

    void off(String event, JSObject fn) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(event) && same(functions.get(i), fn)) {
                names.remove(i);
                functions.remove(i);
                return;
            }
        }
    }

    void emit(String event, JSObject payload) {
        // a copy: a listener may add or remove listeners while we call them
        List<String> eventNames = new ArrayList<>(names);
        List<JSObject> listeners = new ArrayList<>(functions);
        for (int i = 0; i < eventNames.size(); i++) {
            if (eventNames.get(i).equals(event)) {
                invoke(listeners.get(i), payload, event);
            }
        }
    }

    void clear() {
        names.clear();
        functions.clear();
    }

    @JSBody(params = {"a", "b"}, script = "return a===b;")
    static native boolean same(JSObject a, JSObject b);

    @JSBody(params = {"fn", "p", "name"}, script = "try{fn(p);}catch(_e){console.error('guest-chat: '+name+' listener failed',_e);}")
    static native void invoke(JSObject fn, JSObject payload, String name);
}
