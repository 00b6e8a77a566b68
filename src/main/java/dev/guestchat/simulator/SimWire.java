package dev.guestchat.simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Frames out to guest sockets (§4), logged as they leave, and the closes the service makes. Callers hold the state lock. */
final class SimWire {
    private final SimState state;
    private final JsonMapper json;
    private final EventLog log;

    SimWire(SimState state, JsonMapper json, EventLog log) {
        this.state = state;
        this.json = json;
        this.log = log;
    }

    void send(SimConnection c, String type, String cls, int code, JsonNode body, String tracingId) {
        if (c.closed) {
            return;
        }
        ObjectNode frame = JsonNodeFactory.instance.objectNode();
        frame.put("type", type);
        frame.put("class", cls);
        frame.put("code", code);
        frame.set("body", body);
        if (tracingId != null) {
            frame.put("tracingId", tracingId);
        }
        String text = json.writeValueAsString(frame);
        log.frame("out", c, text);
        try {
            c.ws.send(text);
        } catch (RuntimeException e) {
            log.event("send-failed", c.token, c.id + " " + e);
        }
    }

    /** An error response: {@code class: "string"}, the text as body (§4.7). */
    void sendError(SimConnection c, int code, String text, String tracingId) {
        send(c, "response", "string", code, JsonNodeFactory.instance.stringNode(text), tracingId);
    }

    /** A server event with an empty body ({@code SessionClearedEvent}, {@code ConnectionClosedEvent}). */
    void sendEvent(SimConnection c, String cls) {
        send(c, "message", cls, 200, JsonNodeFactory.instance.objectNode(), null);
    }

    /** Unbinds a connection from its session (after ConnectionClosedEvent) and closes it. */
    void detach(SimConnection c) {
        SimSession s = c.token != null ? state.sessions.get(c.token) : null;
        if (s != null) {
            s.connections.remove(c);
        }
        c.token = null;
        closeSocket(c, 1000, "connection closed");
    }

    void closeSocket(SimConnection c, int code, String reason) {
        if (c.closed) {
            return;
        }
        try {
            c.ws.closeSession(code, reason);
        } catch (RuntimeException ignored) {
            // already gone
        }
    }
}
