package dev.guestchat.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server frames a hostile or broken service could send, generated from a seed so that every failure can be
 * replayed ({@code new FrameFuzzer(seed)} gives the same frames in the same order): real Guest API frames with
 * their nodes replaced by wrong types, huge strings, deep nesting, unknown classes and fields, lone UTF-16
 * surrogates and extreme numbers; text cut, spliced or repeated; and plain garbage.
 */
public final class FrameFuzzer {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Frames the real service sends (PROTOCOL.md §4), the starting points for mutation. */
    public static final List<String> CORPUS = List.of(
            "{\"type\":\"response\",\"class\":\"SessionResponse\",\"code\":200,\"body\":{\"connected\":true,"
                    + "\"newSession\":false,\"readOnly\":false,\"maxCustomDataBytes\":2048,\"durationSeconds\":259200,"
                    + "\"expirationDate\":1790000000,\"allowedMedia\":{\"inbound\":{\"fileTypes\":[{\"type\":\"image/png\"}],"
                    + "\"maxFileSizeKB\":10240}},\"blockedExtensions\":[\".exe\"]}}",
            "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"body\":{\"id\":\"m1\",\"type\":\"Text\","
                    + "\"direction\":\"Outbound\",\"text\":\"Hello, how can I help?\",\"originatingEntity\":\"Human\","
                    + "\"channel\":{\"time\":\"2026-01-05T10:00:00.000Z\",\"messageId\":\"m1\",\"type\":\"Private\","
                    + "\"from\":{\"nickname\":\"Dana\"},\"to\":{}},\"metadata\":{\"correlationId\":\"c1\"}}}",
            "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"tracingId\":\"t1\",\"body\":{\"id\":\"m2\","
                    + "\"type\":\"Text\",\"direction\":\"Inbound\",\"text\":\"my order\",\"channel\":{\"time\":"
                    + "\"2026-01-05T10:00:01.000Z\",\"messageId\":\"m2\",\"metadata\":{\"customAttributes\":{\"a\":\"b\"}}},"
                    + "\"metadata\":{}}}",
            "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"body\":{\"id\":\"m3\",\"type\":\"Structured\","
                    + "\"direction\":\"Outbound\",\"text\":\"Pick one\",\"originatingEntity\":\"Bot\",\"channel\":{\"time\":"
                    + "\"2026-01-05T10:00:02.000Z\",\"from\":{\"nickname\":\"Bot\"}},\"content\":[{\"contentType\":\"QuickReply\","
                    + "\"quickReply\":{\"text\":\"Yes\",\"payload\":\"yes\",\"action\":\"Message\"}},{\"contentType\":"
                    + "\"QuickReply\",\"quickReply\":{\"text\":\"No\",\"payload\":\"no\",\"action\":\"Message\"}}]}}",
            "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"body\":{\"id\":\"e1\",\"type\":\"Event\","
                    + "\"direction\":\"Outbound\",\"channel\":{\"time\":\"2026-01-05T10:00:03.000Z\"},\"events\":[{\"eventType\":"
                    + "\"Typing\",\"typing\":{\"type\":\"On\",\"duration\":5000}}]}}",
            "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"body\":{\"id\":\"e2\",\"type\":\"Event\","
                    + "\"direction\":\"Outbound\",\"channel\":{\"time\":\"2026-01-05T10:00:04.000Z\"},\"events\":[{\"eventType\":"
                    + "\"Presence\",\"presence\":{\"type\":\"Disconnect\"}}],\"metadata\":{\"readOnly\":\"true\"}}}",
            "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"tracingId\":\"t2\",\"body\":{\"id\":\"e3\","
                    + "\"type\":\"Event\",\"direction\":\"Inbound\",\"events\":[{\"eventType\":\"Presence\",\"presence\":"
                    + "{\"type\":\"Join\"}}]}}",
            "{\"type\":\"response\",\"class\":\"StructuredMessage\",\"code\":200,\"tracingId\":\"echo\",\"body\":{\"id\":\"p\","
                    + "\"type\":\"Text\",\"text\":\"ping\",\"direction\":\"Inbound\",\"metadata\":{\"durationSeconds\":\"259200\"}}}",
            "{\"type\":\"message\",\"class\":\"SessionClearedEvent\",\"code\":200,\"body\":{}}",
            "{\"type\":\"message\",\"class\":\"ConnectionClosedEvent\",\"code\":200,\"body\":{\"reason\":\"other window\"}}",
            "{\"type\":\"message\",\"class\":\"SessionExpiredEvent\",\"code\":200,\"body\":{}}",
            "{\"type\":\"response\",\"class\":\"JwtResponse\",\"code\":200,\"tracingId\":\"j\",\"body\":{\"jwt\":\"a.b.c\","
                    + "\"exp\":1790000000}}",
            "{\"type\":\"response\",\"class\":\"TooManyRequestsErrorMessage\",\"code\":429,\"tracingId\":\"t3\",\"body\":"
                    + "{\"retryAfter\":1,\"errorCode\":4029,\"errorMessage\":\"Message rate too high\"}}",
            "{\"type\":\"response\",\"class\":\"string\",\"code\":4011,\"tracingId\":\"t4\",\"body\":\"message too long\"}",
            "{\"type\":\"response\",\"class\":\"string\",\"code\":403,\"body\":\"Presence events Conversation Clear are not supported\"}",
            "{\"type\":\"response\",\"class\":\"string\",\"code\":4006,\"body\":\"Session expired\"}",
            "{\"type\":\"response\",\"class\":\"GetConfigurationResponse\",\"code\":200,\"body\":{\"maxCustomDataBytes\":2048}}");

    private final Random random;

    public FrameFuzzer(long seed) {
        this.random = new Random(seed);
    }

