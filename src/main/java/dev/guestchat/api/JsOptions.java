package dev.guestchat.api;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** Reads host-supplied option objects without trusting their types (options.js). */
final class JsOptions {
    private JsOptions() {
    }

    @JSBody(params = {"o", "k"}, script = "return optionText(o,k);")
    static native String str(JSObject o, String key);

    /** An object-valued option, or null. */
    @JSBody(params = {"o", "k"}, script = "return optionObject(o,k);")
    static native JSObject object(JSObject o, String key);

    /** The {@code auth} option: a grant object or a function giving one; null when absent or anything else. */
    @JSBody(params = "o", script = "return optionAuth(o);")
    static native JSObject auth(JSObject o);

    /** A flat object of strings as a map (values converted with String()); empty for null. */
    static dev.guestchat.protocol.StringPairs strings(JSObject o) {
        dev.guestchat.protocol.StringPairs map = new dev.guestchat.protocol.StringPairs();
        if (o != null) {
            for (String key : keys(o)) {
                map.put(key, str(o, key));
            }
        }
        return map;
    }

    /** Whether {@code names} holds {@code name} (option and event names a page may give). */
    static boolean listed(String[] names, String name) {
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The browser's language preferences, best first. */
    @JSBody(script = "return preferredLanguages();")
    static native String[] languages();

    /** Where the script build found itself: catalogues live in {@code i18n/} next to it. */
    @JSBody(script = "var _g=window.GuestChat;return _g&&_g.i18nBase||null;")
    static native String scriptI18nBase();

    @JSBody(params = "s", script = "return s.toLowerCase();")
    static native String lower(String s);

    /** Own enumerable keys whose values are not null/undefined. */
    @JSBody(params = "o", script = "return optionKeys(o);")
    static native String[] keys(JSObject o);

    @JSBody(params = "m", script = "throw new Error('guest-chat: '+m);")
    static native void fail(String message);

    /** An element option: an element, or a CSS selector of one; null when absent or not found. */
    @JSBody(params = {"o", "k"}, script = "return optionElement(o,k);")
    static native org.teavm.jso.dom.html.HTMLElement element(JSObject o, String key);

    /** Resolves a page-relative socket URL ({@code /v1}) against this page's host, keeping TLS if the page has it. */
    @JSBody(params = "u", script = "return socketAddress(u);")
    static native String socketUrl(String url);

    /** One URL path segment. */
    @JSBody(params = "s", script = "return encodeURIComponent(s);")
    static native String encode(String segment);

    /** Resolves a page-relative REST base URL; empty means this page's origin. */
    @JSBody(params = "u", script = "return httpAddress(u);")
    static native String httpUrl(String url);
}
