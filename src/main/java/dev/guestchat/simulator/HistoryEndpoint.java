package dev.guestchat.simulator;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v2/webmessaging/messages} (§6): a session's messages, newest first, in pages, for the bearer of a
 * JWT the socket issued; and the CORS headers a page on another origin needs to call it.
 */
final class HistoryEndpoint {
    private final SimState state;
    private final JwtIssuer jwt;
    private final JsonMapper json;

    HistoryEndpoint(SimState state, JwtIssuer jwt, JsonMapper json) {
        this.state = state;
        this.jwt = jwt;
        this.json = json;
    }

    /** Before every {@code /api/*} request: the widget runs on the shop's origin, not the service's. */
    void cors(Context ctx) {
        allowOrigin(ctx, "GET, OPTIONS", "Authorization, Content-Type, Accept");
    }

    /** CORS for the page's origin (the widget runs on the customer's site, the service elsewhere). */
    static void allowOrigin(Context ctx, String methods, String headers) {
        String origin = ctx.header("Origin");
        ctx.header("Access-Control-Allow-Origin", origin != null ? origin : "*");
        ctx.header("Access-Control-Allow-Headers", headers);
        ctx.header("Access-Control-Allow-Methods", methods);
        ctx.header("Vary", "Origin");
    }

    void history(Context ctx) {
        String auth = ctx.header("Authorization");
        String bearer = auth != null && auth.regionMatches(true, 0, "bearer ", 0, 7) ? auth.substring(7).trim() : null;
        String token = jwt.verify(bearer);
        if (token == null) {
            ctx.status(401).contentType("application/json").result("{\"message\":\"User is unauthorized\"}");
            return;
        }
        int pageSize = Math.max(1, Math.min(100, Params.integer(ctx.queryParam("pageSize"), 25)));
        int pageNumber = Math.max(1, Params.integer(ctx.queryParam("pageNumber"), 1));
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        synchronized (state) {
            SimSession s = state.sessions.get(token);
            List<ObjectNode> newestFirst = new ArrayList<>(s != null ? s.messages : List.of());
            Collections.reverse(newestFirst);
            int total = newestFirst.size();
            int from = Math.min(total, (pageNumber - 1) * pageSize);
            int to = Math.min(total, from + pageSize);
            ArrayNode entities = page.putArray("entities");
            newestFirst.subList(from, to).forEach(entities::add);
            page.put("pageSize", pageSize);
            page.put("pageNumber", pageNumber);
            page.put("total", total);
            page.put("pageCount", (total + pageSize - 1) / pageSize);
        }
        ctx.contentType("application/json").result(json.writeValueAsString(page));
    }
}
