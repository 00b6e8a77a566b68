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
    /** The customer's messages not yet answered, leaving in order at the service's pace. */
    private final SendQueue sends;
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
    /** The token this page chatted on when it was cached; null unless {@link #pausedForPageHide}. */
    private String pausedToken;
    /**
     * {@code beforeunload} sent the Clear for this exit (Firefox closes the socket before {@code pagehide}, so the
     * exit's end must leave here); false once that end is settled by the server, or by the {@code pagehide}.
     */
    private boolean clearSentBeforeUnload;
    /**
     * The socket a {@code pagehide} Clear went out on and that Clear's frame, kept until the exit's last event so
     * the Clear can be repeated where the engine dropped it; null when no such exit is under way.
     */
    private ExitRepeat exitRepeat;
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
        this.sends = new SendQueue(scheduler, this::transmit);
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
        Outbox.Pending message = new Outbox.Pending(tracingId, trimmed, customAttributes);
        customAttributes = null; // they travel with this message (§3.3: any message may carry them)
        transcript.put(new ChatEntry(tracingId, ChatEntry.Sender.CUSTOMER, null, trimmed, null,
                ChatEntry.Delivery.SENDING, new ArrayList<>()));
        store.active(true);
        observer.transcriptChanged(transcript.rows());
        sends.add(message); // leaves now if the queue may send, else in its turn
        if (!isConfigured()) {
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
        sends.clear();
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
     * {@code beforeunload}, in engines that close a leaving page's sockets before {@code pagehide} (Gecko; see
     * {@link SessionConfig#socketsCloseBeforePageHide()}): the last moment such an exit's Clear can leave. The
     * policy is the one {@code pagehide} applies, but it is applied earlier than a Back is known (the Navigation
     * API reports a traversal only after {@code beforeunload}), so there Back ends the chat as reload does. An
     * end sent here is an ordinary End chat: a page that stays after all (the host's "leave this page?" prompt
     * was cancelled) shows the ended chat and emits {@code ended} once the server confirms. Elsewhere
     * {@code pagehide} sends the Clear, knowing more.
     */
    public void pageMayExit() {
        if (!config.socketsCloseBeforePageHide()) {
            return; // pagehide can still send here, and by then a Back is known
        }
        if (state == SessionState.ENDING || state == SessionState.ENDED) {
            return; // an end is already under way or done: one Clear per end
        }
        if (exitDecision() == PageExitPolicy.Decision.END_NOW) {
            sendClear();
            clearSentBeforeUnload = true;
        }
    }

    /**
     * {@code pagehide}. Runs synchronously inside the handler: a Clear sent here leaves the machine before the
     * browser's own close frame in Chromium and WebKit. {@code persisted} is not a policy input (DESIGN.md §3); it
     * only says whether the socket may stay open until the exit's last event ({@link #exitCompleting()}).
     */
    public PageExitPolicy.Decision pageHidden(boolean persisted) {
        PageExitPolicy.Decision decision = clearSentBeforeUnload
                ? PageExitPolicy.Decision.END_NOW // the Clear left in beforeunload: only its socket is left to mind
                : exitDecision();
        switch (decision) {
            case END_NOW -> leaveEnded(persisted, !clearSentBeforeUnload);
            case END_LATER -> store.pendingEnd(true);
            case CLOSE_SOCKET -> {
                dropConnection();
                pausedForPageHide = true;
                pausedToken = store.token();
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
     * The customer leaves with the chat ended: send the Clear now unless {@code beforeunload} did, and keep the
     * socket until the exit's last events so they can repeat a Clear the engine dropped — closing it ourselves
     * could discard a Clear still queued (Firefox closing a tab right after {@code beforeunload}). A page entering
     * the back/forward cache closes it now: no later event comes, and a cached page holds no socket.
     */
    private void leaveEnded(boolean persisted, boolean sendNow) {
        String clear = new ClientFrame.SendPresence(store.token(), ids.newId(), ClientFrame.PresenceType.CLEAR, null)
                .toJson();
        Ports.GuestSocket socket = releaseConnection(); // nothing more is handled on it
        if (socket != null) {
            if (sendNow) {
                socket.send(clear);
            }
            if (persisted) {
                socket.close();
            } else {
                exitRepeat = new ExitRepeat(socket, clear); // it stays open for the repeat
            }
        }
        settleEnded();
    }

    /**
     * The exit's last events after a {@code pagehide} ({@code visibilitychange} to hidden, then {@code unload}).
     * Firefox sometimes drops a frame sent in these events of a closing tab, as in {@code pagehide}, without
     * queuing it; a frame it keeps stays queued ({@code bufferedAmount}) until the page is gone. So at each of them
     * the Clear is sent again only if nothing is queued: where the earlier frame is on its way (Chromium, WebKit,
     * and Firefox when it kept it) nothing is repeated. The socket is left for the browser to close with the page:
     * closing it here can discard what is queued. A repeat that does reach the server finds the session cleared
     * and is answered 4007, which harms nothing.
     */
    public void exitCompleting() {
        if (exitRepeat == null) {
            return; // no pagehide Clear is waiting: a plain tab switch, or the exit was already completed
        }
        Ports.GuestSocket socket = exitRepeat.socket();
        if (socket.isOpen() && !socket.holdsUnsentFrames()) {
            socket.send(exitRepeat.clearFrame());
        }
    }

    /**
     * {@code unload}, the last event of a page that is not cached. Repeats a dropped Clear like
     * {@link #exitCompleting()}; and if {@code pagehide} ended nothing although the policy says leave now (Firefox
     * closing a tab has been seen to leave the widget's {@code pagehide} without effect, 1 exit in 20), the
     * decision is taken again here, where Firefox still sends.
     */
    public void pageUnloading() {
        if (exitRepeat != null) {
            exitCompleting();
        } else if (state != SessionState.ENDED && exitDecision() == PageExitPolicy.Decision.END_NOW) {
            leaveEnded(false, true);
        }
    }

    /** What the policy says about leaving now (DESIGN.md §3). */
    private PageExitPolicy.Decision exitDecision() {
        boolean recentSameSite = sameSiteNavigationAt > 0
                && scheduler.now() - sameSiteNavigationAt <= PageExitPolicy.SAME_SITE_WINDOW_MILLIS;
        boolean active = store.active() && state != SessionState.ENDED && state != SessionState.READ_ONLY
                || store.pendingEnd();
        boolean socketOpen = connection != null && connection.socket != null && connection.socket.isOpen();
        return PageExitPolicy.decide(config.endOnPageExit(), active, socketOpen, tabs.othersHoldChat(), recentSameSite);
    }

    /** The conversation is over — confirmed, or the customer left with the Clear out: the next chat starts fresh. */
    private void settleEnded() {
        cancel(clearDeadline);
        cancel(reconnectTimer); // nothing left to reconnect for
        clearDeadline = reconnectTimer = null;
        clearTracingId = null;
        clearSentBeforeUnload = false;
        store.forgetSession();
        sends.clear();
        setState(SessionState.ENDED); // before the transcript's redraw: a closing page may fail to draw
        resetTranscript();
    }

    /** A Clear sent in {@code pagehide} ({@code clearFrame}), to repeat on the socket it went out on. */
    private record ExitRepeat(Ports.GuestSocket socket, String clearFrame) {
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

    /**
     * {@code pageshow} with {@code persisted}: the page came back from the back/forward cache. If the chat it
     * showed was ended meanwhile (the next page was left, or End chat there), it shows the ended chat rather than
     * a transcript the server has wiped; a conversation that is live now is joined.
     */
    public void pageShown() {
        if (exitRepeat != null) {
            exitRepeat.socket().close(); // restored before its exit completed: the repeat is moot
            exitRepeat = null;
        }
        if (pausedForPageHide && connection == null) {
            pausedForPageHide = false;
            String shown = pausedToken;
            pausedToken = null;
            if (shown != null && !shown.equals(store.token()) && state != SessionState.ENDED) {
                resetTranscript();
                sends.clear();
                setState(SessionState.ENDED);
                observer.ended(true);
            }
            if (store.pendingEnd() || store.active()) {
                connect();
            }
        }
    }

    /** Releases every socket and timer. */
    public void destroy() {
        dropConnection();
        if (exitRepeat != null) {
            exitRepeat.socket().close();
            exitRepeat = null;
        }
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
        Ports.GuestSocket socket = releaseConnection();
        if (socket != null) {
            socket.close();
        }
    }

    /** Stops acting on the connection without closing its socket; returns that socket, null when there is none. */
    private Ports.GuestSocket releaseConnection() {
        stopHeartbeat();
        sends.connectionLost();
        Ports.GuestSocket socket = connection != null ? connection.socket : null;
        connection = null;
        return socket;
    }

    /** The socket dropped or stopped answering: keep everything and try again after a backoff delay. */
    private void connectionLost(Connection c, int code) {
        if (c != connection) {
            return; // a socket we already let go of
        }
        boolean everOpened = c.opened;
        stopHeartbeat();
        sends.connectionLost();
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
        sends.connectionReady(!response.newSession());
    }

    /** The queue's wire: one customer message on the configured connection. */
    private boolean transmit(Outbox.Pending p) {
        if (!isConfigured() || !connection.socket.isOpen()) {
            return false; // the socket is gone: the next configure resumes the queue
        }
        connection.sendFrame(new ClientFrame.SendText(store.token(), p.tracingId(), p.text(), p.customAttributes()));
        return true;
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
        clearSentBeforeUnload = false; // the page stayed and the end failed: a later exit decides afresh
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
        settleEnded();
        observer.agentTyping(false);
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
            if (tooMany.tracingId() != null) { // not accepted: the queue waits as long as the server asked
                sends.retryAfter(tooMany.tracingId(), Math.max(1, tooMany.retryAfterSeconds()) * 1000L);
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
            Outbox.Pending own = tracingId != null ? sends.settle(tracingId) : null;
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
        Outbox.Pending p = tracingId != null ? sends.find(tracingId) : null;
        if (p != null) {
            if (error.code() == 5000 || (error.code() >= 500 && error.code() < 600)) {
                sends.retryAfter(tracingId, SendQueue.SERVER_RETRY_MILLIS); // the server failed, not the message
                return;
            }
            sends.settle(tracingId);
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
                boolean changed = page == 1 && settleUnsure(decoded.messages());
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

    /**
     * After a drop that caught a message in flight: if the newest customer message the server has is that text
     * and not one we know, the message arrived and only its answer was lost — it is delivered, not sent again.
     * Returns whether the transcript changed.
     */
    private boolean settleUnsure(List<WireMessage> newest) {
        Outbox.Pending unsure = sends.unsure();
        if (unsure == null) {
            return false;
        }
        WireMessage last = null;
        for (WireMessage m : newest) {
            if (m.inbound() && m.isDisplayable() && m.id() != null
                    && (last == null || m.time() != null && last.time() != null && m.time().compareTo(last.time()) > 0)) {
                last = m;
            }
        }
        boolean arrived = last != null && unsure.text().equals(last.text()) && !transcript.contains(last.id());
        if (arrived) {
            ChatEntry sent = transcript.get(unsure.tracingId());
            if (sent != null) {
                transcript.replace(unsure.tracingId(), sent.acknowledged(last.id(), last.time()));
            }
            sends.settle(unsure.tracingId());
        }
        sends.checked();
        return arrived;
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
