package dev.guestchat.simulator;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What the agent side sees of one conversation: its routing, its end, its transcript. */
final class SimConversation {
    enum EndedBy { CUSTOMER, AGENT }

    final String id;
    final String token;
    final String deploymentId;
    final long createdAt;
    /** When an agent got it; 0 while it waits in the queue. */
    long routedAt;
    /** When the agent first wrote; 0 before. */
    long agentRepliedAt;
    /** Who ended it; null while it is open. */
    EndedBy endedBy;
    long endedAt;
    /** The signed-in customer's name, for the agent; null for a guest. */
    String customerName;
    /** Guest connections open right now (kept current by the simulator). */
    int guestConnections;
    /** Typing events the guest sent (§3.3.4), for the console and for tests of their rate. */
    int guestTypingEvents;
    /** Until when (epoch ms) the console shows "customer is typing"; 0 when it never did. */
    long guestTypingUntil;
    /** The agent console shows this many lines of one conversation; older ones are dropped. */
    static final int MAX_LINES = 2_000;
    /** Lines as the agent sees them: {from, text, time}; at most {@link #MAX_LINES}. */
    final List<ObjectNode> transcript = new ArrayList<>();

    SimConversation(String id, String token, String deploymentId, long createdAt) {
        this.id = id;
        this.token = token;
        this.deploymentId = deploymentId;
        this.createdAt = createdAt;
    }

    boolean isOpen() {
        return endedBy == null;
    }

    /**
     * The state the agent console shows: {@code waiting} (queued), {@code routed} (an agent has it),
     * {@code active} (the agent wrote), {@code ended-by-customer}, {@code disconnected} (the agent ended it),
     * and {@code abandoned} — routed while nobody is there: the customer left without ending it, which is
     * exactly the bug this widget exists to prevent.
     */
    String state() {
        if (endedBy == EndedBy.CUSTOMER) {
            return "ended-by-customer";
        }
        if (endedBy == EndedBy.AGENT) {
            return "disconnected";
        }
        if (routedAt == 0) {
            return "waiting";
        }
        if (guestConnections == 0) {
            return "abandoned";
        }
        return agentRepliedAt > 0 ? "active" : "routed";
    }

    void line(String from, String text, String time) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("from", from);
        n.put("text", text);
        n.put("time", time);
        transcript.add(n);
        if (transcript.size() > MAX_LINES) {
            transcript.remove(0);
        }
    }

    /** A Typing event from the guest: the agent sees "typing" for the five seconds Messenger shows it. */
    void guestTyping(long now) {
        guestTypingEvents++;
        guestTypingUntil = now + 5_000;
    }

    ObjectNode toJson() {
        long now = System.currentTimeMillis();
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", id);
        n.put("token", token);
        n.put("deploymentId", deploymentId);
        n.put("state", state());
        n.put("customer", customerName);
        n.put("createdAt", createdAt);
        n.put("routed", routedAt > 0);
        n.put("routedAt", routedAt);
        n.put("endedAt", endedAt);
        n.put("guestConnections", guestConnections);
        n.put("guestTyping", isOpen() && now < guestTypingUntil);
        n.put("guestTypingEvents", guestTypingEvents);
        ArrayNode lines = n.putArray("transcript");
        transcript.forEach(lines::add);
        return n;
    }
}
