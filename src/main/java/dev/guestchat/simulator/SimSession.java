package dev.guestchat.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A guest session, keyed by the client-chosen token (§5.1); a signed-in customer's session is keyed by the token of
 * each of their devices.
 */
final class SimSession {
    final String token;
    final String deploymentId;
    /** A session keeps this many messages for history; older ones are forgotten (bounded under load). */
    static final int MAX_STORED_MESSAGES = 5_000;
    /** Stored message bodies (StructuredMessage shape), oldest first; what history returns. */
    final List<ObjectNode> messages = new ArrayList<>();
    /** Open connections on this token, oldest first (max 3, §5.8). */
    final List<SimConnection> connections = new ArrayList<>();
    /** Times of accepted onMessage requests in the last second (rate limit, §5.12). */
    final Deque<Long> recentMessages = new ArrayDeque<>();
    /** Agent disconnected in ReadOnly mode: sending is refused until startNew (§5.6). */
    boolean readOnly;
    /** Who signed in (configureAuthenticatedSession); null for a guest. */
    SimAuth.Customer customer;
    /** The conversation guest activity belongs to; null before the first message/Join and after it ended. */
    SimConversation conversation;

    /** Stores a message for history, forgetting the oldest beyond {@link #MAX_STORED_MESSAGES}. */
    void store(ObjectNode message) {
        messages.add(message);
        if (messages.size() > MAX_STORED_MESSAGES) {
            messages.subList(0, messages.size() - MAX_STORED_MESSAGES).clear();
        }
    }

    SimSession(String token, String deploymentId) {
        this.token = token;
        this.deploymentId = deploymentId;
    }
}
