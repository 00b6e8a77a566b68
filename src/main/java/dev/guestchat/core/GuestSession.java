package dev.guestchat.core;

import dev.guestchat.protocol.ClientFrame;
import dev.guestchat.protocol.HistoryPage;
import dev.guestchat.protocol.JsonParser;
import dev.guestchat.protocol.ServerFrame;
import dev.guestchat.protocol.ServerFrames;
import dev.guestchat.protocol.StringPairs;
import dev.guestchat.protocol.WireMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest session state machine: connect, configure, heartbeat, reconnect, outbox, end/Clear and the
 * page-exit policy. Pure Java; everything outside comes through {@link Ports}.
 *
 * <p>Invariant: {@code connection} is the only socket whose events are acted on; it is null exactly when no
 * socket is open or opening. A socket we close ourselves never reports back, so every close we cause is
 * followed by the state we choose here, never by a reconnect we did not ask for.
 */
public final class GuestSession {
    static final long HEARTBEAT_MILLIS = 60_000;
    static final long HEARTBEAT_REPLY_MILLIS = 10_000;
    static final long CLEAR_CONFIRM_MILLIS = 5_000;
    static final long SEND_SPACING_MILLIS = 550; // the service accepts 2 onMessage per second (§5.12)
    static final long TYPING_DEFAULT_MILLIS = 5_000;
    static final int HISTORY_MAX_PAGES = 4;

    /** Answer to {@link #end}: {@code ended} is false when the Clear was refused or not confirmed in time. */
    public interface EndCallback {
        void done(boolean ended, WidgetError error);
    }

    /** Where diagnostics go (the console in the browser). */
    public interface Log {
        void warn(String message);
    }

    // --- collaborators, fixed for the session's life
    private final SessionConfig config;
    private final Ports.Scheduler scheduler;
    private final Ports.SocketFactory sockets;
    private final Ports.HistorySource history;
    private final Ports.IdSource ids;
    private final Ports.TabPresence tabs;
    private final SessionStore store;
    private final ServerFrames frames;
    private final JsonParser json;
    private final SessionObserver observer;
    private final Log log;
    private final Backoff backoff;

    // --- connection state, under the invariant above
    /** The live socket's handler; null when there is no socket. */
    private Connection connection;
    /** What the customer sees; see {@link SessionState}. */
    private SessionState state = SessionState.IDLE;
    /** Pending reconnect; null unless RECONNECTING between attempts. */
    private Ports.Cancellable reconnectTimer;
    /** Next echo; null unless configured. */
    private Ports.Cancellable heartbeatTimer;
    /** Deadline for the current echo's reply; null when no echo is outstanding. */
    private Ports.Cancellable heartbeatDeadline;
    /** tracingId of the outstanding echo; null when none. */
    private String heartbeatTracingId;
    /** True after an outage was reported to the host, until the next successful configure. */
    private boolean outageReported;
    /** The next configureSession asks for a new session (leaving read-only, §5.6). */
    private boolean startNewOnConfigure;

    // --- conversation
    private final Transcript transcript = new Transcript();
    private final Outbox outbox = new Outbox();
    /** tracingId of the Clear in flight; null when no Clear was sent on the current connection. */
    private String clearTracingId;
    /** Deadline for SessionClearedEvent; null when no Clear is awaiting confirmation. */
    private Ports.Cancellable clearDeadline;
    /** Callers of {@link #end} waiting for the outcome. */
    private final List<EndCallback> endCallbacks = new ArrayList<>();
    /** Hides the agent typing indicator; null when not shown. */
    private Ports.Cancellable typingTimer;
    /** Bumped whenever the transcript is reset, so late history pages of an older session are dropped. */
    private int historyGeneration;

