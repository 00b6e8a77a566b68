package dev.guestchat.simulator;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One simulated Messenger deployment and its settings (DESIGN.md §4). Mutable through the control API;
 * read under the simulator's lock.
 */
final class SimDeployment {
    final String id;
    /** Messenger "Conversation Clear" setting; Clear answers 403 when false (§3.3.6). */
    boolean clearEnabled = true;
    /** "ReadOnly" or "Send" (§5.6). */
    String disconnectMode = "ReadOnly";
    /** How long a conversation with guest activity waits in the queue before an agent gets it. */
    long routingDelayMillis = 3_000;
    /** Guest typing events allowed (else 403). */
    boolean typingEnabled = true;
    /** Demo mode: a scripted agent greets on routing and answers each guest message. */
    boolean autoReply;
    /** Sockets of a cleared session are closed with 1000 after this delay; negative = leave them open. */
    long closeAfterClearMillis = 200;
    /** Fault injection: every socket handshake is refused (HTTP 503), as when the service cannot be reached. */
    boolean unreachable;
    /**
     * Messenger Deployments' "restrict domain access": the page origins ({@code https://shop.example.com}) whose
     * sockets are accepted; empty accepts any. Others are refused at the handshake with HTTP 403.
     */
    java.util.List<String> allowedOrigins = java.util.List.of();

    /** Messenger's file upload setting; off: no allowed media, onAttachment answers 4001. */
    boolean attachmentsEnabled = true;
    /** MIME types a guest may upload ({@code allowedMedia.inbound.fileTypes}). */
    java.util.List<String> fileTypes = java.util.List.of("image/jpeg", "image/png", "image/gif", "application/pdf");
    /** Largest upload ({@code allowedMedia.inbound.maxFileSizeKB}). */
    int maxFileSizeKB = 10_240;
    /** Test switch: the content check after a PUT fails ({@code UploadFailureEvent} 4003) instead of passing. */
    boolean uploadsFail;
    /** How long after a PUT the check answers (UploadSuccessEvent / UploadFailureEvent). */
    long uploadCheckMillis = 150;
    /** Download URLs answer 404 this long after they were made (§5.12: about 10 minutes). */
    long downloadUrlMillis = 600_000;

    /** The deployment's languages (config.json {@code languages}); by default every language the widget has. */
    java.util.List<String> languages = java.util.List.of("en-us", "de-de", "fr-fr", "es-es", "nl-nl", "ar");
    /** The deployment's default language (config.json {@code defaultLanguage}). */
    String defaultLanguage = "en-us";

    SimDeployment(String id) {
        this.id = id;
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", id);
        n.put("clearEnabled", clearEnabled);
        n.put("disconnectMode", disconnectMode);
        n.put("routingDelayMillis", routingDelayMillis);
        n.put("typingEnabled", typingEnabled);
        n.put("autoReply", autoReply);
        n.put("closeAfterClearMillis", closeAfterClearMillis);
        n.put("unreachable", unreachable);
        allowedOrigins.forEach(n.putArray("allowedOrigins")::add);
        n.put("attachmentsEnabled", attachmentsEnabled);
        fileTypes.forEach(n.putArray("fileTypes")::add);
        n.put("maxFileSizeKB", maxFileSizeKB);
        n.put("uploadsFail", uploadsFail);
        n.put("uploadCheckMillis", uploadCheckMillis);
        n.put("downloadUrlMillis", downloadUrlMillis);
        languages.forEach(n.putArray("languages")::add);
        n.put("defaultLanguage", defaultLanguage);
        return n;
    }

    /** Applies the fields present in {@code patch}; others keep their value. */
    void update(tools.jackson.databind.JsonNode patch) {
        if (patch.has("clearEnabled")) {
            clearEnabled = patch.get("clearEnabled").asBoolean();
        }
        if (patch.has("disconnectMode")) {
            disconnectMode = "Send".equals(patch.get("disconnectMode").asString()) ? "Send" : "ReadOnly";
        }
        if (patch.has("routingDelayMillis")) {
            routingDelayMillis = Math.max(0, patch.get("routingDelayMillis").asLong());
        }
        if (patch.has("typingEnabled")) {
            typingEnabled = patch.get("typingEnabled").asBoolean();
        }
        if (patch.has("autoReply")) {
            autoReply = patch.get("autoReply").asBoolean();
        }
        if (patch.has("closeAfterClearMillis")) {
            closeAfterClearMillis = patch.get("closeAfterClearMillis").asLong();
        }
        if (patch.has("unreachable")) {
            unreachable = patch.get("unreachable").asBoolean();
        }
        if (patch.path("allowedOrigins").isArray()) {
            java.util.List<String> origins = new java.util.ArrayList<>();
            patch.get("allowedOrigins").forEach(o -> origins.add(o.asString()));
            allowedOrigins = java.util.List.copyOf(origins);
        }
        if (patch.has("attachmentsEnabled")) {
            attachmentsEnabled = patch.get("attachmentsEnabled").asBoolean();
        }
        if (patch.path("fileTypes").isArray()) {
            java.util.List<String> types = new java.util.ArrayList<>();
            patch.get("fileTypes").forEach(t -> types.add(t.asString()));
            fileTypes = java.util.List.copyOf(types);
        }
        if (patch.has("maxFileSizeKB")) {
            maxFileSizeKB = Math.max(1, patch.get("maxFileSizeKB").asInt());
        }
        if (patch.has("uploadsFail")) {
            uploadsFail = patch.get("uploadsFail").asBoolean();
        }
        if (patch.has("uploadCheckMillis")) {
            uploadCheckMillis = Math.max(0, patch.get("uploadCheckMillis").asLong());
        }
        if (patch.path("languages").isArray()) {
            java.util.List<String> tags = new java.util.ArrayList<>();
            patch.get("languages").forEach(t -> tags.add(t.asString()));
            languages = java.util.List.copyOf(tags);
        }
        if (patch.path("defaultLanguage").isString()) {
            defaultLanguage = patch.get("defaultLanguage").asString();
        }
        if (patch.has("downloadUrlMillis")) {
            downloadUrlMillis = Math.max(1, patch.get("downloadUrlMillis").asLong());
        }
    }
}
