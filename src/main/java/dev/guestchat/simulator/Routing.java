package dev.guestchat.simulator;

import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conversations and routing: guest activity opens a conversation, which reaches the agent after the deployment's
 * routing delay — unless it was ended first (the bug this project exists to prevent: an abandoned conversation
 * must never reach an agent). The scripted agent of {@code autoReply} deployments answers here too.
 */
final class Routing {
    private final SimState state;
    private final SimWire wire;
    private final EventLog log;
    /** Where the scripted agent's picture is stored. */
    private final SimAttachments attachments;

    Routing(SimState state, SimWire wire, EventLog log, SimAttachments attachments) {
        this.attachments = attachments;
        this.state = state;
        this.wire = wire;
        this.log = log;
    }

    /** The session's open conversation, started (and its routing scheduled) if it has none. Holds the lock. */
    SimConversation conversationOf(SimSession s) {
        if (s.conversation != null && s.conversation.isOpen()) {
            return s.conversation;
        }
        SimConversation conv = new SimConversation("conv-" + SimFrames.newId().substring(0, 12), s.token,
                s.deploymentId, System.currentTimeMillis());
        conv.guestConnections = s.connections.size();
        conv.customerName = s.customer != null ? s.customer.name() : null;
        s.conversation = conv;
        state.add(conv);
        log.event("conversation-started", s.token, conv.id);
        long delay = state.deployments.get(s.deploymentId).routingDelayMillis;
        state.timers.schedule(() -> route(conv), delay, TimeUnit.MILLISECONDS);
        return conv;
    }

    /** A guest said something: the scripted agent answers a moment later. Holds the lock. */
    void guestSaid(SimConversation conv, String text) {
        SimDeployment d = state.deployments.get(conv.deploymentId);
        if (d != null && d.autoReply && conv.routedAt > 0) {
            state.timers.schedule(() -> scriptedReply(conv.id, text), 700, TimeUnit.MILLISECONDS);
        }
    }

    /** The guest started over (startNew), or signed in elsewhere: the old conversation is left behind, logged. */
    void abandon(SimSession s, String why) {
        if (s.conversation != null && s.conversation.isOpen()) {
            log.event("conversation-left", s.token, s.conversation.id + " " + why);
        }
    }

    /**
     * startNew (§5.6): the same tokens, the same customer (if signed in) and sockets, nothing of the old session; every
     * token of the old one (one for a guest, each device's for a signed-in customer) leads to the fresh one.
     */
    SimSession startOver(SimSession old) {
        abandon(old, "startNew");
        SimSession fresh = new SimSession(old.token, old.deploymentId);
        fresh.customer = old.customer;
        fresh.connections.addAll(old.connections);
        state.sessions.replaceAll((token, s) -> s == old ? fresh : s);
        return fresh;
    }

    /** Sends an Outbound message from the agent/bot to every connection of the conversation's token, and stores it. */
    ObjectNode agentSays(SimConversation conv, String text, String nickname, boolean bot,
                         List<SimFrames.QuickReply> quickReplies) {
        return agentSays(conv, text, nickname, bot, quickReplies, List.of());
    }

    /** An agent's or bot's message with content items of any type (cards, carousels, files). */
    ObjectNode agentSays(SimConversation conv, String text, String nickname, boolean bot,
                         List<SimFrames.QuickReply> quickReplies, List<tools.jackson.databind.JsonNode> content) {
        long now = System.currentTimeMillis();
        ObjectNode body = SimFrames.agentMessage(text, nickname, bot, quickReplies, content, now);
        if (conv.routedAt == 0) {
            conv.routedAt = now; // an agent who writes has the conversation
        }
        if (conv.agentRepliedAt == 0) {
            conv.agentRepliedAt = now;
        }
        String files = SimAttachments.names(body);
        conv.line(bot ? "bot" : "agent", (text == null ? "" : text) + (content.isEmpty() ? ""
                : files.isEmpty() ? " [" + content.size() + " structured item(s)]" : " [file: " + files + "]"),
                SimFrames.iso(now));
        SimSession s = state.sessions.get(conv.token);
        if (s != null && s.conversation == conv) {
            s.store(body);
            for (SimConnection each : s.connections) {
                wire.send(each, "message", "StructuredMessage", 200, body, null);
            }
        }
        return body;
    }

    private void route(SimConversation conv) {
        synchronized (state) {
            if (!conv.isOpen()) {
                log.event("routing-skipped", conv.token, conv.id + " already ended");
                return; // an ended conversation must never reach an agent
            }
            conv.routedAt = System.currentTimeMillis();
            conv.line("system", "Routed to agent Dana", SimFrames.iso(conv.routedAt));
            log.event("routed", conv.token, conv.id + (conv.guestConnections == 0 ? " (nobody there: abandoned)" : ""));
            SimDeployment d = state.deployments.get(conv.deploymentId);
            if (d != null && d.autoReply) {
                agentSays(conv, "Hi, I'm **Dana** (simulated agent). How can I help?\n"
                        + "- order status: [track a parcel](https://example.com/track)\n- returns: _30 days_, free", "Dana", false,
                        SampleContent.OFFERS.stream().map(o -> new SimFrames.QuickReply(o, o)).toList());
            }
        }
    }

    private void scriptedReply(String conversationId, String guestText) {
        synchronized (state) {
            SimConversation conv = state.conversation(conversationId);
            if (conv == null || !conv.isOpen()) {
                return;
            }
            int offer = SampleContent.OFFERS.indexOf(guestText);
            if (offer >= 0) { // the demo's quick replies: a card, a carousel, a picture
                sendSample(conv, List.of("card", "carousel", "picture").get(offer));
            } else {
                agentSays(conv, "Thanks! You said: \"" + guestText + "\". Anything else?", "Dana", false, List.of());
            }
        }
    }

    /** A sample structured message ({@link SampleContent}); false when there is no such sample or nobody to send to. */
    boolean sendSample(SimConversation conv, String name) {
        SimSession s = state.sessions.get(conv.token);
        if (s == null || s.connections.isEmpty()) {
            return false;
        }
        String base = s.connections.get(0).httpBase;
        List<tools.jackson.databind.JsonNode> items = SampleContent.items(name, base,
                () -> attachments.agentFile(s, "returns-label.png", "image/png", SamplePicture.png("returns"), base));
        if (items == null) {
            return false;
        }
        agentSays(conv, SampleContent.words(name), "Dana", false, List.of(), items);
        return true;
    }
}
