package dev.guestchat.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Bodies of the frames the service sends (§4), shaped as the real service shapes them, and the ids and times in them. */
final class SimFrames {
    static final int MAX_CUSTOM_DATA_BYTES = 2048;
    static final long SESSION_DURATION_SECONDS = 259_200;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SimFrames() {
    }

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static String iso(long millis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(millis));
    }

    /** SessionResponse (§4.1). */
    static ObjectNode sessionBody(boolean newSession, boolean readOnly, SimDeployment d) {
        ObjectNode body = NODES.objectNode();
        body.put("connected", true);
        body.put("newSession", newSession);
        body.put("readOnly", readOnly);
        putLimits(body, d);
        body.put("durationSeconds", SESSION_DURATION_SECONDS);
        body.put("expirationDate", Instant.now().getEpochSecond() + SESSION_DURATION_SECONDS);
        return body;
    }

    /** GetConfigurationResponse. */
    static ObjectNode configurationBody(SimDeployment d) {
        ObjectNode body = NODES.objectNode();
        putLimits(body, d);
        body.put("messageRoutingEnabled", true);
        body.put("sessionDurationSeconds", SESSION_DURATION_SECONDS);
        return body;
    }

    /** The echo's reply: a StructuredMessage with the session's remaining life (§5.9). */
    static ObjectNode echoBody() {
        ObjectNode body = message(newId(), "Text", "Inbound");
        body.put("text", "ping");
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("durationSeconds", String.valueOf(SESSION_DURATION_SECONDS));
        metadata.put("expirationDate", String.valueOf(Instant.now().getEpochSecond() + SESSION_DURATION_SECONDS));
        return body;
    }

    /** The Inbound copy of a guest message or event: the guest's fields plus id, direction and time. */
    static ObjectNode inbound(JsonNode message, JsonNode customAttributes) {
        ObjectNode body = ((ObjectNode) message).deepCopy();
        String id = newId();
        body.put("id", id);
        body.put("direction", "Inbound");
        body.put("originatingEntity", "Human");
        ObjectNode channel = NODES.objectNode();
        channel.put("time", iso(System.currentTimeMillis()));
        channel.put("messageId", id);
        if (customAttributes != null && customAttributes.isObject()) {
            channel.putObject("metadata").set("customAttributes", customAttributes);
        }
        body.set("channel", channel);
        if (!body.has("metadata")) {
            body.putObject("metadata");
        }
        return body;
    }

    /** An agent's or bot's Outbound text, with quick replies as Structured content when there are any. */
    /** A quick reply as the agent side offers it: its label and the payload its ButtonResponse answers with. */
    record QuickReply(String text, String payload) {
    }

    static ObjectNode agentText(String text, String nickname, boolean bot, List<QuickReply> quickReplies, long now) {
        return agentMessage(text, nickname, bot, quickReplies, List.of(), now);
    }

    /**
     * An agent's or bot's Outbound message: text, quick replies, and any further content items as given (cards,
     * carousels, attachments, or types the widget does not know).
     */
    static ObjectNode agentMessage(String text, String nickname, boolean bot, List<QuickReply> quickReplies,
                                   List<JsonNode> content, long now) {
        String id = newId();
        boolean attachmentOnly = !content.isEmpty() && quickReplies.isEmpty()
                && content.stream().allMatch(c -> "Attachment".equals(c.path("contentType").asString()));
        ObjectNode body = message(id, quickReplies.isEmpty() && (content.isEmpty() || attachmentOnly) ? "Text"
                : "Structured", "Outbound");
        if (text != null && !text.isEmpty() || content.isEmpty()) {
            body.put("text", text == null ? "" : text);
        }
        body.put("originatingEntity", bot ? "Bot" : "Human");
        ObjectNode channel = body.putObject("channel");
        channel.put("time", iso(now));
        channel.put("type", "Private");
        channel.put("messageId", id);
        channel.putObject("from").put("nickname", nickname);
        channel.putObject("to");
        if (!quickReplies.isEmpty() || !content.isEmpty()) {
            ArrayNode items = body.putArray("content");
            content.forEach(items::add);
            for (QuickReply q : quickReplies) {
                ObjectNode item = items.addObject();
                item.put("contentType", "QuickReply");
                item.putObject("quickReply").put("text", q.text()).put("payload", q.payload()).put("action", "Message");
            }
        }
        body.putObject("metadata").put("correlationId", UUID.randomUUID().toString());
        return body;
    }

    /** The agent's Typing event (§4.2), shown for five seconds. */
    static ObjectNode agentTyping() {
        ObjectNode body = message(newId(), "Event", "Outbound");
        body.putObject("channel").put("time", iso(System.currentTimeMillis())).put("type", "Private");
        ObjectNode event = body.putArray("events").addObject();
        event.put("eventType", "Typing");
        event.putObject("typing").put("type", "On").put("duration", 5000);
        return body;
    }

    /** The agent's Presence Disconnect (§5.6), marked read-only when the deployment says so. */
    static ObjectNode agentDisconnect(long at, boolean readOnly) {
        ObjectNode body = message(newId(), "Event", "Outbound");
        body.put("originatingEntity", "Human");
        body.putObject("channel").put("time", iso(at)).put("type", "Private")
                .putObject("from").put("nickname", "Dana");
        body.putArray("events").addObject().put("eventType", "Presence").putObject("presence").put("type", "Disconnect");
        if (readOnly) {
            body.putObject("metadata").put("readOnly", "true");
        }
        return body;
    }

    /** The Inbound Presence SignIn a step-up brings (§5.15), with the customer's names in {@code channel.from}. */
    static ObjectNode signIn(String firstName, String lastName) {
        String id = newId();
        ObjectNode body = message(id, "Event", "Inbound");
        body.putObject("channel").put("time", iso(System.currentTimeMillis())).put("messageId", id)
                .putObject("from").put("firstName", firstName).put("lastName", lastName);
        body.putArray("events").addObject().put("eventType", "Presence").putObject("presence").put("type", "SignIn");
        return body;
    }

    /** The fields every message body starts with (§4.2). */
    private static ObjectNode message(String id, String type, String direction) {
        ObjectNode body = NODES.objectNode();
        body.put("id", id);
        body.put("type", type);
        body.put("direction", direction);
        return body;
    }

    /** What a session may send: media types and size, blocked extensions, custom-attribute bytes (§4.1). */
    private static void putLimits(ObjectNode body, SimDeployment d) {
        body.set("allowedMedia", allowedMedia(d));
        body.set("blockedExtensions", blockedExtensions());
        body.put("maxCustomDataBytes", MAX_CUSTOM_DATA_BYTES);
    }

    /** {@code allowedMedia}: empty when the deployment's file upload is off. */
    private static ObjectNode allowedMedia(SimDeployment d) {
        ObjectNode media = NODES.objectNode();
        if (d == null || !d.attachmentsEnabled) {
            return media;
        }
        ObjectNode inbound = media.putObject("inbound");
        ArrayNode types = inbound.putArray("fileTypes");
        for (String t : d.fileTypes) {
            types.addObject().put("type", t);
        }
        inbound.put("maxFileSizeKB", d.maxFileSizeKB);
        return media;
    }

    /** File name endings no deployment accepts (§4.1 {@code blockedExtensions}). */
    static final List<String> BLOCKED_EXTENSIONS = List.of(".bat", ".cmd", ".exe", ".js", ".vbs");

    private static ArrayNode blockedExtensions() {
        ArrayNode a = NODES.arrayNode();
        for (String e : BLOCKED_EXTENSIONS) {
            a.add(e);
        }
        return a;
    }
}
