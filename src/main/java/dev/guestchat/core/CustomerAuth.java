package dev.guestchat.core;

/**
 * A signed-in customer's credentials over time (PROTOCOL.md §3.2, §4.6): the messaging JWT that
 * {@code configureAuthenticatedSession} carries, kept fresh with the refresh token, and the sign-out.
 *
 * <p>Rules, after the official transport SDK's {@code AuthHandlerImpl}:
 * <ul>
 *   <li>A stored JWT that is still good is used as it is; else a stored refresh token gets a new one; only when
 *       neither works is the host asked for a grant, and without one {@code authRequired} is said. So a reload or a
 *       new tab of the signed-in site continues without a new code.</li>
 *   <li>The JWT is refreshed a minute before it expires (halfway, for short ones), so a reconnect always has one.</li>
 *   <li>A configure refused for the JWT (401/403) refreshes it; after {@value #MAX_REFUSALS} refusals in a row the
 *       tokens are dropped and the host is asked for a new grant.</li>
 *   <li>The token service refusing a refresh (4xx) drops the tokens; no answer or a 5xx is retried with backoff.</li>
 *   <li>Sign-out revokes the JWT (refreshing it first when the service says 401, up to {@value #MAX_REFUSALS} times);
 *       offline, it is kept pending in storage and completes when the network is back or on the next page. The
 *       customer counts as signed out at once: no JWT is handed out meanwhile.</li>
 * </ul>
 *
 * <p>Tokens live in the page's storage under {@code gcw.<deploymentId>.auth.}: a new tab must continue the chat, which
 * memory or {@code sessionStorage} would not allow; the price is that a script injected into the site could read
 * them, as it could read the site's own session. They are cleared on sign-out and on the service's LogoutEvent.
 */
public final class CustomerAuth implements Ports.Credentials {
    /** What the session hears. */
    public interface Listener {
        /** A JWT good for configuring: (re)configure with it. Said when one was awaited, not for quiet refreshes. */
        void authorized(String jwt);

        /** No JWT can be had without the customer signing in again (the event {@code auth-required}). */
        void authRequired();

        /** The customer is signed out: by {@link #signOut()}, in another tab, or by the service's LogoutEvent. */
        void signedOut();
    }

    /** Configure refusals in a row, and revoke attempts, before giving up. */
    static final int MAX_REFUSALS = 3;
    /** A JWT is refreshed this long before it expires (or halfway through its life, if that is sooner). */
    static final double REFRESH_AHEAD_MILLIS = 60_000;

    private final Ports.KeyValueStore store;
    private final Ports.Scheduler scheduler;
    private final Ports.TokenService service;
    private final Ports.GrantSource grants;
    private final Listener listener;
    /** Delays of the retries after no answer or a 5xx; reset by every answer that is not one. */
    private final Backoff backoff;
    /** Key prefix {@code gcw.<deploymentId>.auth.}. */
    private final String prefix;

    // All state below changes only in this class's methods and callbacks, which the page runs one at a time.
    /** A caller waits for a JWT: {@link Listener#authorized} is due when one comes. */
    private boolean awaited;
    /** A request to the token service (or a question to the host) is under way; no second one starts. */
    private boolean busy;
    /** Configure refusals (401/403) since the last configure that worked. */
    private int refusals;
    /** Revoke attempts of the sign-out under way; 0 when none is. */
    private int revokes;
    /** The refresh ahead of expiry, or the retry after a failure; null when none is scheduled. */
    private Ports.Cancellable timer;
    /** What {@link #timer} will retry after a failure; null when it is a refresh ahead of expiry, or nothing. */
    private Runnable retry;

    public CustomerAuth(Ports.KeyValueStore store, String deploymentId, Ports.Scheduler scheduler,
                        Ports.TokenService service, Ports.GrantSource grants, Listener listener, Backoff backoff) {
        this.store = store;
        this.prefix = "gcw." + deploymentId + ".auth.";
        this.scheduler = scheduler;
        this.service = service;
        this.grants = grants;
        this.listener = listener;
        this.backoff = backoff;
    }

