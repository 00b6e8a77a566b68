package dev.guestchat.browser;

import dev.guestchat.protocol.JsonObjectView;
import dev.guestchat.protocol.JsonParser;
import dev.guestchat.protocol.StringPairs;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArrayReader;

/** {@link JsonObjectView} over the result of the browser's own {@code JSON.parse}; the reading is in json-view.js. */
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
    public double number(String key, double fallback) {
        return numberOf(object, key, fallback);
    }

    @Override
    public boolean flag(String key, boolean fallback) {
        return flagOf(object, key, fallback);
    }

    @Override
    public JsonObjectView object(String key) {
        JSObject child = objectOf(object, key);
        return child == null ? null : new JsObjectView(child);
    }

    @Override
    public List<JsonObjectView> objects(String key) {
        // read through a JS array, not a Java JSObject[]: a JS value in a Java array would be wrapped, and the
        // wrapper's machinery costs the bundle ~1 KB
        JSArrayReader<JSObject> items = objectsOf(object, key);
        List<JsonObjectView> out = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            out.add(new JsObjectView(items.get(i)));
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

    @JSBody(params = {"o", "k"}, script = "return stringList(o,k);")
    static native String[] textsOf(JSObject o, String k);

    @JSBody(params = "t", script = "return parseObject(t);")
    static native JSObject parse(String text);

    @JSBody(params = {"o", "k"}, script = "return stringField(o,k);")
    static native String stringOf(JSObject o, String k);

    @JSBody(params = {"o", "k", "f"}, script = "return numberField(o,k,f);")
    static native double numberOf(JSObject o, String k, double fallback);

    @JSBody(params = {"o", "k", "f"}, script = "return booleanField(o,k,f);")
    static native boolean flagOf(JSObject o, String k, boolean fallback);

    @JSBody(params = {"o", "k"}, script = "return objectField(o,k);")
    static native JSObject objectOf(JSObject o, String k);

    @JSBody(params = {"o", "k"}, script = "return objectList(o,k);")
    static native JSArrayReader<JSObject> objectsOf(JSObject o, String k);

    @JSBody(params = "o", script = "return Object.keys(o);")
    static native String[] keysOf(JSObject o);
}
