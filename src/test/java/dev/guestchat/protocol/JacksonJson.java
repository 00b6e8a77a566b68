package dev.guestchat.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test double of the browser's JSON.parse view, backed by Jackson, with the same tolerance rules. */
public final class JacksonJson implements JsonObjectView {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    public static final JsonParser PARSER = text -> {
        try {
            JsonNode n = MAPPER.readTree(text);
            return n != null && n.isObject() ? new JacksonJson(n) : null;
        } catch (RuntimeException e) {
            return null;
        }
    };

    private final JsonNode node;

    JacksonJson(JsonNode node) {
        this.node = node;
    }

    @Override
    public String string(String key) {
        JsonNode v = node.get(key);
        return v != null && v.isString() ? v.asString() : null;
    }

    @Override
    public double number(String key, double fallback) {
        JsonNode v = node.get(key);
        return v != null && v.isNumber() ? v.asDouble() : fallback;
    }

    @Override
    public boolean flag(String key, boolean fallback) {
        JsonNode v = node.get(key);
        return v != null && v.isBoolean() ? v.asBoolean() : fallback;
    }

    @Override
    public JsonObjectView object(String key) {
        JsonNode v = node.get(key);
        return v != null && v.isObject() ? new JacksonJson(v) : null;
    }

    @Override
    public List<JsonObjectView> objects(String key) {
        List<JsonObjectView> out = new ArrayList<>();
        JsonNode v = node.get(key);
        if (v != null && v.isArray()) {
            for (JsonNode item : v) {
                if (item.isObject()) {
                    out.add(new JacksonJson(item));
                }
            }
        }
        return out;
    }

    @Override
    public List<String> texts(String key) {
        List<String> out = new ArrayList<>();
        JsonNode v = node.get(key);
        if (v != null && v.isArray()) {
            for (JsonNode item : v) {
                if (item.isString()) {
                    out.add(item.asString());
                }
            }
        }
        return out;
    }

    @Override
    public StringPairs strings(String key) {
        StringPairs out = new StringPairs();
        JsonNode v = node.get(key);
        if (v != null && v.isObject()) {
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                if (e.getValue().isString()) {
                    out.put(e.getKey(), e.getValue().asString());
                }
            }
        }
        return out;
    }
}
