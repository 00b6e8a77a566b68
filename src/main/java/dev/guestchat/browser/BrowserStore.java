package dev.guestchat.browser;

import dev.guestchat.core.Ports;
import java.util.ArrayList;
import java.util.List;
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

    @Override
    public List<String> keys(String prefix) {
        // one string, newline-separated: keys are ours (ids without newlines), and no JS array crosses over
        String joined = keysWith(prefix);
        List<String> out = new ArrayList<>();
        int from = 0;
        while (joined != null && from < joined.length()) {
            int end = joined.indexOf('\n', from);
            if (end < 0) {
                end = joined.length();
            }
            out.add(joined.substring(from, end));
            from = end + 1;
        }
        return out;
    }

    @Override
    public boolean readable() {
        return canRead();
    }

    @JSBody(script = "return storeReadable();")
    static native boolean canRead();

    @JSBody(params = "p", script = "return storedKeys(p);")
    static native String keysWith(String prefix);

    @JSBody(params = "k", script = "return storeGet(k);")
    static native String getItem(String key);

    @JSBody(params = {"k", "v"}, script = "storeSet(k,v);")
    static native void setItem(String key, String value);

    @JSBody(params = "k", script = "storeRemove(k);")
    static native void removeItem(String key);
}
