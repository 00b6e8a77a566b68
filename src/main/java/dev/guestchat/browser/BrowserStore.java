package dev.guestchat.browser;

import dev.guestchat.core.Ports;
import org.teavm.jso.JSBody;

/**
 * localStorage. Access can throw (storage disabled, sandboxed frame, quota): then the widget still works for
 * this page, it just cannot carry the chat to the next one.
 */
public final class BrowserStore implements Ports.KeyValueStore {
    @Override
    public String get(String key) {
        return getItem(key);
    }

    @Override
    public void put(String key, String value) {
        setItem(key, value);
    }

    @Override
    public void remove(String key) {
        removeItem(key);
    }

    @JSBody(params = "k", script = "try{return localStorage.getItem(k);}catch(_e){return null;}")
    static native String getItem(String key);

    @JSBody(params = {"k", "v"}, script = "try{localStorage.setItem(k,v);}catch(_e){}")
    static native void setItem(String key, String value);

    @JSBody(params = "k", script = "try{localStorage.removeItem(k);}catch(_e){}")
    static native void removeItem(String key);
}
