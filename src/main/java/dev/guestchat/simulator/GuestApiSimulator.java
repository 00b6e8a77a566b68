package dev.guestchat.simulator;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.websocket.WsContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Genesys Guest API: the WebSocket ({@code /v1?deploymentId=…}), the history and deployment-config REST
 * endpoints, and an agent-side control API ({@code /sim/…}) with routing and an event log. Faithful to
 * PROTOCOL.md §9 for everything the widget uses; every client frame is validated against the official schema.
 *
 * <p>All state is guarded by this object's monitor: traffic is small and one lock keeps every fan-out
 * (Clear → every connection) atomic with respect to other frames.
 */
public final class GuestApiSimulator implements AutoCloseable {
    static final int MAX_CONNECTIONS_PER_TOKEN = 3;
    static final int MAX_TEXT_LENGTH = 4000;
    static final int MAX_CUSTOM_DATA_BYTES = 2048;
    static final long SESSION_DURATION_SECONDS = 259_200;
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final JsonMapper json = JsonMapper.builder().build();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final FrameValidator validator = FrameValidator.load(json);
    private final JwtIssuer jwt = new JwtIssuer();
    private final EventLog log = new EventLog(json);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator-timers");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong connectionIds = new AtomicLong();

    // --- guarded by this
    private final Map<String, SimDeployment> deployments = new LinkedHashMap<>();
    private final Map<String, SimSession> sessions = new LinkedHashMap<>();
    private final Map<WsContext, SimConnection> connections = new LinkedHashMap<>();
    private final List<SimConversation> conversations = new ArrayList<>();

    private final Javalin app;

    /** A directory served as static files under {@code urlPrefix}, with extra response headers (e.g. a CSP). */
    public record StaticDir(String urlPrefix, Path directory, Map<String, String> headers) {
    }

    /**
     * @param staticDirs URL prefix → directory served as static files (the demo, test pages, the bundle)
     */
    public GuestApiSimulator(Map<String, Path> staticDirs) {
        this(staticDirs.entrySet().stream().map(e -> new StaticDir(e.getKey(), e.getValue(), Map.of())).toList());
    }