    // --- page lifecycle
    /** When a same-site navigation was last seen coming (link click, form submit, navigate); 0 = never. */
    private long sameSiteNavigationAt;
    /** The socket was closed in pagehide to keep the conversation; reconnect on pageshow. */
    private boolean pausedForPageHide;
    /** Custom attributes for the next customer message; null when none are waiting. */
    private StringPairs customAttributes;
    /** {@code maxCustomDataBytes} from the last SessionResponse (§4.1); 2,048 until the server says otherwise. */
    private int maxCustomDataBytes = 2048;

    public GuestSession(SessionConfig config, Ports.Scheduler scheduler, Ports.SocketFactory sockets,
                        Ports.KeyValueStore storage, Ports.HistorySource history, Ports.IdSource ids,
                        Ports.TabPresence tabs, JsonParser json, SessionObserver observer, Log log,
                        Backoff backoff) {
        this.config = config;
        this.scheduler = scheduler;
        this.sockets = sockets;
        this.history = history;
        this.ids = ids;
        this.tabs = tabs;
        this.json = json;
        this.store = new SessionStore(storage, config.deploymentId());
        this.frames = new ServerFrames(json);
        this.observer = observer;
        this.log = log;
        this.backoff = backoff;
    }

    // ------------------------------------------------------------------ commands

    /**
     * Page start: connect only when there is something to talk about — a conversation left active by the
     * previous page, or an end that could not be sent. A page view that never chats costs no connection.
     */
    public void start() {
        if (config.deploymentId() == null || config.deploymentId().isEmpty()) {
            setState(SessionState.FAILED);
            observer.error(new WidgetError(0, "missing-deployment-id", null));
            return;
        }
        if (store.pendingEnd()) {
            setState(SessionState.ENDING);
            connect();
        } else if (store.active() && store.token() != null) {
            connect();
        }
    }

    /** The customer opened the panel: get ready to talk. */
    public void ensureConnected() {
        if (connection != null || state == SessionState.FAILED || state == SessionState.ENDED) {
            return;
        }
        connectNow();
    }