    /** The session wants a JWT to configure with: {@link Listener#authorized} (at once, or when one comes). */
    @Override
    public void requestJwt() {
        if (signOutPending()) {
            resumeSignOut(); // a sign-out from an earlier page that could not reach the service
            return;
        }
        awaited = true;
        String jwt = store.get(prefix + "jwt");
        if (jwt != null && expiresAt() - scheduler.now() > REFRESH_AHEAD_MILLIS / 2) {
            deliver(jwt);
            scheduleRefresh();
        } else {
            renew();
        }
    }

    /** The service took the JWT: refusals start again from zero. */
    @Override
    public void configured() {
        refusals = 0;
    }

    /** The service refused the JWT at configure (401/403): a fresh one, or a new grant after too many refusals. */
    @Override
    public void configureRefused() {
        awaited = true;
        if (++refusals >= MAX_REFUSALS) {
            refusals = 0;
            forgetTokens();
            askGrant();
            return;
        }
        store.remove(prefix + "jwt"); // don't hand the refused one out again
        renew();
    }

    /** The customer signs out: revoke, then {@link Listener#signedOut}; offline, pending until it can be sent. */
    @Override
    public void signOut() {
        if (store.get(prefix + "jwt") == null && store.get(prefix + "refresh") == null) {
            signedOut();
            return;
        }
        store.put(prefix + "signOut", "1");
        awaited = false;
        revokes = 0;
        cancelTimer();
        busy = false; // a refresh under way must not hand its JWT out: its answer is ignored below
        resumeSignOut();
    }

    /** The service said LogoutEvent, or another tab signed out: the tokens are gone here too. */
    @Override
    public void loggedOut() {
        signedOut();
    }

    /** A good moment to retry (the network is back, the page is visible again). */
    @Override
    public void networkMayBeBack() {
        Runnable again = retry;
        if (again != null) {
            cancelTimer();
            again.run();
        }
    }

    /** The page is done with the session: no timer of this object runs any more. */
    @Override
    public void destroy() {
        cancelTimer();
        awaited = false;
    }

    /** Stored tokens, a pending sign-out aside: a reload may continue without asking the host. */
    /**
     * This browser holds a signed-in customer's tokens for the deployment, or a sign-out still to send: a page of
     * the site that gives no grant goes on signed in (and completes that sign-out) rather than as a guest.
     */
    public static boolean heldIn(Ports.KeyValueStore store, String deploymentId) {
        String keys = "gcw." + deploymentId + ".auth.";
        return store.get(keys + "jwt") != null || store.get(keys + "refresh") != null || store.get(keys + "signOut") != null;
    }

    public boolean signedIn() {
        return !signOutPending() && (store.get(prefix + "jwt") != null || store.get(prefix + "refresh") != null);
    }

    // ------------------------------------------------------------------ getting a JWT

    /** A fresh JWT from the refresh token, or from a new grant when there is no refresh token. */
    private void renew() {
        String refresh = store.get(prefix + "refresh");
        if (refresh == null) {
            askGrant();
            return;
        }
        if (busy) {
            return; // the answer under way serves this caller too
        }
        busy = true;
        service.refresh(refresh, (status, tokens) -> {
            if (!busy || signOutPending()) {
                return; // signed out meanwhile
            }
            busy = false;
            if (tokens != null) {
                keep(new AuthTokens(tokens.jwt(), tokens.expiresAt(), refresh));
            } else if (status == 0 || status >= 500) {
                retryLater(this::renew);
            } else {
                backoff.reset();
                forgetTokens(); // refused: the refresh token is spent
                askGrant();
            }
        });
    }

    private void askGrant() {
        if (busy) {
            return;
        }
        busy = true;
        grants.ask(grant -> {
            if (signOutPending()) {
                busy = false; // signed out while the host was asked
                return;
            }
            if (grant == null) {
                busy = false;
                if (awaited) {
                    listener.authRequired();
                }
                return;
            }
            exchange(grant);
        });
    }

