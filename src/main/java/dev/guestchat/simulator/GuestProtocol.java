package dev.guestchat.simulator;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.websocket.WsContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Guest API WebSocket ({@code /v1?deploymentId=…}, PROTOCOL.md §3–5): the handshake, every client action after
 * schema validation, session configuration (a signed-in customer's by {@link SignedInSessions}), the rate limit,
 * messages, Join and Typing events, and Presence Clear with its fan-out.
 */
final class GuestProtocol {
    static final int MAX_CONNECTIONS_PER_TOKEN = 3;
    static final int MAX_TEXT_LENGTH = 4000;

    private final SimState state;
    private final SimWire wire;
    private final Routing routing;
    private final FrameValidator validator;
    private final JwtIssuer jwt;
    private final EventLog log;
    private final JsonMapper json;
    /** Uploads, downloads and the attachment actions (§3.6–3.8). */
    private final SimAttachments attachments;
    /** Numbers the sockets in the event log. */
    private final AtomicLong connectionIds = new AtomicLong();
    /** Socket to session, for both configure actions. */
    private final ConnectionBinding binding;
    /** configureAuthenticatedSession: signed-in customers (§3.2, §5.15). */
    private final SignedInSessions signedIn;

    GuestProtocol(SimState state, SimWire wire, Routing routing, FrameValidator validator, JwtIssuer jwt, EventLog log,
                  JsonMapper json, SimAttachments attachments, ConnectionBinding binding, SignedInSessions signedIn) {
        this.state = state;
        this.wire = wire;
        this.routing = routing;
        this.validator = validator;
        this.jwt = jwt;
        this.log = log;
        this.json = json;
        this.attachments = attachments;
        this.binding = binding;
        this.signedIn = signedIn;
    }

    /** §9: an unknown deployment is refused with HTTP 403 at the upgrade; fault injection can refuse with 503. */
    void checkUpgrade(Context ctx) {
        String deploymentId = ctx.queryParam("deploymentId");
        synchronized (state) {
            SimDeployment d = deploymentId != null ? state.deployments.get(deploymentId) : null;
            if (d == null) {
                log.event("handshake-refused", null, "deploymentId=" + deploymentId);
                throw new ForbiddenResponse("unknown deployment");
            }
            if (d.unreachable) {
                log.event("handshake-refused", null, "deploymentId=" + deploymentId + " (unreachable)");
                throw new ServiceUnavailableResponse("fault injection: unreachable");
            }
            String origin = ctx.header("Origin");
            if (!d.allowedOrigins.isEmpty() && !d.allowedOrigins.contains(origin)) {
                // PROTOCOL.md §1.2: the Origin is what the allow-list checks; refused before the upgrade, as the
                // transport SDK expects (HTTP 403 → access denied)
                log.event("handshake-refused", null, "deploymentId=" + deploymentId + " origin=" + origin + " (not allowed)");
                throw new ForbiddenResponse("origin not allowed");
            }
        }
    }

    void opened(WsContext ctx) {
        ctx.session.setIdleTimeout(Duration.ofMinutes(10)); // §5.9: idle sockets close after 10 min
        synchronized (state) {
            SimConnection c = new SimConnection("c" + connectionIds.incrementAndGet(), ctx.queryParam("deploymentId"),
                    ctx.header("Origin"), ctx.header("Host"), ctx);
            state.connections.put(ctx, c);
            log.event("connected", null, c.id + " deploymentId=" + c.deploymentId + " origin=" + c.origin);
        }
    }

    void closed(WsContext ctx) {
        synchronized (state) {
            SimConnection c = state.connections.remove(ctx);
            if (c == null || c.closed) {
                return;
            }
            c.closed = true;
            log.event("disconnected", c.token, c.id);
            SimSession s = c.token != null ? state.sessions.get(c.token) : null;
            if (s != null) {
                s.connections.remove(c);
                if (s.conversation != null) {
                    s.conversation.guestConnections = s.connections.size();
                }
            }
        }
    }

    /** A client frame read and checked against the schema — work done before taking the state lock. */
    private record Request(JsonNode frame, String tracingId, String action, boolean known, List<String> problems) {
    }

    void received(WsContext ctx, String text) {
        Request request;
        try {
            request = read(text);
        } catch (RuntimeException e) {
            request = new Request(null, null, "", false, List.of());
        }
        synchronized (state) {
            SimConnection c = state.connections.get(ctx);
            if (c == null || c.closed) {
                return;
            }
            log.frame("in", c, text);
            try {
                handle(c, request);
            } catch (RuntimeException e) {
                // garbage from a client never takes the simulator down
                log.event("handler-error", c.token, String.valueOf(e));
                wire.sendError(c, 5000, "Unexpected server error", null);
            }
        }
    }

    private Request read(String text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (RuntimeException e) {
            frame = null;
        }
        if (frame == null || !frame.isObject()) {
            return new Request(null, null, "", false, List.of());
        }
        String tracingId = frame.path("tracingId").isString() ? frame.get("tracingId").asString() : null;
        String action = frame.path("action").asString("");
        boolean known = validator.knows(action);
        return new Request(frame, tracingId, action, known, known ? validator.problems(action, frame) : List.of());
    }

    private void handle(SimConnection c, Request request) {
        JsonNode frame = request.frame();
        if (frame == null) {
            wire.sendError(c, 400, "Request failed.", null);
            return;
        }
        String tracingId = request.tracingId();
        String action = request.action();
        if (!request.known()) {
            wire.sendError(c, 400, "Request failed.", tracingId); // incl. disconnectCustomer, resumeToken (§3.11)
            return;
        }
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            log.event("invalid-frame", c.token, String.join("; ", problems));
            wire.sendError(c, 400, "Request failed. " + problems.get(0), tracingId);
            return;
        }
        String token = frame.path("token").asString();
        if (action.equals("configureSession")) {
            configureSession(c, frame, token, tracingId);
            return;
        }
        if (action.equals("configureAuthenticatedSession")) {
            signedIn.configure(c, frame, token, tracingId);
            return;
        }
        if (action.equals("echo")) {
            wire.send(c, "response", "StructuredMessage", 200, SimFrames.echoBody(), tracingId);
            return;
        }
        SimSession s = c.configured() && c.token.equals(token) ? state.sessions.get(token) : null;
        if (s == null) {
            wire.sendError(c, 4007, "Session not found", tracingId);
            return;
        }
        switch (action) {
            case "onMessage" -> onMessage(c, s, frame, tracingId);
            case "getJwt" -> {
                long exp = Instant.now().getEpochSecond() + JwtIssuer.LIFETIME_SECONDS;
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.put("jwt", jwt.issue(token, exp));
                body.put("exp", exp);
                wire.send(c, "response", "JwtResponse", 200, body, tracingId);
            }
            case "closeSession" -> {
                for (SimConnection other : new ArrayList<>(s.connections)) {
                    if (other != c) {
                        wire.sendEvent(other, "ConnectionClosedEvent");
                        wire.detach(other);
                    }
                }
                ObjectNode body = SimFrames.sessionBody(false, s.readOnly, state.deployments.get(s.deploymentId));
                body.put("connected", false); // §3.9: the caller learns it is now alone
                wire.send(c, "response", "SessionResponse", 200, body, tracingId);
            }
            case "getConfiguration" ->
                    wire.send(c, "response", "GetConfigurationResponse", 200, SimFrames.configurationBody(state.deployments.get(s.deploymentId)), tracingId);
            case "onAttachment" -> attachments.onAttachment(c, s, frame, tracingId);
            case "getAttachment" -> attachments.getAttachment(c, s, frame, tracingId);
            case "deleteAttachment" -> attachments.deleteAttachment(c, s, frame, tracingId);
            default -> wire.sendError(c, 4000, "Feature unavailable", tracingId);
        }
    }

    private void configureSession(SimConnection c, JsonNode frame, String token, String tracingId) {
        String deploymentId = frame.path("deploymentId").asString();
        if (!deploymentId.equals(c.deploymentId)) {
            wire.sendError(c, 400, "Request failed. deploymentId does not match the connection", tracingId);
            return;
        }
        boolean startNew = frame.path("startNew").asBoolean(false);
        SimSession s = state.sessions.get(token);
        if (s != null && s.customer != null) {
            wire.sendError(c, 4017, "Cannot downgrade to unauthenticated", tracingId); // §5.13: a signed-in token
            return;
        }
        boolean newSession = false;
        if (s != null && startNew) {
            s = routing.startOver(s);
            newSession = true;
        } else if (s == null) {
            s = new SimSession(token, deploymentId);
            state.sessions.put(token, s);
            newSession = true;
        }
        binding.bind(c, s, token);
        wire.send(c, "response", "SessionResponse", 200, SimFrames.sessionBody(newSession, s.readOnly,
                state.deployments.get(deploymentId)), tracingId);
    }

    private void onMessage(SimConnection c, SimSession s, JsonNode frame, String tracingId) {
        SimDeployment d = state.deployments.get(s.deploymentId);
        JsonNode message = frame.get("message");
        if (!withinRate(s)) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("retryAfter", 1);
            body.put("errorCode", 4029);
            body.put("errorMessage", "Message rate too high for this session");
            wire.send(c, "response", "TooManyRequestsErrorMessage", 429, body, tracingId);
            return;
        }
        if (message.path("type").asString().equals("Event")) {
            onEvent(c, s, d, message, tracingId);
            return;
        }
        if (s.readOnly) {
            wire.sendError(c, 409, "Session is read-only, no new messages allowed", tracingId);
            return;
        }
        String text = message.path("text").asString("");
        if (text.length() > MAX_TEXT_LENGTH) {
            wire.sendError(c, 4011, "message too long", tracingId);
            return;
        }
        JsonNode attributes = message.path("channel").path("metadata").path("customAttributes");
        if (attributes.isMissingNode()) {
            attributes = frame.path("channel").path("metadata").path("customAttributes");
        }
        if (attributeBytes(attributes) > SimFrames.MAX_CUSTOM_DATA_BYTES) {
            wire.sendError(c, 4013, "Custom Attributes in channel metadata is larger than 2048 bytes", tracingId);
            return;
        }
        ObjectNode body = SimFrames.inbound(message, attributes);
        int refused = attachments.attachToMessage(s, body, c.httpBase);
        if (refused != 0) {
            wire.sendError(c, refused, SimAttachments.REFUSALS.get(refused), tracingId);
            return;
        }
        s.store(body);
        SimConversation conv = routing.conversationOf(s);
        String files = SimAttachments.names(body);
        conv.line("customer", files.isEmpty() ? text : (text.isEmpty() ? "" : text + " ") + "[file: " + files + "]",
                body.path("channel").path("time").asString());
        for (SimConnection each : s.connections) {
            wire.send(each, "message", "StructuredMessage", 200, body, tracingId); // other tabs stay in sync (§5.8)
        }
        routing.guestSaid(conv, text);
    }

    /** §5.12: two onMessage per sliding second per session; true (and counted) when this one is within it. */
    private static boolean withinRate(SimSession s) {
        long now = System.currentTimeMillis();
        while (!s.recentMessages.isEmpty() && now - s.recentMessages.peekFirst() >= 1000) {
            s.recentMessages.pollFirst();
        }
        if (s.recentMessages.size() >= 2) {
            return false;
        }
        s.recentMessages.addLast(now);
        return true;
    }

    private void onEvent(SimConnection c, SimSession s, SimDeployment d, JsonNode message, String tracingId) {
        JsonNode event = message.path("events").path(0);
        String eventType = event.path("eventType").asString();
        if (eventType.equals("Typing")) {
            if (!d.typingEnabled) {
                wire.sendError(c, 403, "Turn on the Feature Toggle or fix the configuration.", tracingId);
            } else if (s.conversation != null) {
                s.conversation.guestTyping(System.currentTimeMillis());
                log.event("guest-typing", s.token, s.conversation.id);
            }
            return;
        }
        if (!eventType.equals("Presence")) {
            wire.sendError(c, 400, "Request failed.", tracingId);
            return;
        }
        String presence = event.path("presence").path("type").asString();
        if (presence.equals("Join")) {
            if (!s.readOnly) {
                routing.conversationOf(s);
            }
            wire.send(c, "message", "StructuredMessage", 200, SimFrames.inbound(message, null), tracingId);
        } else if (presence.equals("Clear")) {
            clear(c, s, d, message, tracingId);
        } else {
            wire.sendError(c, 400, "Request failed.", tracingId); // Disconnect, SignIn, … are server → client
        }
    }

    /** §5.4: 403 when disabled; else Inbound echo → SessionClearedEvent to all → ConnectionClosedEvent to all → wipe. */
    private void clear(SimConnection c, SimSession s, SimDeployment d, JsonNode message, String tracingId) {
        if (!d.clearEnabled) {
            wire.sendError(c, 403, "Presence events Conversation Clear are not supported", tracingId);
            return;
        }
        wire.send(c, "message", "StructuredMessage", 200, SimFrames.inbound(message, null), tracingId);
        List<SimConnection> all = new ArrayList<>(s.connections);
        for (SimConnection each : all) {
            wire.sendEvent(each, "SessionClearedEvent");
        }
        for (SimConnection each : all) {
            wire.sendEvent(each, "ConnectionClosedEvent");
        }
        if (s.conversation != null) {
            SimConversation conv = s.conversation;
            conv.endedBy = SimConversation.EndedBy.CUSTOMER;
            conv.endedAt = System.currentTimeMillis();
            conv.guestConnections = 0; // the session is wiped: its sockets no longer belong to it
            conv.line("system", "Customer ended the conversation (end-user clear)", SimFrames.iso(conv.endedAt));
            log.event("ended-by-customer", s.token, conv.id);
        }
        log.event("session-cleared", s.token, null);
        state.sessions.values().removeIf(session -> session == s); // a signed-in customer's devices share it
        for (SimConnection each : all) {
            each.token = null;
        }
        if (d.closeAfterClearMillis >= 0) {
            state.timers.schedule(() -> {
                synchronized (state) {
                    for (SimConnection each : all) {
                        wire.closeSocket(each, 1000, "session cleared");
                    }
                }
            }, d.closeAfterClearMillis, TimeUnit.MILLISECONDS);
        }
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
}