    /** Sends a customer text; false when there is nothing to send or sending is not allowed now. */
    public boolean send(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return false;
        }
        if (state == SessionState.ENDED) {
            startNew(); // typing after an end starts a fresh conversation, as the customer expects
        }
        if (state == SessionState.READ_ONLY || state == SessionState.FAILED || state == SessionState.ENDING) {
            observer.error(new WidgetError(state == SessionState.READ_ONLY ? 409 : 0, "cannot-send", null));
            return false;
        }
        String tracingId = ids.newId();
        outbox.add(new Outbox.Pending(tracingId, trimmed, customAttributes));
        customAttributes = null; // they travel with this message (§3.3: any message may carry them)
        transcript.put(new ChatEntry(tracingId, ChatEntry.Sender.CUSTOMER, null, trimmed, null,
                ChatEntry.Delivery.SENDING, new ArrayList<>()));
        store.active(true);
        observer.transcriptChanged(transcript.rows());
        if (isConfigured()) {
            transmit(outbox.find(tracingId));
        } else {
            ensureConnected();
        }
        return true;
    }

    /**
     * Custom attributes (participant data for the flow and the agent) sent with the next customer message.
     * Returns the error when they exceed the deployment's byte budget (UTF-8 bytes of keys and values, as the
     * service counts them, §5.12); then nothing is kept.
     */
    public WidgetError setCustomAttributes(StringPairs attributes) {
        int bytes = 0;
        for (int i = 0; i < attributes.size(); i++) {
            bytes += utf8Length(attributes.key(i)) + utf8Length(attributes.value(i));
        }
        if (bytes > maxCustomDataBytes) {
            return new WidgetError(4013, "custom-attributes-too-large", "Custom attributes are " + bytes
                    + " bytes; the limit is " + maxCustomDataBytes + " bytes (UTF-8, keys and values).");
        }
        customAttributes = attributes.isEmpty() ? null : attributes.copy();
        return null;
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** End chat: Presence Clear, then wait for SessionClearedEvent (≤ 5 s) — the only way to end it (§5.4). */
    public void end(EndCallback callback) {
        if (state == SessionState.ENDED) {
            callback.done(true, null);
            return;
        }
        endCallbacks.add(callback);
        if (state == SessionState.ENDING) {
            return; // one Clear at a time; this caller learns the same outcome
        }
        if (isConfigured()) {
            sendClear();
        } else if (store.active() && store.token() != null) {
            // no socket now: remember the end and send it first on the next connection (DESIGN.md §3)
            store.pendingEnd(true);
            setState(SessionState.ENDING);
            ensureConnected();
        } else {
            finishEnded(true); // nothing was ever said: nothing to end on the server
        }
    }

    /** Start new chat after an end or a read-only disconnect. */
    public void startNew() {
        boolean readOnly = state == SessionState.READ_ONLY;
        resetTranscript();
        outbox.clear();
        if (readOnly) {
            startNewOnConfigure = true; // same token, configureSession{startNew:true} (§5.6)
            if (isConfigured()) {
                connection.sendFrame(new ClientFrame.ConfigureSession(store.token(), ids.newId(),
                        config.deploymentId(), true));
                return;
            }
        } else {
            store.forgetSession();
        }
        store.active(false);
        setState(SessionState.IDLE);
        ensureConnected();
    }

    /** A same-origin link click, form submit or navigate event was seen: the next pagehide is not a leave. */
    public void sameSiteNavigationStarting() {
        sameSiteNavigationAt = scheduler.now();
    }

    /**
     * {@code pagehide}. Runs synchronously inside the handler: a Clear sent here leaves the machine before the
     * browser's own close frame. {@code persisted} is not consulted (DESIGN.md §3).
     */
    public PageExitPolicy.Decision pageHidden() {
        boolean recentSameSite = sameSiteNavigationAt > 0
                && scheduler.now() - sameSiteNavigationAt <= PageExitPolicy.SAME_SITE_WINDOW_MILLIS;
        boolean active = store.active() && state != SessionState.ENDED && state != SessionState.READ_ONLY
                || store.pendingEnd();
        boolean socketOpen = connection != null && connection.socket != null && connection.socket.isOpen();
        PageExitPolicy.Decision decision = PageExitPolicy.decide(config.endOnPageExit(), active, socketOpen,
                tabs.othersHoldChat(), recentSameSite);
        switch (decision) {
            case END_NOW -> {
                connection.sendFrame(new ClientFrame.SendPresence(store.token(), ids.newId(),
                        ClientFrame.PresenceType.CLEAR, null));
                store.forgetSession(); // the next page starts fresh; the server wipes this session
                dropConnection();
                resetTranscript();
                outbox.clear();
                setState(SessionState.ENDED);
            }
            case END_LATER -> store.pendingEnd(true);
            case CLOSE_SOCKET -> {
                dropConnection();
                pausedForPageHide = true;
                setState(SessionState.IDLE);
            }
            case NOTHING -> {
                cancel(reconnectTimer);
                reconnectTimer = null;
            }
        }
        sameSiteNavigationAt = 0;
        return decision;
    }

    /**
     * The network came back ({@code online}) or the page became visible again: a socket that is waiting out
     * its backoff retries now instead (PROTOCOL.md §5.10). Nothing happens in any other state.
     */
    public void retrySoon() {
        if (reconnectTimer != null && connection == null) {
            connectNow();
        }
    }

    /** {@code pageshow} with {@code persisted}: the page came back from the back/forward cache. */
    public void pageShown() {
        if (pausedForPageHide && connection == null) {
            pausedForPageHide = false;
            if (store.pendingEnd() || store.active()) {
                connect();
            }
        }
    }

    /** Releases every socket and timer. */
    public void destroy() {
        dropConnection();
        cancel(reconnectTimer);
        cancel(clearDeadline);
        cancel(typingTimer);
        reconnectTimer = clearDeadline = typingTimer = null;
        state = SessionState.IDLE;
    }

    // ------------------------------------------------------------------ queries

    public SessionState state() {
        return state;
    }

    public List<ChatEntry> transcript() {
        return transcript.rows();
    }

    public boolean conversationActive() {
        return store.active();
    }

    // ------------------------------------------------------------------ connection life

    private void connect() {
        if (connection != null) {
            return;
        }
        if (store.token() == null) {
            store.token(ids.newId());
        }
        if (state != SessionState.ENDING) {
            setState(backoff.attempts() > 0 ? SessionState.RECONNECTING : SessionState.CONNECTING);
        }
        Connection c = new Connection();
        connection = c;
        c.socket = sockets.open(config.socketUrl(), c);
    }

    /** Connects without waiting out a pending backoff delay. */
    private void connectNow() {
        cancel(reconnectTimer);
        reconnectTimer = null;
        connect();
    }

    private boolean isConfigured() {
        return connection != null && connection.configured;
    }

    /** Our own close: no event will come back, no reconnect follows. */
    private void dropConnection() {
        stopHeartbeat();
        if (connection != null) {
            Connection c = connection;
            connection = null;
            if (c.socket != null) {
                c.socket.close();
            }
        }
    }

    /** The socket dropped or stopped answering: keep everything and try again after a backoff delay. */
    private void connectionLost(Connection c, int code) {
        if (c != connection) {
            return; // a socket we already let go of
        }
        boolean everOpened = c.opened;
        stopHeartbeat();
        connection = null;
        if (clearTracingId != null) {
            // the Clear may not have arrived; send it again on the next connection
            cancel(clearDeadline);
            clearDeadline = null;
            clearTracingId = null;
            store.pendingEnd(true);
        }
        if (state == SessionState.ENDED || state == SessionState.SUSPENDED || state == SessionState.FAILED) {
            return;
        }
        if (!outageReported) {
            outageReported = true;
            observer.error(new WidgetError(code, everOpened ? "connection-lost" : "unreachable", null));
        }
        if (state != SessionState.ENDING) {
            setState(SessionState.RECONNECTING);
        }
        long delay = backoff.nextDelay();
        reconnectTimer = scheduler.schedule(delay, () -> {
            reconnectTimer = null;
            connect();
        });
    }

    private void configured(ServerFrame.SessionResponse response) {
        connection.configured = true;
        startNewOnConfigure = false;
        maxCustomDataBytes = response.maxCustomDataBytes() > 0 ? response.maxCustomDataBytes() : 2048;
        backoff.reset();
        outageReported = false;
        scheduleHeartbeat();
        if (store.pendingEnd()) {
            sendClear(); // an end the customer asked for comes before anything else (DESIGN.md §3)
            return;
        }
        if (response.readOnly()) {
            setState(SessionState.READ_ONLY);
            requestHistory();
            return;
        }
        setState(SessionState.CONNECTED);
        if (response.newSession()) {
            // nothing the server knows: keep only what the customer still wants to send
            List<ChatEntry> keep = new ArrayList<>();
            for (ChatEntry e : transcript.rows()) {
                if (e.delivery() == ChatEntry.Delivery.SENDING) {
                    keep.add(e);
                }
            }
            resetTranscript();
            for (ChatEntry e : keep) {
                transcript.put(e);
            }
            observer.transcriptChanged(transcript.rows());
        } else {
            requestHistory();
        }
        flushOutbox();
    }

    private void flushOutbox() {
        long delay = 0;
        for (Outbox.Pending p : outbox.all()) {
            if (delay == 0) {
                transmit(p);
            } else {
                String id = p.tracingId();
                scheduler.schedule(delay, () -> transmit(outbox.find(id)));
            }
            delay += SEND_SPACING_MILLIS;
        }
    }

    private void transmit(Outbox.Pending p) {
        if (p == null || !isConfigured()) {
            return; // acknowledged meanwhile, or the socket is gone: the next configure flushes it
        }
        connection.sendFrame(new ClientFrame.SendText(store.token(), p.tracingId(), p.text(), p.customAttributes()));
    }

    // ------------------------------------------------------------------ heartbeat

    private void scheduleHeartbeat() {
        cancel(heartbeatTimer);
        heartbeatTimer = scheduler.schedule(HEARTBEAT_MILLIS, this::sendEcho);
    }

    private void sendEcho() {
        heartbeatTimer = null;
        if (!isConfigured()) {
            return;
        }
        Connection c = connection;
        heartbeatTracingId = ids.newId();
        c.sendFrame(new ClientFrame.Echo(store.token(), heartbeatTracingId));
        heartbeatDeadline = scheduler.schedule(HEARTBEAT_REPLY_MILLIS, () -> {
            heartbeatDeadline = null;
            log.warn("guest-chat: no echo reply in time, reconnecting");
            if (c.socket != null) {
                c.socket.close();
            }
            connectionLost(c, 1006);
        });
    }

    private void stopHeartbeat() {
        cancel(heartbeatTimer);
        cancel(heartbeatDeadline);
        heartbeatTimer = heartbeatDeadline = null;
        heartbeatTracingId = null;
    }

    // ------------------------------------------------------------------ ending

    private void sendClear() {
        clearTracingId = ids.newId();
        setState(SessionState.ENDING);
        connection.sendFrame(new ClientFrame.SendPresence(store.token(), clearTracingId,
                ClientFrame.PresenceType.CLEAR, null));
        cancel(clearDeadline);
        clearDeadline = scheduler.schedule(CLEAR_CONFIRM_MILLIS, () -> {
            clearDeadline = null;
            clearTracingId = null;
            store.pendingEnd(false);
            failEnd(new WidgetError(0, "end-timeout", null));
        });
    }

    private void failEnd(WidgetError error) {
        setState(connection != null && connection.readOnly ? SessionState.READ_ONLY
                : isConfigured() ? SessionState.CONNECTED : SessionState.RECONNECTING);
        observer.error(error);
        List<EndCallback> waiting = new ArrayList<>(endCallbacks);
        endCallbacks.clear();
        for (EndCallback cb : waiting) {
            cb.done(false, error);
        }
    }

    private void finishEnded(boolean byCustomer) {
        cancel(clearDeadline);
        clearDeadline = null;
        clearTracingId = null;
        store.forgetSession();
        resetTranscript();
        outbox.clear();
        observer.agentTyping(false);
        setState(SessionState.ENDED);
        List<EndCallback> waiting = new ArrayList<>(endCallbacks);
        endCallbacks.clear();
        for (EndCallback cb : waiting) {
            cb.done(true, null);
        }
        observer.ended(byCustomer);
    }

    // ------------------------------------------------------------------ frames

    private void handle(Connection c, String text) {
        ServerFrame frame = frames.decode(text);
        if (frame instanceof ServerFrame.SessionResponse r) {
            if (r.connected()) {
                c.readOnly = r.readOnly();
                configured(r);
            }
        } else if (frame instanceof ServerFrame.StructuredMessage m) {
            onStructured(m);
        } else if (frame instanceof ServerFrame.SessionCleared) {
            finishEnded(true);
        } else if (frame instanceof ServerFrame.ConnectionClosed closed) {
            dropConnection(); // §4.5: do not reconnect
            if (state != SessionState.ENDED) {
                setState(SessionState.SUSPENDED);
                observer.error(new WidgetError(0, "connection-closed", null));
            }
        } else if (frame instanceof ServerFrame.SessionExpired) {
            expired();
        } else if (frame instanceof ServerFrame.JwtResponse jwt) {
            fetchHistory(jwt.jwt(), 1, historyGeneration);
        } else if (frame instanceof ServerFrame.TooManyRequests tooMany) {
            Outbox.Pending p = tooMany.tracingId() != null ? outbox.find(tooMany.tracingId()) : null;
            if (p != null) {
                String id = p.tracingId(); // not accepted: resend after the delay the server asked for
                scheduler.schedule(Math.max(1, tooMany.retryAfterSeconds()) * 1000L, () -> transmit(outbox.find(id)));
            }
        } else if (frame instanceof ServerFrame.ErrorReply error) {
            onError(error);
        } else if (frame instanceof ServerFrame.Unknown unknown) {
            log.warn("guest-chat: ignored frame of class " + unknown.frameClass());
        } else if (frame instanceof ServerFrame.Malformed malformed) {
            log.warn("guest-chat: ignored malformed frame " + malformed.excerpt());
        }
    }

    private void onStructured(ServerFrame.StructuredMessage frame) {
        WireMessage m = frame.message();
        String tracingId = frame.tracingId();
        if (frame.response() && tracingId != null && tracingId.equals(heartbeatTracingId)) {
            cancel(heartbeatDeadline);
            heartbeatDeadline = null;
            heartbeatTracingId = null;
            scheduleHeartbeat();
            return;
        }
        if (m.inbound()) {
            if (m.hasPresence("Clear") || m.hasPresence("Join")) {
                return; // acknowledgement only; SessionClearedEvent is the signal (§5.4)
            }
            Outbox.Pending own = tracingId != null ? outbox.acknowledge(tracingId) : null;
            if (own != null) {
                ChatEntry sent = transcript.get(own.tracingId());
                ChatEntry base = sent != null ? sent : ChatEntry.fromWire(m);
                transcript.replace(own.tracingId(), base.acknowledged(m.id(), m.time()));
                observer.transcriptChanged(transcript.rows());
            } else if (m.isDisplayable() && m.id() != null && transcript.put(ChatEntry.fromWire(m))) {
                observer.transcriptChanged(transcript.rows()); // typed in another tab
            }
            store.active(true);
            return;
        }
        if (m.hasTyping()) {
            showTyping();
        }
        if (m.hasPresence("Disconnect")) {
            store.active(false);
            observer.agentTyping(false);
            transcript.put(ChatEntry.system(m.id() != null ? m.id() : ids.newId(), "agentLeft"));
            observer.transcriptChanged(transcript.rows());
            if ("true".equals(m.metadata().get("readOnly"))) {
                if (connection != null) {
                    connection.readOnly = true;
                }
                setState(SessionState.READ_ONLY);
                observer.ended(false);
            }
            return;
        }
        if (m.isDisplayable() && m.id() != null) {
            ChatEntry entry = ChatEntry.fromWire(m);
            store.active(true);
            cancel(typingTimer);
            typingTimer = null;
            observer.agentTyping(false);
            if (transcript.put(entry)) {
                observer.transcriptChanged(transcript.rows());
                observer.messageReceived(entry);
            }
        }
    }

    private void onError(ServerFrame.ErrorReply error) {
        String tracingId = error.tracingId();
        if ((tracingId != null && tracingId.equals(clearTracingId)) || error.isClearDisabled()) {
            cancel(clearDeadline);
            clearDeadline = null;
            clearTracingId = null;
            store.pendingEnd(false);
            if (error.code() == 403) {
                log.warn("guest-chat: Presence Clear is disabled for this deployment. Enable 'Conversation Clear'"
                        + " in the Messenger configuration so customers can end chats.");
                failEnd(new WidgetError(403, "clear-disabled", error.text()));
            } else {
                failEnd(new WidgetError(error.code(), "end-failed", error.text()));
            }
            return;
        }
        Outbox.Pending p = tracingId != null ? outbox.find(tracingId) : null;
        if (p != null) {
            if (error.code() == 5000 || (error.code() >= 500 && error.code() < 600)) {
                String id = p.tracingId(); // the server failed, not the message: try again shortly
                scheduler.schedule(2_000, () -> transmit(outbox.find(id)));
                return;
            }
            outbox.acknowledge(tracingId);
            ChatEntry row = transcript.get(tracingId);
            if (row != null) {
                transcript.put(row.withDelivery(ChatEntry.Delivery.FAILED));
                observer.transcriptChanged(transcript.rows());
            }
            if (error.code() == 409) {
                setState(SessionState.READ_ONLY);
            }
            observer.error(new WidgetError(error.code(), "message-rejected", error.text()));
            return;
        }
        if (error.code() == 4006) {
            expired();
            return;
        }
        observer.error(new WidgetError(error.code(), "server-error", error.text()));
    }

    private void expired() {
        dropConnection();
        observer.error(new WidgetError(4006, "session-expired", null));
        finishEnded(false);
    }

    private void showTyping() {
        cancel(typingTimer);
        observer.agentTyping(true);
        typingTimer = scheduler.schedule(TYPING_DEFAULT_MILLIS, () -> {
            typingTimer = null;
            observer.agentTyping(false);
        });
    }

    // ------------------------------------------------------------------ history (§6)

    private void requestHistory() {
        if (isConfigured()) {
            connection.sendFrame(new ClientFrame.GetJwt(store.token(), ids.newId()));
        }
    }

    private void fetchHistory(String jwt, int page, int generation) {
        history.fetch(jwt, page, new Ports.HistoryCallback() {
            @Override
            public void onPage(String body) {
                if (generation != historyGeneration) {
                    return; // the transcript was reset since this request
                }
                HistoryPage decoded = HistoryPage.decode(json, body);
                if (decoded == null) {
                    log.warn("guest-chat: history response not understood");
                    return;
                }
                boolean changed = false;
                for (WireMessage m : decoded.messages()) {
                    if (m.isDisplayable() && m.id() != null && !m.hasPresence("Clear")) {
                        changed |= transcript.put(ChatEntry.fromWire(m));
                    }
                }
                if (changed) {
                    observer.transcriptChanged(transcript.rows());
                }
                if (decoded.hasMore() && page < HISTORY_MAX_PAGES) {
                    fetchHistory(jwt, page + 1, generation);
                }
            }

            @Override
            public void onFailure(int status) {
                log.warn("guest-chat: history request failed with status " + status);
            }
        });
    }

    private void resetTranscript() {
        historyGeneration++;
        transcript.clear();
        observer.transcriptChanged(transcript.rows());
    }

    // ------------------------------------------------------------------ plumbing

    private void setState(SessionState next) {
        if (state != next) {
            state = next;
            observer.stateChanged(next);
        }
    }

    private static void cancel(Ports.Cancellable c) {
        if (c != null) {
            c.cancel();
        }
    }

    /** Handler of one socket; events of a socket that is no longer {@link #connection} are ignored. */
    private final class Connection implements Ports.SocketEvents {
        /** Null only between construction and the factory's return. */
        Ports.GuestSocket socket;
        /** The socket reported open. */
        boolean opened;
        /** A SessionResponse with connected:true arrived on this socket. */
        boolean configured;
        /** The session on this socket is read-only (§5.6). */
        boolean readOnly;

        void sendFrame(ClientFrame frame) {
            if (socket == null || !socket.send(frame.toJson())) {
                log.warn("guest-chat: frame not sent, socket not open");
            }
        }

        @Override
        public void onOpen() {
            if (this != connection) {
                return;
            }
            opened = true;
            sendFrame(new ClientFrame.ConfigureSession(store.token(), ids.newId(), config.deploymentId(),
                    startNewOnConfigure));
        }

        @Override
        public void onText(String text) {
            if (this != connection) {
                return;
            }
            try {
                handle(this, text);
            } catch (RuntimeException e) {
                // a bug in handling one frame must not take the socket handler down with it
                log.warn("guest-chat: failed to handle a frame: " + e.getMessage());
            }
        }

        @Override
        public void onClosed(int code) {
            connectionLost(this, code);
        }
    }
}
