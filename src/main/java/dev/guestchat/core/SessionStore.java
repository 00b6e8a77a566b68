package dev.guestchat.core;

/**
 * The session's persistent facts, per deployment, in the page's storage. Keys are namespaced so two
 * deployments on one site never share a token.
 */
public final class SessionStore {
    private final Ports.KeyValueStore store;
    /** Key prefix {@code gcw.<deploymentId>.}. */
    private final String prefix;

    public SessionStore(Ports.KeyValueStore store, String deploymentId) {
        this.store = store;
        this.prefix = "gcw." + deploymentId + ".";
    }

    public String token() {
        return store.get(prefix + "token");
    }

    public void token(String token) {
        store.put(prefix + "token", token);
    }

    /** Guest or agent activity since the last start: there is a conversation that exiting could abandon. */
    public boolean active() {
        return "1".equals(store.get(prefix + "active"));
    }

    public void active(boolean active) {
        set("active", active);
    }

    /** A Clear we could not send yet (socket was down); sent first on the next connection with this token. */
    public boolean pendingEnd() {
        return "1".equals(store.get(prefix + "pendingEnd"));
    }

    public void pendingEnd(boolean pending) {
        set("pendingEnd", pending);
    }

    /** The panel was open when the customer left the previous page. */
    public boolean panelOpen() {
        return "1".equals(store.get(prefix + "open"));
    }

    public void panelOpen(boolean open) {
        set("open", open);
    }

    /** Forget the token and everything tied to it (after Clear, expiry): the next chat is a new session. */
    public void forgetSession() {
        store.remove(prefix + "token");
        store.remove(prefix + "active");
        store.remove(prefix + "pendingEnd");
    }

    private void set(String key, boolean value) {
        if (value) {
            store.put(prefix + key, "1");
        } else {
            store.remove(prefix + key);
        }
    }
}
