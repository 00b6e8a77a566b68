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
    }
}
