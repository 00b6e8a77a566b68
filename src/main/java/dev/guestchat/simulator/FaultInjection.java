package dev.guestchat.simulator;

import io.javalin.http.Context;
import java.util.ArrayList;

/**
 * Faults on demand, for tests and the bench ({@code /sim/sessions/{token}/…}): sockets dropped without a close
 * frame, and arbitrary text pushed as a server frame. Refusing handshakes is a deployment setting
 * ({@code unreachable}, {@link GuestProtocol#checkUpgrade}).
 */
final class FaultInjection {
    private final SimState state;
    private final SimWire wire;
    private final EventLog log;

    FaultInjection(SimState state, SimWire wire, EventLog log) {
        this.state = state;
        this.wire = wire;
        this.log = log;
    }

    /** Drops every connection of a token without a close frame (the client sees 1006). */
    void dropConnections(Context ctx) {
        int dropped = 0;
        synchronized (state) {
            SimSession s = state.sessions.get(ctx.pathParam("token"));
            if (s != null) {
                for (SimConnection c : new ArrayList<>(s.connections)) {
                    log.event("dropped", c.token, c.id);
                    c.ws.session.disconnect();
                    dropped++;
                }
            }
        }
        ctx.contentType("application/json").result("{\"dropped\":" + dropped + "}");
    }

    /** Pushes the request body, verbatim, as a text frame to every connection of a token. */
    void pushRaw(Context ctx) {
        synchronized (state) {
            SimSession s = state.sessions.get(ctx.pathParam("token"));
            if (s == null) {
                ctx.status(404);
                return;
            }
            for (SimConnection c : s.connections) {
                wire.sendRaw(c, ctx.body());
            }
            ctx.status(204);
        }
    }
}
