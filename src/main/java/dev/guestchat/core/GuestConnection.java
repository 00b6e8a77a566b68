package dev.guestchat.core;

import dev.guestchat.protocol.ClientFrame;
import dev.guestchat.protocol.ServerFrame;
import dev.guestchat.protocol.ServerFrames;

/**
 * The session's wire to the Guest API: opens the socket, configures the session (§3.1), keeps it alive with
 * echoes (§5.9) and, after a drop, reconnects with backoff (§5.10). What it hears goes to {@link Events}.
 *
 * <p>Invariant: {@code link} is the only socket whose events are acted on; it is null exactly when no socket is
 * open or opening. A socket let go of by {@link #drop()} or {@link #leave} never reports back, so every close we
 * cause is followed by the state the caller chooses, never by a reconnect nobody asked for. {@code exitSocket} is
 * the one socket let go of but left open: the one a page exit ended the chat on, until the exit's last event.
 */
final class GuestConnection {
    static final int HEARTBEAT_MILLIS = 60_000;
    static final int HEARTBEAT_REPLY_MILLIS = 10_000;
    /**
     * Refused first connections in a row, with the deployment known to exist, after which the page's origin is the
     * likely cause: a browser hides the handshake's status, so a refusal by the allow-list looks like an outage.
     */
    static final int ORIGIN_SUSPECTED_AFTER = 3;

    /** The connection's life as the rest of the session sees it. */
    interface Events {
        /** A SessionResponse with {@code connected:true} arrived on the live socket: the session can talk. */
        void onSessionConfigured(ServerFrame.SessionResponse response);

        /** Any other frame of the live socket; echo replies are the connection's own business. */
        void onFrame(ServerFrame frame);

        /** The live socket is being let go of, by us or by the network: nothing more will be sent on it. */
        void onClosing();

        /** The network dropped the socket (not a close we asked for); a reconnect follows unless the chat is settled. */
        void onConnectionLost();
    }

    // --- collaborators, fixed for the session's life
    private final SessionContext ctx;
    private final Ports.SocketFactory sockets;
    private final ServerFrames frames;
    private final Backoff backoff;
    private final Events events;

    // --- under the invariant above
    /** The live socket's handler; null when there is no socket. */
    private Link link;
    /** Pending reconnect; null unless waiting out a backoff delay between attempts. */
    private Ports.Cancellable reconnectTimer;
    /** Next echo; null unless configured. */
    private Ports.Cancellable heartbeatTimer;
    /** Deadline for the current echo's reply; null when no echo is outstanding. */
    private Ports.Cancellable heartbeatDeadline;
    /** tracingId of the outstanding echo; null when none. */
    private String heartbeatTracingId;
    /** True after an outage was reported to the host, until the next successful configure. */
    private boolean outageReported;
    /** The next configureSession asks for a new session on the same token (leaving read-only, §5.6). */
    private boolean startNewOnConfigure;
    /** A signed-in customer's part; null for a guest's session. Set once, as the session is made. */
    CustomerSignIn signIn;
    /** The JWT the last configure of a signed-in customer carried; null for a guest, and until the first. */
    private String jwt;
    /** Sockets in a row that closed without ever opening; 0 once one opened. */
    private int refusedInARow;
    /** The deployment's public configuration was found: Genesys knows this deployment. */
    private boolean deploymentFound;
    /** The socket a page exit ended the chat on, open for the exit's later events; null when no exit is under way. */
    private Ports.GuestSocket exitSocket;
    /** The frame those events repeat on {@link #exitSocket} (the exit's Clear); null exactly when it is. */
    private String exitFrame;

    GuestConnection(SessionContext ctx, Ports.SocketFactory sockets, ServerFrames frames, Backoff backoff,
                    Events events) {
        this.ctx = ctx;
        this.sockets = sockets;
        this.frames = frames;
        this.backoff = backoff;
        this.events = events;
    }

    /** Opens a socket unless one is open or opening, on the session's token (made now if there is none yet). */
    void open() {
        if (link != null) {
            return;
        }
        ctx.token();
        ctx.life.on(backoff.attempts() > 0 ? SessionLife.RETRYING : SessionLife.OPENING);
        Link l = new Link();
        link = l;
        l.socket = sockets.open(ctx.config.socketUrl(), l);
    }

    /** The deployment's config.json answered: a handshake refused from now on is not a wrong deploymentId. */
    void deploymentFound() {
        deploymentFound = true;
    }

    /** Opens without waiting out a pending backoff delay. */
    void openNow() {
        cancelReconnect();
        open();
    }

    /** The customer wants to talk: connect now unless connected, misconfigured or ended. */
    void ensureOpen() {
        if (link != null || ctx.state() == SessionState.FAILED || ctx.state() == SessionState.ENDED) {
            return;
        }
        openNow();
    }

