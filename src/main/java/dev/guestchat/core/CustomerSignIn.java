package dev.guestchat.core;

/**
 * What a signed-in customer's session does beyond a guest's (PROTOCOL.md §3.2, §4.6, §5.13): every socket is
 * configured with the customer's JWT once the {@link Ports.Credentials} have one; a JWT refused at configure is
 * renewed and the socket configured again; a token the service holds for a guest session (4017) is replaced by a new
 * one; and when no JWT can be had, or the customer signed out, the session stops and says why, as a suspended
 * session does: it connects again when asked.
 */
final class CustomerSignIn implements CustomerAuth.Listener {
    private final SessionContext ctx;
    private final GuestConnection connection;
    /** The customer's credentials; set once, right after this object is made (they answer it). */
    Ports.Credentials credentials;

    CustomerSignIn(SessionContext ctx, GuestConnection connection) {
        this.ctx = ctx;
        this.connection = connection;
    }

    /** A socket opened: it is configured when the JWT is at hand ({@link #authorized}). */
    void opened() {
        credentials.requestJwt();
    }

    void configured() {
        credentials.configured();
    }

    /** An error before the session was configured; true when it was about the sign-in and is handled here. */
    boolean configureFailed(int code) {
        if (code == 401 || code == 403) {
            credentials.configureRefused(); // a fresh JWT configures the same socket again
            return true;
        }
        if (code == 4017) {
            ctx.store.token(ctx.ids.newId()); // the token belongs to a guest session: sign in on a new one
            credentials.requestJwt();
            return true;
        }
        return false;
    }

    @Override
    public void authorized(String jwt) {
        connection.configureSignedIn(jwt);
    }

    @Override
    public void authRequired() {
        stop("auth-required");
    }

    @Override
    public void signedOut() {
        ctx.store.token(null); // the session was the customer's: nothing of it may go on as a guest's
        stop("signed-out");
    }

    private void stop(String reason) {
        connection.drop();
        if (ctx.life.allows(SessionLife.SUSPENDED)) { // not when idle, ended or failed: nothing was going on
            ctx.life.on(SessionLife.SUSPENDED);
        }
        ctx.observer.error(new WidgetError(0, reason, null));
    }
}
