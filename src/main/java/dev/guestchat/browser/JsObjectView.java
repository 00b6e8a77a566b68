package dev.guestchat.browser;

import dev.guestchat.protocol.JsonObjectView;
import dev.guestchat.protocol.JsonParser;
import dev.guestchat.protocol.StringPairs;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** {@link JsonObjectView} over the result of the browser's own {@code JSON.parse}. */
public final class JsObjectView implements JsonObjectView {
    /** The parsed object; never null. */
    private final JSObject object;

    JsObjectView(JSObject object) {
        this.object = object;
    }

    /** The parser: {@code JSON.parse}, answering null for anything that is not a plain object. */
    public static final JsonParser PARSER = text -> {
        JSObject parsed = parse(text);
        return parsed == null ? null : new JsObjectView(parsed);
    };

    @Override
    public String string(String key) {
        return stringOf(object, key);
    }

    @Override
    public Double number(String key) {
        double v = numberOf(object, key);
        return Double.isNaN(v) ? null : v;
    }

    @Override
    public Boolean bool(String key) {
        int v = boolOf(object, key);
        return v < 0 ? null : v == 1;
    }

    @Override
    public JsonObjectView object(String key) {
        JSObject child = objectOf(object, key);
        return child == null ? null : new JsObjectView(child);
    }

    @Override
    public List<JsonObjectView> objects(String key) {
        List<JsonObjectView> out = new ArrayList<>();
        int n = objectCount(object, key);
        for (int i = 0; i < n; i++) {
            JSObject item = objectAt(object, key, i);
            if (item != null) {
                out.add(new JsObjectView(item));
            }
        }
        return out;
    }

    @Override
    public StringPairs strings(String key) {
        StringPairs out = new StringPairs();
        JSObject child = objectOf(object, key);
        if (child != null) {
            String[] keys = keysOf(child);
            for (String k : keys) {
                String v = stringOf(child, k);
                if (v != null) {
                    out.put(k, v);
                }
            }
        }
        return out;
    }

    @Override
    public List<String> texts(String key) {
        List<String> out = new ArrayList<>();
        for (String t : textsOf(object, key)) {
            out.add(t);
        }
        return out;
    }

    @JSBody(params = {"o", "k"}, script = "var _v=o[k];return Array.isArray(_v)?_v.filter(function(_x){"
            + "return typeof _x==='string';}):[];")
    static native String[] textsOf(JSObject o, String k);

    @JSBody(params = "t", script = "try{var _v=JSON.parse(t);return _v!==null&&typeof _v==='object'&&!Array.isArray(_v)?_v:null;}"
            + "catch(_e){return null;}")
    static native JSObject parse(String text);

    @JSBody(params = {"o", "k"}, script = "var _v=o[k];return typeof _v==='string'?_v:null;")
    static native String stringOf(JSObject o, String k);

    @JSBody(params = {"o", "k"}, script = "var _v=o[k];return typeof _v==='number'?_v:NaN;")
    static native double numberOf(JSObject o, String k);

    @JSBody(params = {"o", "k"}, script = "var _v=o[k];return typeof _v==='boolean'?(_v?1:0):-1;")
    static native int boolOf(JSObject o, String k);

    @JSBody(params = {"o", "k"}, script = "var _v=o[k];return _v!==null&&typeof _v==='object'&&!Array.isArray(_v)?_v:null;")
    static native JSObject objectOf(JSObject o, String k);

    @JSBody(params = {"o", "k"}, script = "var _v=o[k];return Array.isArray(_v)?_v.length:0;")
    static native int objectCount(JSObject o, String k);

    @JSBody(params = {"o", "k", "i"}, script = "var _v=o[k][i];return _v!==null&&typeof _v==='object'&&!Array.isArray(_v)?_v:null;")
    static native JSObject objectAt(JSObject o, String k, int i);

    @JSBody(params = "o", script = "return Object.keys(o);")
    static native String[] keysOf(JSObject o);
}
