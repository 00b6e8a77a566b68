package dev.guestchat.simulator;

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
    /** Frames longer than this are logged as an excerpt: a fuzzer's megabyte frames must not fill the heap. */
    static final int MAX_LOGGED_FRAME_CHARS = 16_384;
    private final JsonMapper json;
    /** Oldest first; at most {@link #MAX_ENTRIES}. */
    private final java.util.ArrayDeque<ObjectNode> entries = new java.util.ArrayDeque<>();
    /** Frames of entries not yet read, by entry (identity); emptied as entries are read or trimmed. */
    private final java.util.IdentityHashMap<ObjectNode, String> unparsed = new java.util.IdentityHashMap<>();
    /** Sequence number of the next entry; never reused, so {@code since} stays valid after trimming. */
    private long nextSeq = 1;

    EventLog(JsonMapper json) {
        this.json = json;
    }

    synchronized void frame(String direction, SimConnection c, String text) {
        ObjectNode e = entry(direction, c.token, c.id);
        if (text.length() > MAX_LOGGED_FRAME_CHARS) {
            e.put("raw", text.substring(0, 2_000) + "… (" + text.length() + " chars)");
            return;
        }
        unparsed.put(e, text); // parsed when first read: under load most frames are never asked for
    }

    /** The frame of an entry as JSON ({@code frame}), or as text ({@code raw}) when it is not JSON. */
    private ObjectNode complete(ObjectNode e) {
        String text = unparsed.remove(e);
        if (text != null) {
            JsonNode parsed = parseQuietly(text);
            if (parsed != null) {
                e.set("frame", parsed);
            } else {
                e.put("raw", text);
            }
        }
        return e;
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
                out.add(complete(e));
            }
        }
        return out;
    }

    synchronized void clear() {
        entries.clear();
        unparsed.clear();
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
        entries.addLast(e);
        if (entries.size() > MAX_ENTRIES) {
            unparsed.remove(entries.pollFirst());
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
