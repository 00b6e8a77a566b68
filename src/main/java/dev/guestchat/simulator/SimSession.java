package dev.guestchat.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** A guest session, keyed by the client-chosen token (§5.1). */
final class SimSession {
    final String token;
    final String deploymentId;
    /** Stored message bodies (StructuredMessage shape), oldest first; what history returns. */
    final List<ObjectNode> messages = new ArrayList<>();
    /** Open connections on this token, oldest first (max 3, §5.8). */
    final List<SimConnection> connections = new ArrayList<>();
    /** Times of accepted onMessage requests in the last second (rate limit, §5.12). */
    final Deque<Long> recentMessages = new ArrayDeque<>();
    /** Agent disconnected in ReadOnly mode: sending is refused until startNew (§5.6). */
    boolean readOnly;
    /** The conversation guest activity belongs to; null before the first message/Join and after it ended. */
    SimConversation conversation;

    SimSession(String token, String deploymentId) {
        this.token = token;
        this.deploymentId = deploymentId;
    }
}
