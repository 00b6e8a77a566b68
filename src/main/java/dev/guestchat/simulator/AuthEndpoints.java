package dev.guestchat.simulator;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP faces of {@link SimAuth}: the Genesys token endpoints a page calls ({@code /api/v2/webdeployments/token/…},
 * with CORS, as the real API answers a customer's site), the identity provider's authorize page for the demo, and
 * the control API's {@code POST /sim/oauth/codes} and {@code PUT /sim/auth} for tests.
 */
final class AuthEndpoints {
    /** The names the demo's authorize page offers; any other may be typed. */
    static final String[] DEMO_CUSTOMERS = {"Ada Lovelace", "Grace Hopper", "Alan Turing"};

    private final SimState state;
    private final SimAuth auth;
    private final SignedInSessions signedIn;
    private final JsonMapper json;

    AuthEndpoints(SimState state, SimAuth auth, SignedInSessions signedIn, JsonMapper json) {
        this.state = state;
        this.auth = auth;
        this.signedIn = signedIn;
        this.json = json;
    }

    /** CORS for the token endpoints: a customer's site posts to them and revokes with a bearer JWT. */
    void cors(Context ctx) {
        HistoryEndpoint.allowOrigin(ctx, "GET, POST, DELETE, OPTIONS", "Authorization, Content-Type, Accept");
    }

    void exchange(Context ctx) {
        answer(ctx, auth.exchange(body(ctx)));
    }

    void refresh(Context ctx) {
        answer(ctx, auth.refresh(body(ctx)));
    }

    /** Signs the customer out: 401 for a JWT that is not valid, else every device hears LogoutEvent. */
    void revoke(Context ctx) {
        synchronized (state) {
            SimAuth.Customer who = auth.revoke(ctx.header("Authorization"));
            if (who == null) {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.put("status", 401);
                body.put("message", "invalid or expired JWT");
                ctx.status(401).contentType("application/json").result(body.toString());
                return;
            }
            signedIn.signedOut(who);
        }
        ctx.status(204);
    }

    /** {@code POST /sim/oauth/codes {user, codeChallenge?, redirectUri?, nonce?}} → {@code {code, idToken}}. */
    void codes(Context ctx) {
        JsonNode body = body(ctx);
        String user = body.path("user").asString("").trim();
        if (user.isEmpty()) {
            ctx.status(400).result("user is required");
            return;
        }
        ctx.contentType("application/json").result(auth.authorize(user, text(body, "codeChallenge"),
                text(body, "redirectUri"), text(body, "nonce")).toString());
    }

    /** {@code GET /sim/auth}: the lifetimes, and how many exchanges and refreshes the token service answered. */
    void counts(Context ctx) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        synchronized (state) {
            body.put("jwtSeconds", auth.jwtSeconds);
            body.put("refreshSeconds", auth.refreshSeconds);
            body.put("exchanges", auth.exchanges);
            body.put("refreshes", auth.refreshes);
        }
        ctx.contentType("application/json").result(body.toString());
    }

    /** {@code PUT /sim/auth {jwtSeconds?, refreshSeconds?}}: lifetimes of what is issued from now on. */
    void lifetimes(Context ctx) {
        JsonNode body = body(ctx);
        synchronized (state) {
            auth.jwtSeconds = body.path("jwtSeconds").asLong(auth.jwtSeconds);
            auth.refreshSeconds = body.path("refreshSeconds").asLong(auth.refreshSeconds);
        }
        ctx.status(204);
    }

    /**
     * {@code GET /sim/oauth/authorize?redirect_uri=…&state=…&code_challenge=…}: the customer picks a name; with
     * {@code user} the page sends them back to {@code redirect_uri} with {@code code} and {@code state}. Only
     * addresses on the simulator's own origin are accepted, so the page redirects nowhere else.
     */
    void authorizePage(Context ctx) {
        String redirect = ctx.queryParam("redirect_uri");
        String own = "http://" + ctx.header("Host");
        if (redirect == null || !own.equals(origin(redirect))) {
            ctx.status(400).result("redirect_uri must be on " + own);
            return;
        }
        String user = ctx.queryParam("user");
        if (user != null && !user.isBlank()) {
            String code = auth.authorize(user.trim(), ctx.queryParam("code_challenge"), redirect, null)
                    .path("code").asString();
            String stateParam = ctx.queryParam("state");
            ctx.redirect(redirect + (redirect.contains("?") ? "&" : "?") + "code=" + encode(code)
                    + (stateParam != null ? "&state=" + encode(stateParam) : ""));
            return;
        }
        StringBuilder links = new StringBuilder();
        for (String name : DEMO_CUSTOMERS) {
            links.append("<li><a href=\"?").append(escape(ctx.queryString())).append("&amp;user=")
                    .append(encode(name)).append("\">").append(escape(name)).append("</a></li>");
        }
        StringBuilder hidden = new StringBuilder();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!k.equals("user") && !v.isEmpty()) {
                hidden.append("<input type=\"hidden\" name=\"").append(escape(k)).append("\" value=\"")
                        .append(escape(v.get(0))).append("\">");
            }
        });
        ctx.contentType("text/html; charset=utf-8").result("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">"
                + "<title>Sign in — simulated identity provider</title><body style=\"font:16px system-ui;margin:3em\">"
                + "<h1>Sign in</h1><p>The simulator's identity provider. Sign in as:</p><ul>" + links + "</ul>"
                + "<form method=\"get\">" + hidden + "<label>Another name <input name=\"user\" required></label> "
                + "<button>Sign in</button></form></body></html>");
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode body = json.readTree(ctx.body());
            return body != null ? body : JsonNodeFactory.instance.objectNode();
        } catch (RuntimeException malformed) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    private static void answer(Context ctx, SimAuth.Answer answer) {
        ctx.status(answer.status()).contentType("application/json").result(answer.body().toString());
    }

    private static String text(JsonNode body, String field) {
        return body.path(field).isString() ? body.get(field).asString() : null;
    }

    private static String origin(String address) {
        try {
            URI uri = URI.create(address);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
