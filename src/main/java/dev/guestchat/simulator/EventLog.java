package dev.guestchat.simulator;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every frame in and out, plus simulator events (routing, ends), in order — what tests and the agent console
 * query ({@code GET /sim/events}). Bounded so a long demo cannot exhaust memory.
 */
final class EventLog {
    static final int MAX_ENTRIES = 50_000;
    private final JsonMapper json;
    private final List<ObjectNode> entries = new ArrayList<>();
    /** Sequence number of the next entry; never reused, so {@code since} stays valid after trimming. */
    private long nextSeq = 1;

    EventLog(JsonMapper json) {
        this.json = json;
    }

    synchronized void frame(String direction, SimConnection c, String text) {
        ObjectNode e = entry(direction, c.token, c.id);
        JsonNode parsed = parseQuietly(text);
        if (parsed != null) {
            e.set("frame", parsed);
        } else {
            e.put("raw", text);
        }
    }

    synchronized void event(String kind, String token, String detail) {
        ObjectNode e = entry("sim", token, null);
        e.put("event", kind);
        if (detail != null) {
            e.put("detail", detail);
        }
    }

    synchronized ArrayNode since(long seq, String token) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (ObjectNode e : entries) {
            if (e.get("seq").asLong() > seq && (token == null || token.equals(e.path("token").asString(null)))) {
                out.add(e);
            }
        }
        return out;
    }

    synchronized void clear() {
        entries.clear();
    }

    private ObjectNode entry(String direction, String token, String connection) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("seq", nextSeq++);
        e.put("time", System.currentTimeMillis());
        e.put("dir", direction);
        if (token != null) {
            e.put("token", token);
        }
        if (connection != null) {
            e.put("connection", connection);
        }
        entries.add(e);
        if (entries.size() > MAX_ENTRIES) {
            entries.subList(0, entries.size() - MAX_ENTRIES).clear();
        }
        return e;
    }

    private JsonNode parseQuietly(String text) {
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
