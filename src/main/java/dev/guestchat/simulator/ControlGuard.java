package dev.guestchat.simulator;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;

/**
 * Keeps the control API ({@code /sim/*}) from being driven by another site's page (CSRF): a state-changing request
 * needs {@code Content-Type: application/json}, which a cross-origin page can send only after a CORS preflight that
 * the simulator never answers, and an {@code Origin}, when the browser sent one, equal to the simulator's own. Reads
 * carry no CORS headers, so other origins cannot read them either.
 */
final class ControlGuard {
    private ControlGuard() {
    }

    static void check(Context ctx) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        String type = ctx.header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ForbiddenResponse("state-changing /sim requests need Content-Type: application/json");
        }
        String origin = ctx.header("Origin");
        String own = "http://" + ctx.header("Host");
        if (origin != null && !origin.equals(own)) {
            throw new ForbiddenResponse("Origin " + origin + " is not this simulator's (" + own + ")");
        }
    }
}
