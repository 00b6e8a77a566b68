package dev.guestchat.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** Fetches a JSON message catalogue (a flat object of strings), giving up after a deadline. */
public final class BrowserCatalogue {
    private BrowserCatalogue() {
    }

    /** The callback gets the parsed object, or null on any failure or timeout; it is called exactly once. */
    @JSFunctor
    public interface Loaded extends JSObject {
        void run(JSObject catalogue);
    }

    public static void load(String url, int timeoutMillis, Loaded loaded) {
        fetch(url, timeoutMillis, loaded);
    }

    @JSBody(params = {"url", "ms", "done"}, script = "getJsonObject(url,ms,done);")
    static native void fetch(String url, int timeoutMillis, Loaded loaded);
}