    public GuestApiSimulator(List<StaticDir> staticDirs) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            staticDirs.forEach(dir -> config.staticFiles.add(s -> {
                s.hostedPath = dir.urlPrefix();
                s.directory = dir.directory().toAbsolutePath().toString();
                s.location = Location.EXTERNAL;
                Map<String, String> headers = new LinkedHashMap<>(dir.headers());
                headers.put("Cache-Control", "no-store");
                s.headers = headers;
            }));
            config.routes.wsBeforeUpgrade("/v1", this::checkUpgrade);
            config.routes.ws("/v1", ws -> {
                ws.onConnect(ctx -> opened(ctx));
                ws.onMessage(ctx -> received(ctx, ctx.message()));
                ws.onClose(ctx -> closed(ctx));
                ws.onError(ctx -> closed(ctx));
            });
            config.routes.before("/api/*", this::cors);
            config.routes.options("/api/*", ctx -> ctx.status(204));
            config.routes.get("/api/v2/webmessaging/messages", this::history);
            config.routes.get("/webdeployments/v1/deployments/{id}/config.json", this::deploymentConfig);
            config.routes.get("/sim/deployments", ctx -> ctx.contentType("application/json").result(deploymentsJson()));
            config.routes.put("/sim/deployments/{id}", this::putDeployment);
            config.routes.get("/sim/conversations", ctx -> ctx.contentType("application/json").result(conversationsJson()));
            config.routes.post("/sim/conversations/{id}/messages", this::agentMessage);
            config.routes.post("/sim/conversations/{id}/typing", this::agentTyping);
            config.routes.post("/sim/conversations/{id}/disconnect", this::agentDisconnect);
            config.routes.post("/sim/sessions/{token}/drop", this::dropConnections);
            config.routes.post("/sim/sessions/{token}/raw", this::pushRaw);
            config.routes.get("/sim/events", this::events);
            config.routes.get("/agent", ctx -> ctx.redirect("/agent.html"));
            config.routes.post("/sim/reset", ctx -> {
                reset();
                ctx.status(204);
            });
        });
    }

    public GuestApiSimulator start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        timers.shutdownNow();
    }

    /** Adds (or returns) a deployment; unknown deployment ids are refused at the handshake. */
    public synchronized SimDeploymentHandle deployment(String id) {
        deployments.computeIfAbsent(id, SimDeployment::new);
        return new SimDeploymentHandle(this, id);
    }

    /** Test/demo hook: applies a JSON patch to a deployment's settings. */
    public synchronized void configure(String deploymentId, String patchJson) {
        deployments.computeIfAbsent(deploymentId, SimDeployment::new).update(json.readTree(patchJson));
    }

    /** Forgets sessions, conversations and the event log (deployments stay). */
    public synchronized void reset() {
        for (SimConnection c : new ArrayList<>(connections.values())) {
            closeSocket(c, 1001, "reset");
        }
        sessions.clear();
        conversations.clear();
        log.clear();
    }

    // ================================================================== WebSocket

    private void checkUpgrade(Context ctx) {
        String deploymentId = ctx.queryParam("deploymentId");
        synchronized (this) {
            if (deploymentId == null || !deployments.containsKey(deploymentId)) {
                log.event("handshake-refused", null, "deploymentId=" + deploymentId);
                throw new ForbiddenResponse("unknown deployment"); // §9: HTTP 403 on upgrade
            }
            if (deployments.get(deploymentId).unreachable) {
                log.event("handshake-refused", null, "deploymentId=" + deploymentId + " (unreachable)");
                throw new io.javalin.http.ServiceUnavailableResponse("fault injection: unreachable");
            }
        }
    }

    private synchronized void opened(WsContext ctx) {
        ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(10)); // §5.9: idle sockets close after 10 min
        SimConnection c = new SimConnection("c" + connectionIds.incrementAndGet(), ctx.queryParam("deploymentId"),
                ctx.header("Origin"), ctx);
        connections.put(ctx, c);
        log.event("connected", null, c.id + " deploymentId=" + c.deploymentId + " origin=" + c.origin);
    }

    private synchronized void closed(WsContext ctx) {
        SimConnection c = connections.remove(ctx);
        if (c == null || c.closed) {
            return;
        }
        c.closed = true;
        log.event("disconnected", c.token, c.id);
        SimSession s = c.token != null ? sessions.get(c.token) : null;
        if (s != null) {
            s.connections.remove(c);
            if (s.conversation != null) {
                s.conversation.guestConnections = s.connections.size();
            }
        }
    }

    private synchronized void received(WsContext ctx, String text) {
        SimConnection c = connections.get(ctx);
        if (c == null || c.closed) {
            return;
        }
        log.frame("in", c, text);
        try {
            handle(c, text);
        } catch (RuntimeException e) {
            // garbage from a client never takes the simulator down
            log.event("handler-error", c.token, String.valueOf(e));
            sendError(c, 5000, "Unexpected server error", null);
        }
    }

    private void handle(SimConnection c, String text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (RuntimeException e) {
            frame = null;
        }
        if (frame == null || !frame.isObject()) {
            sendError(c, 400, "Request failed.", null);
            return;
        }
        String tracingId = frame.path("tracingId").isString() ? frame.get("tracingId").asString() : null;
        String action = frame.path("action").asString("");
        if (!validator.knows(action)) {
            sendError(c, 400, "Request failed.", tracingId); // incl. disconnectCustomer, resumeToken (§3.11)
            return;
        }
        List<String> problems = validator.problems(action, frame);
        if (!problems.isEmpty()) {
            log.event("invalid-frame", c.token, String.join("; ", problems));
            sendError(c, 400, "Request failed. " + problems.get(0), tracingId);
            return;
        }
        String token = frame.path("token").asString();
        if (action.equals("configureSession")) {
            configureSession(c, frame, token, tracingId);
            return;
        }
        if (action.equals("echo")) {
            echo(c, tracingId);
            return;
        }
        if (!c.configured() || !c.token.equals(token) || !sessions.containsKey(token)) {
            sendError(c, 4007, "Session not found", tracingId);
            return;
        }
        SimSession s = sessions.get(token);
        switch (action) {
            case "onMessage" -> onMessage(c, s, frame, tracingId);
            case "getJwt" -> {
                long exp = Instant.now().getEpochSecond() + JwtIssuer.LIFETIME_SECONDS;
                ObjectNode body = nodes.objectNode();
                body.put("jwt", jwt.issue(token, exp));
                body.put("exp", exp);
                send(c, "response", "JwtResponse", 200, body, tracingId);
            }
            case "closeSession" -> {
                for (SimConnection other : new ArrayList<>(s.connections)) {
                    if (other != c) {
                        send(other, "message", "ConnectionClosedEvent", 200, nodes.objectNode(), null);
                        detach(other);
                    }
                }
                ObjectNode body = sessionBody(false, s.readOnly);
                body.put("connected", false); // §3.9: the caller learns it is now alone
                send(c, "response", "SessionResponse", 200, body, tracingId);
            }
            case "getConfiguration" -> {
                ObjectNode body = nodes.objectNode();
                body.set("allowedMedia", allowedMedia());
                body.set("blockedExtensions", blockedExtensions());
                body.put("maxCustomDataBytes", MAX_CUSTOM_DATA_BYTES);
                body.put("messageRoutingEnabled", true);
                body.put("sessionDurationSeconds", SESSION_DURATION_SECONDS);
                send(c, "response", "GetConfigurationResponse", 200, body, tracingId);
            }
            default -> sendError(c, 4000, "Feature unavailable in the simulator", tracingId); // attachments
        }
    }

    private void configureSession(SimConnection c, JsonNode frame, String token, String tracingId) {
        String deploymentId = frame.path("deploymentId").asString();
        if (!deploymentId.equals(c.deploymentId)) {
            sendError(c, 400, "Request failed. deploymentId does not match the connection", tracingId);
            return;
        }
        boolean startNew = frame.path("startNew").asBoolean(false);
        SimSession s = sessions.get(token);
        boolean newSession = false;
        if (s != null && startNew) {
            abandonConversation(s, "startNew");
            SimSession fresh = new SimSession(token, deploymentId); // same token, nothing of the old session
            fresh.connections.addAll(s.connections);
            sessions.put(token, fresh);
            s = fresh;
            newSession = true;
        } else if (s == null) {
            s = new SimSession(token, deploymentId);
            sessions.put(token, s);
            newSession = true;
        }
        if (c.token != null && !c.token.equals(token)) {
            SimSession old = sessions.get(c.token);
            if (old != null) {
                old.connections.remove(c);
            }
        }
        c.token = token;
        if (!s.connections.contains(c)) {
            s.connections.add(c);
        }
        if (s.connections.size() > MAX_CONNECTIONS_PER_TOKEN) {
            SimConnection oldest = s.connections.get(0); // §5.8: a 4th connection evicts one (the oldest)
            send(oldest, "message", "ConnectionClosedEvent", 200, nodes.objectNode(), null);
            detach(oldest);
        }
        if (s.conversation != null) {
            s.conversation.guestConnections = s.connections.size();
        }
        send(c, "response", "SessionResponse", 200, sessionBody(newSession, s.readOnly), tracingId);
    }

    private void echo(SimConnection c, String tracingId) {
        ObjectNode body = nodes.objectNode();
        body.put("id", newId());
        body.put("type", "Text");
        body.put("text", "ping");
        body.put("direction", "Inbound");
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("durationSeconds", String.valueOf(SESSION_DURATION_SECONDS));
        metadata.put("expirationDate", String.valueOf(Instant.now().getEpochSecond() + SESSION_DURATION_SECONDS));
        send(c, "response", "StructuredMessage", 200, body, tracingId);
    }

    private void onMessage(SimConnection c, SimSession s, JsonNode frame, String tracingId) {
        SimDeployment d = deployments.get(s.deploymentId);
        JsonNode message = frame.get("message");
        String type = message.path("type").asString();
        long now = System.currentTimeMillis();
        while (!s.recentMessages.isEmpty() && now - s.recentMessages.peekFirst() >= 1000) {
            s.recentMessages.pollFirst();
        }
        if (s.recentMessages.size() >= 2) {
            ObjectNode body = nodes.objectNode();
            body.put("retryAfter", 1);
            body.put("errorCode", 4029);
            body.put("errorMessage", "Message rate too high for this session");
            send(c, "response", "TooManyRequestsErrorMessage", 429, body, tracingId);
            return;
        }
        s.recentMessages.addLast(now);
        if (type.equals("Event")) {
            onEvent(c, s, d, message, tracingId);
            return;
        }
        if (s.readOnly) {
            sendError(c, 409, "Session is read-only, no new messages allowed", tracingId);
            return;
        }
        String text = message.path("text").asString("");
        if (text.length() > MAX_TEXT_LENGTH) {
            sendError(c, 4011, "message too long", tracingId);
            return;
        }
        JsonNode attributes = message.path("channel").path("metadata").path("customAttributes");
        if (attributes.isMissingNode()) {
            attributes = frame.path("channel").path("metadata").path("customAttributes");
        }
        if (attributeBytes(attributes) > MAX_CUSTOM_DATA_BYTES) {
            sendError(c, 4013, "Custom Attributes in channel metadata is larger than 2048 bytes", tracingId);
            return;
        }
        ObjectNode body = inbound(message, attributes);
        s.messages.add(body);
        SimConversation conv = conversationOf(s);
        conv.line("customer", text, body.path("channel").path("time").asString());
        for (SimConnection each : s.connections) {
            send(each, "message", "StructuredMessage", 200, body, tracingId); // other tabs stay in sync (§5.8)
        }
        if (d.autoReply && conv.routedAt > 0) {
            timers.schedule(() -> scriptedReply(conv.id, text), 700, TimeUnit.MILLISECONDS);
        }
    }

    private void onEvent(SimConnection c, SimSession s, SimDeployment d, JsonNode message, String tracingId) {
        JsonNode event = message.path("events").path(0);
        String eventType = event.path("eventType").asString();
        if (eventType.equals("Typing")) {
            if (!d.typingEnabled) {
                sendError(c, 403, "Turn on the Feature Toggle or fix the configuration.", tracingId);
            } else if (s.conversation != null) {
                log.event("guest-typing", s.token, s.conversation.id);
            }
            return;
        }
        if (!eventType.equals("Presence")) {
            sendError(c, 400, "Request failed.", tracingId);
            return;
        }
        String presence = event.path("presence").path("type").asString();
        if (presence.equals("Join")) {
            if (!s.readOnly) {
                conversationOf(s);
            }
            send(c, "message", "StructuredMessage", 200, inbound(message, null), tracingId);
        } else if (presence.equals("Clear")) {
            clear(c, s, d, message, tracingId);
        } else {
            sendError(c, 400, "Request failed.", tracingId); // Disconnect, SignIn, … are server → client
        }
    }

    /** §5.4: 403 when disabled; else Inbound echo → SessionClearedEvent to all → ConnectionClosedEvent to all → wipe. */
    private void clear(SimConnection c, SimSession s, SimDeployment d, JsonNode message, String tracingId) {
        if (!d.clearEnabled) {
            sendError(c, 403, "Presence events Conversation Clear are not supported", tracingId);
            return;
        }
        send(c, "message", "StructuredMessage", 200, inbound(message, null), tracingId);
        List<SimConnection> all = new ArrayList<>(s.connections);
        for (SimConnection each : all) {
            send(each, "message", "SessionClearedEvent", 200, nodes.objectNode(), null);
        }
        for (SimConnection each : all) {
            send(each, "message", "ConnectionClosedEvent", 200, nodes.objectNode(), null);
        }
        if (s.conversation != null) {
            SimConversation conv = s.conversation;
            conv.endedBy = SimConversation.EndedBy.CUSTOMER;
            conv.endedAt = System.currentTimeMillis();
            conv.guestConnections = 0; // the session is wiped: its sockets no longer belong to it
            conv.line("system", "Customer ended the conversation (end-user clear)", iso(conv.endedAt));
            log.event("ended-by-customer", s.token, conv.id);
        }
        log.event("session-cleared", s.token, null);
        sessions.remove(s.token);
        for (SimConnection each : all) {
            each.token = null;
        }
        if (d.closeAfterClearMillis >= 0) {
            timers.schedule(() -> {
                synchronized (this) {
                    for (SimConnection each : all) {
                        closeSocket(each, 1000, "session cleared");
                    }
                }
            }, d.closeAfterClearMillis, TimeUnit.MILLISECONDS);
        }
    }

    // ================================================================== conversations and routing

    private SimConversation conversationOf(SimSession s) {
        if (s.conversation != null && s.conversation.isOpen()) {
            return s.conversation;
        }
        SimConversation conv = new SimConversation("conv-" + newId().substring(0, 12), s.token, s.deploymentId,
                System.currentTimeMillis());
        conv.guestConnections = s.connections.size();
        s.conversation = conv;
        conversations.add(conv);
        log.event("conversation-started", s.token, conv.id);
        long delay = deployments.get(s.deploymentId).routingDelayMillis;
        timers.schedule(() -> route(conv), delay, TimeUnit.MILLISECONDS);
        return conv;
    }

    private synchronized void route(SimConversation conv) {
        if (!conv.isOpen()) {
            log.event("routing-skipped", conv.token, conv.id + " already ended");
            return; // an ended conversation must never reach an agent
        }
        conv.routedAt = System.currentTimeMillis();
        conv.line("system", "Routed to agent Dana", iso(conv.routedAt));
        log.event("routed", conv.token, conv.id + (conv.guestConnections == 0 ? " (nobody there: abandoned)" : ""));
        SimDeployment d = deployments.get(conv.deploymentId);
        if (d != null && d.autoReply) {
            agentSays(conv, "Hi, I'm Dana (simulated agent). How can I help?", "Dana", false, List.of());
        }
    }

    private synchronized void scriptedReply(String conversationId, String guestText) {
        SimConversation conv = find(conversationId);
        if (conv != null && conv.isOpen()) {
            agentSays(conv, "Thanks! You said: \"" + guestText + "\". Anything else?", "Dana", false, List.of());
        }
    }

    private void abandonConversation(SimSession s, String why) {
        if (s.conversation != null && s.conversation.isOpen()) {
            log.event("conversation-left", s.token, s.conversation.id + " " + why);
        }
    }

    /** Sends an Outbound message from the agent/bot to every connection of the conversation's token, and stores it. */
    private ObjectNode agentSays(SimConversation conv, String text, String nickname, boolean bot, List<String> quickReplies) {
        SimSession s = sessions.get(conv.token);
        ObjectNode body = nodes.objectNode();
        String id = newId();
        long now = System.currentTimeMillis();
        body.put("id", id);
        body.put("type", quickReplies.isEmpty() ? "Text" : "Structured");
        body.put("direction", "Outbound");
        body.put("text", text);
        body.put("originatingEntity", bot ? "Bot" : "Human");
        ObjectNode channel = body.putObject("channel");
        channel.put("time", iso(now));
        channel.put("type", "Private");
        channel.put("messageId", id);
        channel.putObject("from").put("nickname", nickname);
        channel.putObject("to");
        if (!quickReplies.isEmpty()) {
            ArrayNode content = body.putArray("content");
            for (String q : quickReplies) {
                ObjectNode item = content.addObject();
                item.put("contentType", "QuickReply");
                item.putObject("quickReply").put("text", q).put("payload", q).put("action", "Message");
            }
        }
        body.putObject("metadata").put("correlationId", UUID.randomUUID().toString());
        if (conv.routedAt == 0) {
            conv.routedAt = now; // an agent who writes has the conversation
        }
        if (conv.agentRepliedAt == 0) {
            conv.agentRepliedAt = now;
        }
        conv.line(bot ? "bot" : "agent", text, iso(now));
        if (s != null && s.conversation == conv) {
            s.messages.add(body);
            for (SimConnection each : s.connections) {
                send(each, "message", "StructuredMessage", 200, body, null);
            }
        }
        return body;
    }

    // ================================================================== REST: history, deployment config

    private void cors(Context ctx) {
        String origin = ctx.header("Origin");
        ctx.header("Access-Control-Allow-Origin", origin != null ? origin : "*");
        ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
        ctx.header("Access-Control-Allow-Methods", "GET, OPTIONS");
        ctx.header("Vary", "Origin");
    }

    private void history(Context ctx) {
        String auth = ctx.header("Authorization");
        String bearer = auth != null && auth.regionMatches(true, 0, "bearer ", 0, 7) ? auth.substring(7).trim() : null;
        String token = jwt.verify(bearer);
        int pageSize = clamp(parseInt(ctx.queryParam("pageSize"), 25), 1, 100);
        int pageNumber = Math.max(1, parseInt(ctx.queryParam("pageNumber"), 1));
        ObjectNode page;
        synchronized (this) {
            SimSession s = token != null ? sessions.get(token) : null;
            if (token == null) {
                ctx.status(401).contentType("application/json").result("{\"message\":\"User is unauthorized\"}");
                return;
            }
            List<ObjectNode> newestFirst = new ArrayList<>(s != null ? s.messages : List.of());
            java.util.Collections.reverse(newestFirst);
            int total = newestFirst.size();
            int from = Math.min(total, (pageNumber - 1) * pageSize);
            int to = Math.min(total, from + pageSize);
            page = nodes.objectNode();
            ArrayNode entities = page.putArray("entities");
            newestFirst.subList(from, to).forEach(entities::add);
            page.put("pageSize", pageSize);
            page.put("pageNumber", pageNumber);
            page.put("total", total);
            page.put("pageCount", (total + pageSize - 1) / pageSize);
        }
        ctx.contentType("application/json").result(json.writeValueAsString(page));
    }

    private void deploymentConfig(Context ctx) {
        SimDeployment d;
        synchronized (this) {
            d = deployments.get(ctx.pathParam("id"));
        }
        if (d == null) {
            ctx.status(404).result("{\"message\":\"deployment not found\"}");
            return;
        }
        ObjectNode root = nodes.objectNode();
        root.put("id", d.id);
        root.put("version", "1");
        root.putArray("languages").add("en-us");
        root.put("defaultLanguage", "en-us");
        root.put("status", "Active");
        ObjectNode conversationsApp = root.putObject("messenger").put("enabled", true).putObject("apps")
                .putObject("conversations");
        conversationsApp.put("showAgentTypingIndicator", true);
        conversationsApp.put("showUserTypingIndicator", d.typingEnabled);
        conversationsApp.putObject("autoStart").put("enabled", false);
        conversationsApp.putObject("conversationDisconnect").put("enabled", true).put("type", d.disconnectMode);
        conversationsApp.putObject("conversationClear").put("enabled", d.clearEnabled);
        root.putObject("journeyEvents").put("enabled", false);
        root.putObject("auth").put("enabled", false);
        ctx.header("Access-Control-Allow-Origin", "*").contentType("application/json").result(json.writeValueAsString(root));
    }

    // ================================================================== agent-side control API

    private void putDeployment(Context ctx) {
        JsonNode patch = ctx.body().isBlank() ? nodes.objectNode() : json.readTree(ctx.body());
        synchronized (this) {
            SimDeployment d = deployments.computeIfAbsent(ctx.pathParam("id"), SimDeployment::new);
            d.update(patch);
            ctx.contentType("application/json").result(json.writeValueAsString(d.toJson()));
        }
    }

    private synchronized String deploymentsJson() {
        ArrayNode out = nodes.arrayNode();
        deployments.values().forEach(d -> out.add(d.toJson()));
        return json.writeValueAsString(out);
    }

    public synchronized String conversationsJson() {
        ArrayNode out = nodes.arrayNode();
        conversations.forEach(c -> out.add(c.toJson()));
        return json.writeValueAsString(out);
    }

    private void agentMessage(Context ctx) {
        JsonNode body = ctx.body().isBlank() ? nodes.objectNode() : json.readTree(ctx.body());
        synchronized (this) {
            SimConversation conv = find(ctx.pathParam("id"));
            if (conv == null || !conv.isOpen()) {
                ctx.status(conv == null ? 404 : 409).result(conv == null ? "no such conversation" : "conversation ended");
                return;
            }
            List<String> replies = new ArrayList<>();
            body.path("quickReplies").forEach(q -> replies.add(q.asString()));
            ObjectNode sent = agentSays(conv, body.path("text").asString(""), body.path("nickname").asString("Dana"),
                    body.path("bot").asBoolean(false), replies);
            ctx.contentType("application/json").result(json.writeValueAsString(sent));
        }
    }

    private synchronized void agentTyping(Context ctx) {
        SimConversation conv = find(ctx.pathParam("id"));
        SimSession s = conv != null ? sessions.get(conv.token) : null;
        if (s == null) {
            ctx.status(404);
            return;
        }
        ObjectNode body = nodes.objectNode();
        body.put("id", newId());
        body.put("type", "Event");
        body.put("direction", "Outbound");
        body.putObject("channel").put("time", iso(System.currentTimeMillis())).put("type", "Private");
        ObjectNode event = body.putArray("events").addObject();
        event.put("eventType", "Typing");
        event.putObject("typing").put("type", "On").put("duration", 5000);
        for (SimConnection each : s.connections) {
            send(each, "message", "StructuredMessage", 200, body, null);
        }
        ctx.status(204);
    }

    private synchronized void agentDisconnect(Context ctx) {
        SimConversation conv = find(ctx.pathParam("id"));
        if (conv == null || !conv.isOpen()) {
            ctx.status(conv == null ? 404 : 409);
            return;
        }
        SimSession s = sessions.get(conv.token);
        SimDeployment d = deployments.get(conv.deploymentId);
        boolean readOnly = "ReadOnly".equals(d.disconnectMode);
        conv.endedBy = SimConversation.EndedBy.AGENT;
        conv.endedAt = System.currentTimeMillis();
        conv.line("system", "Agent disconnected", iso(conv.endedAt));
        log.event("disconnected-by-agent", conv.token, conv.id);
        if (s != null) {
            ObjectNode body = nodes.objectNode();
            String id = newId();
            body.put("id", id);
            body.put("type", "Event");
            body.put("direction", "Outbound");
            body.put("originatingEntity", "Human");
            body.putObject("channel").put("time", iso(conv.endedAt)).put("type", "Private")
                    .putObject("from").put("nickname", "Dana");
            body.putArray("events").addObject().put("eventType", "Presence").putObject("presence").put("type", "Disconnect");
            if (readOnly) {
                body.putObject("metadata").put("readOnly", "true");
                s.readOnly = true;
            }
            for (SimConnection each : s.connections) {
                send(each, "message", "StructuredMessage", 200, body, null);
            }
            s.conversation = null;
        }
        ctx.status(204);
    }

    /** Fault injection: drop every connection of a token without a close frame (the client sees 1006). */
    private synchronized void dropConnections(Context ctx) {
        SimSession s = sessions.get(ctx.pathParam("token"));
        int dropped = 0;
        if (s != null) {
            for (SimConnection c : new ArrayList<>(s.connections)) {
                log.event("dropped", c.token, c.id);
                c.ws.session.disconnect();
                dropped++;
            }
        }
        ctx.contentType("application/json").result("{\"dropped\":" + dropped + "}");
    }

    /** Fault injection: push the request body, verbatim, as a text frame to every connection of a token. */
    private synchronized void pushRaw(Context ctx) {
        SimSession s = sessions.get(ctx.pathParam("token"));
        if (s == null) {
            ctx.status(404);
            return;
        }
        for (SimConnection c : s.connections) {
            log.frame("out", c, ctx.body());
            c.ws.send(ctx.body());
        }
        ctx.status(204);
    }

    private void events(Context ctx) {
        long since = parseLong(ctx.queryParam("since"), 0);
        ctx.contentType("application/json").result(json.writeValueAsString(log.since(since, ctx.queryParam("token"))));
    }

    // ================================================================== frames

    private ObjectNode sessionBody(boolean newSession, boolean readOnly) {
        ObjectNode body = nodes.objectNode();
        body.put("connected", true);
        body.put("newSession", newSession);
        body.put("readOnly", readOnly);
        body.set("allowedMedia", allowedMedia());
        body.set("blockedExtensions", blockedExtensions());
        body.put("maxCustomDataBytes", MAX_CUSTOM_DATA_BYTES);
        body.put("durationSeconds", SESSION_DURATION_SECONDS);
        body.put("expirationDate", Instant.now().getEpochSecond() + SESSION_DURATION_SECONDS);
        return body;
    }

    private ObjectNode allowedMedia() {
        ObjectNode inbound = nodes.objectNode();
        ArrayNode types = inbound.putArray("fileTypes");
        for (String t : List.of("image/jpeg", "image/png", "application/pdf")) {
            types.addObject().put("type", t);
        }
        inbound.put("maxFileSizeKB", 10240);
        ObjectNode media = nodes.objectNode();
        media.set("inbound", inbound);
        return media;
    }

    private ArrayNode blockedExtensions() {
        ArrayNode a = nodes.arrayNode();
        for (String e : List.of(".bat", ".cmd", ".exe", ".js", ".vbs")) {
            a.add(e);
        }
        return a;
    }

    /** The Inbound copy of a guest message or event: the guest's fields plus id, direction and time. */
    private ObjectNode inbound(JsonNode message, JsonNode customAttributes) {
        ObjectNode body = ((ObjectNode) message).deepCopy();
        String id = newId();
        body.put("id", id);
        body.put("direction", "Inbound");
        body.put("originatingEntity", "Human");
        ObjectNode channel = nodes.objectNode();
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

    private void send(SimConnection c, String type, String cls, int code, JsonNode body, String tracingId) {
        if (c.closed) {
            return;
        }
        ObjectNode frame = nodes.objectNode();
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

    private void sendError(SimConnection c, int code, String text, String tracingId) {
        send(c, "response", "string", code, nodes.stringNode(text), tracingId);
    }

    /** Unbinds a connection from its session (after ConnectionClosedEvent) and closes it. */
    private void detach(SimConnection c) {
        SimSession s = c.token != null ? sessions.get(c.token) : null;
        if (s != null) {
            s.connections.remove(c);
        }
        c.token = null;
        closeSocket(c, 1000, "connection closed");
    }

    private void closeSocket(SimConnection c, int code, String reason) {
        if (c.closed) {
            return;
        }
        try {
            c.ws.closeSession(code, reason);
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    private SimConversation find(String id) {
        for (SimConversation c : conversations) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static String iso(long millis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(millis));
    }

    private static int attributeBytes(JsonNode attributes) {
        int bytes = 0;
        if (attributes != null && attributes.isObject()) {
            for (Map.Entry<String, JsonNode> e : attributes.properties()) {
                bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length
                        + e.getValue().asString("").getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }

    private static int parseInt(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long parseLong(String s, long fallback) {
        try {
            return s == null ? fallback : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
