package dev.guestchat.simulator;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agent's side, as the agent console and the tests use it ({@code /sim/…}): deployment settings, the
 * conversation list, an agent's messages, typing and disconnect, and the event log.
 */
final class AgentControl {
    private final SimState state;
    private final SimWire wire;
    private final Routing routing;
    private final EventLog log;
    private final JsonMapper json;

    /** Agents' files live with the guests' (one store, one expiry rule). */
    private final SimAttachments attachments;

    AgentControl(SimState state, SimWire wire, Routing routing, EventLog log, JsonMapper json,
                 SimAttachments attachments) {
        this.attachments = attachments;
        this.state = state;
        this.wire = wire;
        this.routing = routing;
        this.log = log;
        this.json = json;
    }

    /** {@code PUT /sim/deployments/{id}}: creates the deployment or patches its settings; answers them all. */
    void putDeployment(Context ctx) {
        JsonNode patch = body(ctx);
        synchronized (state) {
            SimDeployment d = state.deployment(ctx.pathParam("id"));
            d.update(patch);
            ctx.contentType("application/json").result(json.writeValueAsString(d.toJson()));
        }
    }

    void deployments(Context ctx) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        synchronized (state) {
            state.deployments.values().forEach(d -> out.add(d.toJson()));
        }
        ctx.contentType("application/json").result(json.writeValueAsString(out));
    }

    void conversations(Context ctx) {
        ctx.contentType("application/json").result(conversationsJson());
    }

    String conversationsJson() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        synchronized (state) {
            state.conversations.forEach(c -> out.add(c.toJson()));
        }
        return json.writeValueAsString(out);
    }

    /**
     * {@code POST /sim/conversations/{id}/messages}: {@code {text, nickname?, bot?, quickReplies?, content?, file?}}; a
     * quick reply is a label (its payload is the label) or {@code {text, payload}}; {@code content} is a list of
     * content items sent as given (Card, Carousel, QuickReplyV2, anything); {@code file} is
     * {@code {name, type, base64?}}, stored here and sent as an Attachment (an image/png without bytes gets a small
     * generated picture); or {@code {sample: "card" | "carousel" | "picture"}}, the demo's structured messages.
     */
    void agentMessage(Context ctx) {
        JsonNode body = body(ctx);
        synchronized (state) {
            SimConversation conv = state.conversation(ctx.pathParam("id"));
            if (conv == null || !conv.isOpen()) {
                ctx.status(conv == null ? 404 : 409).result(conv == null ? "no such conversation" : "conversation ended");
                return;
            }
            List<SimFrames.QuickReply> replies = new ArrayList<>();
            body.path("quickReplies").forEach(q -> {
                String label = q.isObject() ? q.path("text").asString("") : q.asString("");
                replies.add(new SimFrames.QuickReply(label, q.isObject() ? q.path("payload").asString(label) : label));
            });
            if (body.path("sample").isString()) { // the console's card / carousel / picture buttons
                boolean sent = routing.sendSample(conv, body.get("sample").asString());
                ctx.status(sent ? 204 : 400);
                return;
            }
            List<JsonNode> content = new ArrayList<>();
            body.path("content").forEach(content::add);
            JsonNode file = body.path("file");
            SimSession s = state.sessions.get(conv.token);
            if (file.isObject() && s != null) {
                String type = file.path("type").asString("image/png");
                byte[] bytes = file.path("base64").isString()
                        ? java.util.Base64.getDecoder().decode(file.get("base64").asString())
                        : SamplePicture.png(file.path("name").asString("picture"));
                content.add(attachments.agentFile(s, file.path("name").asString("picture.png"), type, bytes,
                        "http://" + ctx.host()));
            }
            ObjectNode sent = routing.agentSays(conv, body.path("text").asString(""),
                    body.path("nickname").asString("Dana"), body.path("bot").asBoolean(false), replies, content);
            ctx.contentType("application/json").result(json.writeValueAsString(sent));
        }
    }

    void agentTyping(Context ctx) {
        synchronized (state) {
            SimConversation conv = state.conversation(ctx.pathParam("id"));
            SimSession s = conv != null ? state.sessions.get(conv.token) : null;
            if (s == null) {
                ctx.status(404);
                return;
            }
            ObjectNode body = SimFrames.agentTyping();
            for (SimConnection each : s.connections) {
                wire.send(each, "message", "StructuredMessage", 200, body, null);
            }
            ctx.status(204);
        }
    }

    /** The agent ends the conversation: Presence Disconnect (§5.6), read-only when the deployment says so. */
    void agentDisconnect(Context ctx) {
        synchronized (state) {
            SimConversation conv = state.conversation(ctx.pathParam("id"));
            if (conv == null || !conv.isOpen()) {
                ctx.status(conv == null ? 404 : 409);
                return;
            }
            SimSession s = state.sessions.get(conv.token);
            boolean readOnly = "ReadOnly".equals(state.deployments.get(conv.deploymentId).disconnectMode);
            conv.endedBy = SimConversation.EndedBy.AGENT;
            conv.endedAt = System.currentTimeMillis();
            conv.line("system", "Agent disconnected", SimFrames.iso(conv.endedAt));
            log.event("disconnected-by-agent", conv.token, conv.id);
            if (s != null) {
                ObjectNode body = SimFrames.agentDisconnect(conv.endedAt, readOnly);
                if (readOnly) {
                    s.readOnly = true;
                }
                for (SimConnection each : s.connections) {
                    wire.send(each, "message", "StructuredMessage", 200, body, null);
                }
                s.conversation = null;
            }
            ctx.status(204);
        }
    }

    /** {@code GET /sim/events?since=&token=}: what happened, for tests and the console. */
    void events(Context ctx) {
        long since = Params.longInteger(ctx.queryParam("since"), 0);
        ctx.contentType("application/json").result(json.writeValueAsString(log.since(since, ctx.queryParam("token"))));
    }

    private JsonNode body(Context ctx) {
        return ctx.body().isBlank() ? JsonNodeFactory.instance.objectNode() : json.readTree(ctx.body());
    }
}