    /** The next frame text. */
    public String next() {
        int kind = random.nextInt(10);
        if (kind < 6) {
            return treeMutation();
        }
        if (kind < 9) {
            return textMutation(random.nextBoolean() ? pick(CORPUS) : treeMutation());
        }
        return garbage();
    }

    private String treeMutation() {
        JsonNode root = JSON.readTree(pick(CORPUS));
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            mutate(target);
        }
        return JSON.writeValueAsString(root);
    }

    private void mutate(JsonNode container) {
        if (container instanceof ObjectNode o) {
            List<String> names = new ArrayList<>(o.propertyNames());
            int what = random.nextInt(6);
            if (names.isEmpty() || what == 0) {
                o.set(randomKey(), randomValue(3));
            } else if (what == 1) {
                o.remove(names.get(random.nextInt(names.size())));
            } else if (what == 2 && o.has("class")) {
                o.put("class", random.nextBoolean() ? "NoSuch" + random.nextInt(1000) : pick(List.of(
                        "SessionResponse", "StructuredMessage", "SessionClearedEvent", "JwtResponse", "string",
                        "Error", "TooManyRequestsErrorMessage", "ConnectionClosedEvent", "SessionExpiredEvent")));
            } else {
                o.set(names.get(random.nextInt(names.size())), randomValue(3));
            }
        } else if (container instanceof ArrayNode a) {
            if (a.isEmpty() || random.nextBoolean()) {
                a.add(randomValue(3));
            } else {
                a.set(random.nextInt(a.size()), randomValue(3));
            }
        }
    }

    /** A value of any JSON type, sometimes hostile: huge, deep, surrogate-laden, extreme. */
    private JsonNode randomValue(int depth) {
        switch (random.nextInt(depth <= 0 ? 8 : 12)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return NODES.numberNode(pick(List.of(0d, -1d, 1e308, -1e308, 4.9e-324, 9007199254740993d, 0.5, 2147483648d)));
            case 3:
                return NODES.numberNode(random.nextInt());
            case 4:
                return NODES.stringNode(hostileString());
            case 5:
                return NODES.stringNode("2026-01-0" + random.nextInt(10) + "T10:00:00.000Z");
            case 6:
                return NODES.stringNode(pick(List.of("", "true", "Clear", "Disconnect", "Inbound", "Outbound", "Typing",
                        "Presence", "Event", "Text", "Structured", "QuickReply", "t1", "echo", "m1")));
            case 7:
                return NODES.stringNode("x".repeat(random.nextInt(200_000)));
            case 8: {
                ArrayNode a = NODES.arrayNode();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    a.add(randomValue(depth - 1));
                }
                return a;
            }
            case 9:
                return deep(20 + random.nextInt(200));
            default: {
                ObjectNode o = NODES.objectNode();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    o.set(randomKey(), randomValue(depth - 1));
                }
                return o;
            }
        }
    }

    private JsonNode deep(int levels) {
        JsonNode inner = NODES.stringNode("bottom");
        for (int i = 0; i < levels; i++) {
            inner = random.nextBoolean() ? NODES.arrayNode().add(inner) : NODES.objectNode().set("events", inner);
        }
        return inner;
    }

    private String randomKey() {
        return pick(List.of("body", "class", "code", "type", "tracingId", "text", "id", "direction", "channel", "time",
                "events", "eventType", "presence", "typing", "content", "contentType", "quickReply", "metadata",
                "readOnly", "connected", "newSession", "jwt", "retryAfter", "from", "nickname", "__proto__",
                "constructor", "toString", hostileString()));
    }

    /** Text a renderer must show as text: markup, script URLs, bidi overrides, lone surrogates, NULs. */
    private String hostileString() {
        return pick(List.of("<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "javascript:alert(1)",
                "\uD800", "\uDC00\uD800", "a\u0000b", "\u202Eevil", "😀".repeat(1000), "\\u0000", "{{x}}",
                "${x}", "'\"", "\r\n\t", "%s%n"));
    }

    private String textMutation(String text) {
        StringBuilder s = new StringBuilder(text);
        switch (random.nextInt(7)) {
            case 0 -> s.setLength(random.nextInt(s.length() + 1));
            case 1 -> s.insert(random.nextInt(s.length() + 1), pick(List.of("{", "}", "[", "]", "\"", ",", ":", "\\",
                    "\uD800", "\u0000", "\\ud800", "\\uZZZZ", "NaN", "-", "1e999")));
            case 2 -> s.deleteCharAt(random.nextInt(Math.max(1, s.length())) % Math.max(1, s.length()));
            case 3 -> s.append(s);
            case 4 -> s.insert(0, "[").append("]");
            case 5 -> {
                int at = random.nextInt(s.length() + 1);
                s.insert(at, "[".repeat(5000) + "]".repeat(5000));
            }
            default -> s.setCharAt(random.nextInt(Math.max(1, s.length())) % Math.max(1, s.length()),
                    (char) random.nextInt(0x10000));
        }
        return s.toString();
    }

    private String garbage() {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> "null";
            case 2 -> "42";
            case 3 -> "\"just a string\"";
            case 4 -> "[" + "[".repeat(100_000);
            case 5 -> "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"body\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
            case 6 -> {
                StringBuilder b = new StringBuilder();
                int n = random.nextInt(300);
                for (int i = 0; i < n; i++) {
                    b.append((char) random.nextInt(0x10000));
                }
                yield b.toString();
            }
            default -> "{\"class\":" + random.nextInt() + ",\"body\":{\"events\":" + random.nextInt() + "}}";
        };
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isObject() || node.isArray()) {
            out.add(node);
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    collect(e.getValue(), out);
                }
            } else {
                for (JsonNode child : node) {
                    collect(child, out);
                }
            }
        }
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
