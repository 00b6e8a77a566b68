package dev.guestchat.core;

/**
 * The connection's life as the customer sees it (PROTOCOL.md §5.2, DESIGN.md §3). Constants of a final class, not an
 * enum: nothing asks for a state's Java name, and an enum's names, {@code values()} and {@code Enum} base would be
 * carried by every bundle.
 */
public final class SessionState {
    /** No socket: nothing to talk about yet, or the page was hidden with nothing to end. */
    public static final SessionState IDLE = new SessionState("idle", 0);
    /** First socket of this page is opening / configuring. */
    public static final SessionState CONNECTING = new SessionState("connecting", 1);
    /** Configured: messages flow. */
    public static final SessionState CONNECTED = new SessionState("connected", 2);
    /** The socket dropped; waiting for the backoff timer or retrying. Typed messages are queued. */
    public static final SessionState RECONNECTING = new SessionState("reconnecting", 3);
    /** Clear sent (or pending); waiting for SessionClearedEvent. */
    public static final SessionState ENDING = new SessionState("ending", 4);
    /** The conversation was ended (by us, another tab, expiry) — the view offers Start new chat. */
    public static final SessionState ENDED = new SessionState("ended", 5);
    /** The agent disconnected in read-only mode: history visible, sending refused until Start new chat. */
    public static final SessionState READ_ONLY = new SessionState("read_only", 6);
    /** The server closed this connection (another window took over, §4.5); reconnect only on request. */
    public static final SessionState SUSPENDED = new SessionState("suspended", 7);
    /** Misconfigured (missing deploymentId): nothing will work until the host fixes it. */
    public static final SessionState FAILED = new SessionState("failed", 8);

    /** Every state, by its column in {@link SessionLife}'s table. */
    static final SessionState[] BY_COLUMN = {IDLE, CONNECTING, CONNECTED, RECONNECTING, ENDING, ENDED, READ_ONLY,
        SUSPENDED, FAILED};

    /** The name hosts see: {@code state()} and {@code state} events. */
    public final String wire;
    /** This state's column in {@link SessionLife}'s transition table. */
    final int column;

    private SessionState(String wire, int column) {
        this.wire = wire;
        this.column = column;
    }

    @Override
    public String toString() {
        return wire;
    }
}
