package dev.guestchat.core;

import dev.guestchat.protocol.StringPairs;

/**
 * The session's persistent facts, per deployment, in the page's storage. Keys are namespaced so two
 * deployments on one site never share a token. What was last read or written is remembered, because storage
 * can stop answering exactly when the facts matter most: WebKit throws on every access in the {@code pagehide}
 * of a page it is closing, where the exit decision needs the token and whether a chat is active.
 */
public final class SessionStore {
    private final Ports.KeyValueStore store;
    /** Key prefix {@code gcw.<deploymentId>.}. */
    private final String prefix;
    /** The last value seen for each key (null values included); stands in while storage cannot be read. */
    private final StringPairs lastSeen = new StringPairs();

    public SessionStore(Ports.KeyValueStore store, String deploymentId) {
        this.store = store;
        this.prefix = "gcw." + deploymentId + ".";
    }

    public String token() {
        return read(prefix + "token");
    }

    public void token(String token) {
        write(prefix + "token", token);
    }

    /** Guest or agent activity since the last start: there is a conversation that exiting could abandon. */
    public boolean active() {
        return "1".equals(read(prefix + "active"));
    }

    public void active(boolean active) {
        set("active", active);
    }

    /** A Clear we could not send yet (socket was down); sent first on the next connection with this token. */
    public boolean pendingEnd() {
        return "1".equals(read(prefix + "pendingEnd"));
    }

    public void pendingEnd(boolean pending) {
        set("pendingEnd", pending);
    }

    /** The panel was open when the customer left the previous page. */
    public boolean panelOpen() {
        return "1".equals(read(prefix + "open"));
    }

    public void panelOpen(boolean open) {
        set("open", open);
    }

    /** Forget the token and everything tied to it (after Clear, expiry): the next chat is a new session. */
    public void forgetSession() {
        write(prefix + "token", null);
        write(prefix + "active", null);
        write(prefix + "pendingEnd", null);
    }

    private void set(String key, boolean value) {
        write(prefix + key, value ? "1" : null);
    }

    private String read(String key) {
        String value = store.get(key);
        if (value == null && !store.readable()) {
            return lastSeen.get(key);
        }
        lastSeen.put(key, value);
        return value;
    }

    /** Writes, or removes for null. */
    private void write(String key, String value) {
        lastSeen.put(key, value);
        if (value == null) {
            store.remove(key);
        } else {
            store.put(key, value);
        }
    }
}