    /** The network came back or the page became visible: a socket waiting out its backoff retries now (§5.10). */
    void retrySoon() {
        if (reconnectTimer != null && link == null) {
            openNow();
        }
    }

    void cancelReconnect() {
        reconnectTimer = Ports.cancel(reconnectTimer);
    }

    /** A socket is open or opening. */
    boolean hasSocket() {
        return link != null;
    }

    boolean isConfigured() {
        return link != null && link.configured;
    }

    /** A frame sent now leaves now: the live socket is open and its session configured. */
    boolean canSend() {
        return isConfigured() && socketOpen();
    }

    /** The live socket is open (it may not be configured yet). */
    boolean socketOpen() {
        return link != null && link.socket != null && link.socket.isOpen();
    }

    /** The session on the live socket is read-only (§5.6). */
    boolean isReadOnly() {
        return link != null && link.readOnly;
    }

    /** The agent disconnected in read-only mode (§5.6) on the live socket. */
    void markReadOnly() {
        if (link != null) {
            link.readOnly = true;
        }
    }

    /** Sends on the live socket; a frame that cannot leave is logged, never thrown. */
    void send(ClientFrame frame) {
        sendOn(link, frame);
    }

    /** A frame that cannot leave ({@code l} gone, or its socket not open) is logged, never thrown. */
    private void sendOn(Link l, ClientFrame frame) {
        if (l == null || l.socket == null || !l.socket.send(frame.toJson())) {
            ctx.log.warn("guest-chat: frame not sent, socket not open");
        }
    }

    /**
     * The next configure asks for a new session on the same token (§5.6); if the session is configured now the
     * request leaves at once and true is returned.
     */
    boolean startNewSession() {
        startNewOnConfigure = true;
        if (!isConfigured()) {
            return false;
        }
        send(configureFrame(true));
        return true;
    }

    /** The signed-in customer's JWT came: the socket that waits for it is configured with it. */
    void configureSignedIn(String jwt) {
        this.jwt = jwt;
        reconfigure();
    }

    /** The open socket that is not configured yet is configured (again): a JWT came, or the token was replaced. */
    void reconfigure() {
        Link l = link;
        if (l != null && l.opened && !l.configured) {
            sendOn(l, configureFrame(startNewOnConfigure));
        }
    }

    /** configureSession, or configureAuthenticatedSession with the JWT for a signed-in customer (§3.1, §3.2). */
    private ClientFrame configureFrame(boolean startNew) {
        return jwt == null
                ? new ClientFrame.ConfigureSession(ctx.store.token(), ctx.ids.newId(), ctx.config.deploymentId(), startNew)
                : new ClientFrame.ConfigureAuthenticatedSession(ctx.store.token(), ctx.ids.newId(),
                        ctx.config.deploymentId(), startNew, jwt);
    }

    /** Our own close: no event will come back, no reconnect follows. */
    void drop() {
        Ports.GuestSocket socket = release();
        if (socket != null) {
            socket.close();
        }
    }

    /**
     * The page is going and its last frame ({@code repeat}) is on the live socket: nothing more is acted on, but the
     * socket stays open so that the exit's later events can {@link #repeatExitFrame() repeat} that frame where the
     * engine dropped it — closing it ourselves could discard a frame still queued (Firefox closing a tab right
     * after {@code beforeunload}). A page entering the back/forward cache ({@code closeNow}) closes it at once: no
     * later event comes, and a cached page holds no socket.
     */
    void leave(ClientFrame repeat, boolean closeNow) {
        forgetExit();
        Ports.GuestSocket socket = release();
        if (socket == null) {
            return;
        }
        if (closeNow) {
            socket.close();
        } else {
            exitSocket = socket;
            exitFrame = repeat.toJson();
        }
    }

    /** A page exit kept its socket open for the repeat: its later events are still to come. */
    boolean exitUnderWay() {
        return exitSocket != null;
    }

    /**
     * One of the exit's later events: the frame goes again on the exit's socket if that socket is open and holds
     * nothing unsent (where the first is still queued, it is on its way). Nothing when no exit is under way.
     */
    void repeatExitFrame() {
        if (exitSocket != null && exitSocket.isOpen() && !exitSocket.holdsUnsentFrames()) {
            exitSocket.send(exitFrame);
        }
    }

    /** The exit's socket is not needed any more (the page came back from the cache, or goes away): it is closed. */
    void forgetExit() {
        if (exitSocket != null) {
            exitSocket.close();
            exitSocket = null;
            exitFrame = null;
        }
    }

