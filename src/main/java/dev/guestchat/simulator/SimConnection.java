package dev.guestchat.simulator;

import io.javalin.websocket.WsContext;

/** One guest WebSocket. */
final class SimConnection {
    final String id;
    final String deploymentId;
    final String origin;
    /** {@code http://<Host header>}: where this guest reaches the simulator's upload and download URLs. */
    final String httpBase;
    /** Javalin's context; sends are thread-safe and non-blocking. */
    final WsContext ws;
    /** Token bound by configureSession; null before. */
    String token;
    /** The socket was closed (by either side); nothing more is sent. */
    boolean closed;

    SimConnection(String id, String deploymentId, String origin, String host, WsContext ws) {
        this.id = id;
        this.httpBase = "http://" + (host != null ? host : "localhost");
        this.deploymentId = deploymentId;
        this.origin = origin;
        this.ws = ws;
    }

    boolean configured() {
        return token != null;
    }
}
