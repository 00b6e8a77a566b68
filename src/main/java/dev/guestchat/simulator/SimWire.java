package dev.guestchat.simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Frames out to guest sockets (§4), logged as they are sent, and the closes the service makes. Callers hold the state
 * lock; the socket writes themselves happen on one writer thread, in the order they were asked for — a write is a
 * system call, and 2,000 guests (the load bench) must not wait for each other's syscalls behind the one lock.
 */
final class SimWire implements AutoCloseable {
    private final SimState state;
    private final JsonMapper json;
    private final EventLog log;
    /** Every socket write and close, in order. */
    private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "simulator-writer");
        t.setDaemon(true);
        return t;
    });

    SimWire(SimState state, JsonMapper json, EventLog log) {
        this.state = state;
        this.json = json;
        this.log = log;
    }

    /** Sends text as it is (fault injection: garbage, frames of unknown classes). */
    void sendRaw(SimConnection c, String text) {
        if (c.closed) {
            return;
        }
        log.frame("out", c, text);
        write(c, text);
    }

    private void write(SimConnection c, String text) {
        writer.execute(() -> {
            try {
                c.ws.send(text);
            } catch (RuntimeException e) {
                log.event("send-failed", c.token, c.id + " " + e);
            }
        });
    }

    @Override
    public void close() {
        writer.shutdownNow();
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
        sendRaw(c, json.writeValueAsString(frame));
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
        writer.execute(() -> { // after the frames already on their way
            try {
                c.ws.closeSession(code, reason);
            } catch (RuntimeException ignored) {
                // already gone
            }
        });
    }
}
