package dev.guestchat.core;

/** The connection's life as the customer sees it (PROTOCOL.md §5.2, DESIGN.md §3). */
public enum SessionState {
    /** No socket: nothing to talk about yet, or the page was hidden with nothing to end. */
    IDLE("idle"),
    /** First socket of this page is opening / configuring. */
    CONNECTING("connecting"),
    /** Configured: messages flow. */
    CONNECTED("connected"),
    /** The socket dropped; waiting for the backoff timer or retrying. Typed messages are queued. */
    RECONNECTING("reconnecting"),
    /** Clear sent (or pending); waiting for SessionClearedEvent. */
    ENDING("ending"),
    /** The conversation was ended (by us, another tab, expiry) — the view offers Start new chat. */
    ENDED("ended"),
    /** The agent disconnected in read-only mode: history visible, sending refused until Start new chat. */
    READ_ONLY("read_only"),
    /** The server closed this connection (another window took over, §4.5); reconnect only on request. */
    SUSPENDED("suspended"),
    /** Misconfigured (missing deploymentId): nothing will work until the host fixes it. */
    FAILED("failed");

    /** The name hosts see: {@code state()} and {@code state} events. */
    public final String wire;

    SessionState(String wire) {
        this.wire = wire;
    }
}