    private void exchange(AuthGrant grant) {
        service.exchange(grant, (status, tokens) -> {
            if (!busy || signOutPending()) {
                return;
            }
            busy = false;
            if (tokens != null) {
                keep(tokens);
            } else if (status == 0 || status >= 500) {
                busy = true;
                retryLater(() -> exchange(grant));
            } else {
                backoff.reset();
                if (awaited) {
                    listener.authRequired(); // the grant was refused: a new sign-in is the only way
                }
            }
        });
    }

    /** Stores what the service answered, hands the JWT to a waiting caller, and plans its refresh. */
    private void keep(AuthTokens tokens) {
        backoff.reset();
        save(tokens);
        deliver(tokens.jwt());
        scheduleRefresh();
    }

    /** The JWT, its expiry and (when the answer had one) the refresh token, for this page and the next. */
    private void save(AuthTokens tokens) {
        store.put(prefix + "jwt", tokens.jwt());
        store.put(prefix + "exp", ClockDigits.of(tokens.expiresAt()));
        if (tokens.refreshToken() != null) {
            store.put(prefix + "refresh", tokens.refreshToken());
        }
    }

    private void deliver(String jwt) {
        if (awaited) {
            awaited = false;
            listener.authorized(jwt);
        }
    }

    /** Refreshes ahead of expiry, when a refresh token can; without one the JWT simply runs out. */
    private void scheduleRefresh() {
        cancelTimer();
        if (store.get(prefix + "refresh") == null) {
            return;
        }
        double left = expiresAt() - scheduler.now();
        double ahead = Math.min(REFRESH_AHEAD_MILLIS, left / 2);
        timer = scheduler.schedule(Math.max(0, left - ahead), () -> {
            timer = null;
            renew();
        });
    }

    private void retryLater(Runnable again) {
        cancelTimer();
        retry = again;
        timer = scheduler.schedule(backoff.nextDelay(), () -> {
            timer = null;
            retry = null;
            again.run();
        });
    }

    private double expiresAt() {
        return ClockDigits.parse(store.get(prefix + "exp"));
    }

    // ------------------------------------------------------------------ signing out

    private boolean signOutPending() {
        return "1".equals(store.get(prefix + "signOut"));
    }

    private void resumeSignOut() {
        String jwt = store.get(prefix + "jwt");
        if (jwt == null && store.get(prefix + "refresh") != null && revokes < MAX_REFUSALS) {
            refreshForRevoke(); // the JWT was refused or ran out: a fresh one revokes the same sign-in
            return;
        }
        if (jwt == null || revokes >= MAX_REFUSALS) {
            signedOut(); // nothing the service would take: signed out here, the tokens run out there
            return;
        }
        revokes++;
        service.revoke(jwt, (status, ignored) -> {
            if (!signOutPending()) {
                return; // another tab finished it
            }
            if (status >= 200 && status < 300) {
                signedOut();
            } else if (status == 0 || status >= 500) {
                revokes--;
                retryLater(this::resumeSignOut);
            } else if (status == 401 && store.get(prefix + "refresh") != null) {
                refreshForRevoke();
            } else {
                signedOut();
            }
        });
    }

    /** The JWT ran out before the revoke: a fresh one revokes the same sign-in. */
    private void refreshForRevoke() {
        service.refresh(store.get(prefix + "refresh"), (status, tokens) -> {
            if (!signOutPending()) {
                return;
            }
            if (tokens != null) {
                save(tokens);
                resumeSignOut();
            } else if (status == 0 || status >= 500) {
                retryLater(this::refreshForRevoke);
            } else {
                signedOut(); // the service has nothing left to revoke
            }
        });
    }

    private void signedOut() {
        cancelTimer();
        busy = false;
        awaited = false;
        revokes = 0;
        forgetTokens();
        store.remove(prefix + "signOut");
        listener.signedOut();
    }

    private void forgetTokens() {
        store.remove(prefix + "jwt");
        store.remove(prefix + "exp");
        store.remove(prefix + "refresh");
    }

    private void cancelTimer() {
        timer = Ports.cancel(timer);
        retry = null;
    }
}