    /** Stops acting on the live socket without closing it; returns that socket, null when there is none. */
    private Ports.GuestSocket release() {
        stopHeartbeat();
        events.onClosing();
        Ports.GuestSocket socket = link != null ? link.socket : null;
        link = null;
        return socket;
    }

    /** Releases the socket and every timer. */
    void destroy() {
        drop();
        forgetExit();
        cancelReconnect();
    }

    /** The socket dropped or stopped answering: keep everything and try again after a backoff delay. */
    private void lost(Link l, int code) {
        if (l != link) {
            return; // a socket we already let go of
        }
        boolean everOpened = l.opened;
        release();
        events.onConnectionLost();
        if (ctx.isSettled()) {
            return; // nothing left to reconnect for
        }
        refusedInARow = everOpened ? 0 : refusedInARow + 1;
        if (!outageReported) {
            outageReported = true;
            ctx.observer.error(new WidgetError(code, everOpened ? "connection-lost" : "unreachable", null));
        }
        if (refusedInARow == ORIGIN_SUSPECTED_AFTER && deploymentFound) {
            ctx.log.warn("guest-chat: deployment " + ctx.config.deploymentId() + " exists but refused this page "
                    + ORIGIN_SUSPECTED_AFTER + " times: allow this site's domain in Messenger Deployments.");
            ctx.observer.error(new WidgetError(code, "origin-not-allowed", null));
        }
        ctx.life.on(SessionLife.LOST);
        reconnectTimer = ctx.scheduler.schedule(backoff.nextDelay(), () -> {
            reconnectTimer = null;
            open();
        });
    }

    private void handle(Link l, String text) {
        ServerFrame frame = frames.decode(text);
        if (frame instanceof ServerFrame.SessionResponse r && r.connected()) {
            l.readOnly = r.readOnly();
            l.configured = true;
            startNewOnConfigure = false;
            backoff.reset();
            outageReported = false;
            scheduleHeartbeat();
            if (signIn != null) {
                signIn.configured();
            }
            events.onSessionConfigured(r);
        } else if (frame instanceof ServerFrame.StructuredMessage m && m.response() && m.tracingId() != null
                && m.tracingId().equals(heartbeatTracingId)) {
            heartbeatDeadline = Ports.cancel(heartbeatDeadline);
            heartbeatTracingId = null;
            scheduleHeartbeat();
        } else if (!(frame instanceof ServerFrame.SessionResponse)) {
            events.onFrame(frame); // a SessionResponse with connected:false says nothing the session acts on
        }
    }

    // ------------------------------------------------------------------ heartbeat (§5.9)

    private void scheduleHeartbeat() {
        Ports.cancel(heartbeatTimer);
        heartbeatTimer = ctx.scheduler.schedule(HEARTBEAT_MILLIS, this::sendEcho);
    }

    private void sendEcho() {
        heartbeatTimer = null;
        if (!isConfigured()) {
            return;
        }
        Link l = link;
        heartbeatTracingId = ctx.ids.newId();
        sendOn(l, new ClientFrame.Echo(ctx.store.token(), heartbeatTracingId));
        heartbeatDeadline = ctx.scheduler.schedule(HEARTBEAT_REPLY_MILLIS, () -> {
            heartbeatDeadline = null;
            ctx.log.warn("guest-chat: no echo reply in time, reconnecting");
            if (l.socket != null) {
                l.socket.close();
            }
            lost(l, 1006);
        });
    }

    private void stopHeartbeat() {
        heartbeatTimer = Ports.cancel(heartbeatTimer);
        heartbeatDeadline = Ports.cancel(heartbeatDeadline);
        heartbeatTracingId = null;
    }

    /** Handler of one socket; events of a socket that is no longer {@link #link} are ignored. */
    private final class Link implements Ports.SocketEvents {
        /** Null only between construction and the factory's return. */
        Ports.GuestSocket socket;
        /** The socket reported open. */
        boolean opened;
        /** A SessionResponse with connected:true arrived on this socket. */
        boolean configured;
        /** The session on this socket is read-only (§5.6). */
        boolean readOnly;

        @Override
        public void onOpen() {
            if (this != link) {
                return;
            }
            opened = true;
            if (signIn != null) {
                signIn.opened(); // configured once the customer's JWT is at hand
            } else {
                sendOn(this, configureFrame(startNewOnConfigure));
            }
        }

        @Override
        public void onText(String text) {
            if (this != link) {
                return;
            }
            try {
                handle(this, text);
            } catch (RuntimeException e) {
                // a bug in handling one frame must not take the socket handler down with it
                ctx.log.warn("guest-chat: failed to handle a frame: " + e.getMessage());
            }
        }

        @Override
        public void onClosed(int code) {
            lost(this, code);
        }
    }
}
