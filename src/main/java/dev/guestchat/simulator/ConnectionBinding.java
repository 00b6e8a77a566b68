package dev.guestchat.simulator;

/**
 * Binds a socket to the session its configure named (§5.8): one token per connection, at most three connections per
 * session (a fourth evicts the oldest with ConnectionClosedEvent), and the conversation's count of guests kept
 * current. Both configure actions, the guest's and the signed-in customer's, end here. Callers hold the state lock.
 */
final class ConnectionBinding {
    private final SimState state;
    private final SimWire wire;

    ConnectionBinding(SimState state, SimWire wire) {
        this.state = state;
        this.wire = wire;
    }

    void bind(SimConnection c, SimSession s, String token) {
        if (c.token != null && !c.token.equals(token)) {
            SimSession old = state.sessions.get(c.token);
            if (old != null) {
                old.connections.remove(c);
            }
        }
        c.token = token;
        if (!s.connections.contains(c)) {
            s.connections.add(c);
        }
        if (s.connections.size() > GuestProtocol.MAX_CONNECTIONS_PER_TOKEN) {
            SimConnection oldest = s.connections.get(0); // §5.8: a 4th connection evicts one (the oldest)
            wire.sendEvent(oldest, "ConnectionClosedEvent");
            wire.detach(oldest);
        }
        if (s.conversation != null) {
            s.conversation.guestConnections = s.connections.size();
        }
    }
}
