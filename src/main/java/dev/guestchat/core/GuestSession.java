package dev.guestchat.core;

import dev.guestchat.protocol.ClientFrame;
import dev.guestchat.protocol.JsonParser;
import dev.guestchat.protocol.ServerFrame;
import dev.guestchat.protocol.ServerFrames;
import dev.guestchat.protocol.StringPairs;
import java.util.List;

/**
 * One guest session, as the {@code api} room sees it: the commands a customer and a page give, and what the
 * server says, routed to the part that owns it — {@link GuestConnection} (socket, configure, heartbeat,
 * reconnect), {@link Conversation} (transcript, send queue, history, typing), {@link ChatEnding} (End chat,
 * Clear, pending end) and {@link PageExit} (ending on exit). Pure Java; everything outside comes through
 * {@link Ports}.
 */
public final class GuestSession {
    /** Configuration, ports, stored session and the state the customer sees, shared by every part. */
    private final SessionContext ctx;
    private final GuestConnection connection;
    private final Conversation conversation;
    private final ChatEnding ending;
    private final GuestTyping typing;
    private final DeploymentPreflight preflight;
    private final PageExit exits;
    /** The customer's file on its way to a message. */
    private final FileUpload upload;
    /** A signed-in customer's part (their JWT at every configure, sign-out); null for a guest's session. */
    private CustomerSignIn signIn;

    public GuestSession(SessionConfig config, Ports.Scheduler scheduler, Ports.SocketFactory sockets,
                        Ports.KeyValueStore storage, Ports.HistorySource history,
                        Ports.DeploymentConfigSource deploymentConfig, Ports.IdSource ids,
                        Ports.TabPresence tabs, JsonParser json, SessionObserver observer, Ports.Log log,
                        Backoff backoff, Ports.FileUploader uploader, Ports.CredentialsMaker signedIn) {
        this.ctx = new SessionContext(config, scheduler, ids, new SessionStore(storage, config.deploymentId()),
                observer, log);
        this.connection = new GuestConnection(ctx, sockets, new ServerFrames(json), backoff, new Dispatch());
        this.conversation = new Conversation(ctx, connection, history, json,
                new SavedOutbox(storage, tabs, json, config.deploymentId()));
        this.ending = new ChatEnding(ctx, connection, conversation);
        this.typing = new GuestTyping(ctx, connection);
        this.upload = new FileUpload(ctx, connection, uploader);
        this.preflight = new DeploymentPreflight(ctx, deploymentConfig, json, connection, typing, upload);
        this.exits = new PageExit(ctx, tabs, connection, conversation, ending);
        if (signedIn != null) {
            signIn = new CustomerSignIn(ctx, connection);
            signIn.credentials = signedIn.make(signIn);
            connection.signIn = signIn;
        }
    }

    // ------------------------------------------------------------------ commands

    /**
     * Page start: connect only when there is something to talk about — a conversation left active by the
     * previous page, messages a page gone before this one could not send (they go first), or an end that could not be
     * sent. A page view that never chats costs no connection.
     */
    public void start() {
        if (ctx.config.deploymentId() == null || ctx.config.deploymentId().isEmpty()) {
            ctx.life.on(SessionLife.FAILED);
            ctx.observer.error(new WidgetError(0, "missing-deployment-id", null));
            return;
        }
        preflight.start();
        if (ctx.state() == SessionState.FAILED) {
            return; // the configuration (already read) says this deployment does not exist
        }
        boolean unsent = conversation.restoreUnsent();
        if (ctx.store.pendingEnd()) {
            ctx.life.on(SessionLife.ENDING);
            connection.open();
        } else if (unsent || ctx.store.active() && ctx.store.token() != null) {
            connection.open();
        }
    }

    /** The customer opened the panel: get ready to talk — unless this chat cannot start (no or an unknown deployment). */
    public void ensureConnected() {
        if (ctx.state() != SessionState.FAILED) {
            connection.ensureOpen();
        }
    }

    /** The customer is typing in the message box: the agent may see it (at most one Typing event per 5 s). */
    public void customerTyping() {
        typing.typed();
    }

    /**
     * Sends a customer text, with the attached file when one is ready; false when there is nothing to send, the
     * file is still uploading, or sending is not allowed now.
     */
    public boolean send(String text) {
        return sendMessage(text) != null;
    }

    /** As {@link #send}; returns the message's id on this page (its row's {@link ChatEntry#localId()}), else null. */
    public String sendMessage(String text) {
        return say(text, null, true);
    }

    /**
     * Answers a quick reply ({@code kind} {@code QuickReply}) or a card's Postback button ({@code Button}): its text
     * shows as the customer's message and the service gets a ButtonResponse (§3.3.3) with the button's payload;
     * false as for {@link #send}.
     */
    public boolean choose(String text, String payload, String originatingMessageId, String kind) {
        return reply(text, payload, originatingMessageId, kind) != null;
    }

    /** As {@link #choose}; returns the answer's id on this page, else null. */
    public String reply(String text, String payload, String originatingMessageId, String kind) {
        return say(text, new ClientFrame.ButtonReply(kind, payload != null ? payload : text, originatingMessageId), false);
    }

    /** Attaches a file the customer picked, dropped or pasted (it uploads at once); false when it was refused. */
    public boolean attach(Ports.LocalFile file) {
        return ctx.state() != SessionState.READ_ONLY && ctx.state() != SessionState.FAILED && upload.attach(file);
    }

    /** The customer removed the attached file (or cancelled its upload). */
    public void removeFile() {
        upload.remove();
    }

    /** A file in the transcript could not be loaded (an image's {@code error}): its address may have expired. */
    public void fileFailedToLoad(String attachmentId) {
        conversation.links().failed(attachmentId);
    }

    /** Queues the customer's message; its id on this page, or null when nothing was queued. */
    private String say(String text, ClientFrame.ButtonReply reply, boolean withFile) {
        String trimmed = text == null ? "" : text.trim();
        if (withFile && upload.busy()) {
            ctx.observer.error(new WidgetError(0, "upload-busy", null));
            return null;
        }
        if (trimmed.isEmpty() && !(withFile && upload.hasReadyFile())) {
            return null;
        }
        if (ctx.state() == SessionState.ENDED) {
            startNew(); // typing after an end starts a fresh conversation, as the customer expects
        }
        SessionState now = ctx.state();
        if (now == SessionState.READ_ONLY || now == SessionState.FAILED || now == SessionState.ENDING) {
            ctx.observer.error(new WidgetError(now == SessionState.READ_ONLY ? 409 : 0, "cannot-send", null));
            return null;
        }
        if (!conversation.hasRoomFor(trimmed)) {
            ctx.observer.error(new WidgetError(0, "outbox-full", null)); // the customer waits for those still going
            return null;
        }
        String id = conversation.add(trimmed, reply, withFile ? upload.take() : null); // leaves now or in its turn
        if (!connection.isConfigured()) {
            connection.ensureOpen();
        }
        return id;
    }

    /**
     * Custom attributes (participant data for the flow and the agent) sent with the next customer message.
     * Returns the error when they exceed the deployment's byte budget (UTF-8 bytes of keys and values, as the
     * service counts them, §5.12); then nothing is kept.
     */
    public WidgetError setCustomAttributes(StringPairs attributes) {
        return conversation.setCustomAttributes(attributes);
    }

    /** End chat: Presence Clear, then wait for SessionClearedEvent (≤ 5 s) — the only way to end it (§5.4). */
    public void end(EndCallback callback) {
        ending.end(callback);
    }

    /** Start new chat after an end or a read-only disconnect. */
    public void startNew() {
        boolean readOnly = ctx.state() == SessionState.READ_ONLY;
        conversation.forget();
        upload.forget(); // a file uploaded for the old session cannot go with the new one
        if (readOnly) {
            if (connection.startNewSession()) { // same token, configureSession{startNew:true} (§5.6)
                return;
            }
        } else {
            connection.drop(); // a socket still open carries the old session's token: the new chat opens its own
            ctx.store.forgetSession();
        }
        ctx.store.active(false);
        ctx.life.on(SessionLife.START_NEW);
        connection.ensureOpen();
    }

    /** A same-origin link click, form submit or navigate event was seen: the next pagehide is not a leave. */
    public void sameSiteNavigationStarting() {
        exits.sameSiteNavigationStarting();
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
        exits.pageMayExit();
    }

    /**
     * {@code pagehide}. Runs synchronously inside the handler: a Clear sent here leaves the machine before the
     * browser's own close frame in Chromium and WebKit. {@code persisted} is not a policy input (DESIGN.md §3); it
     * only says whether the socket may stay open until the exit's last event ({@link #exitCompleting()}).
     */
    public int pageHidden(boolean persisted) {
        return exits.pageHidden(persisted);
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
        exits.exitCompleting();
    }

    /**
     * {@code unload}, the last event of a page that is not cached. Repeats a dropped Clear like
     * {@link #exitCompleting()}; and if {@code pagehide} ended nothing although the policy says leave now (Firefox
     * closing a tab has been seen to leave the widget's {@code pagehide} without effect, 1 exit in 20), the
     * decision is taken again here, where Firefox still sends.
     */
    public void pageUnloading() {
        exits.pageUnloading();
    }

    /**
     * The network came back ({@code online}) or the page became visible again: a socket that is waiting out
     * its backoff retries now instead (PROTOCOL.md §5.10). Nothing happens in any other state.
     */
    public void retrySoon() {
        connection.retrySoon();
        if (signIn != null) {
            signIn.credentials.networkMayBeBack();
        }
    }

    /**
     * The signed-in customer signs out: their JWT is revoked (on every device: each hears LogoutEvent) and this
     * session stops, saying {@code signed-out}. Nothing for a guest's session.
     */
    public void signOut() {
        if (signIn != null) {
            signIn.credentials.signOut();
        }
    }

    /**
     * {@code pageshow} with {@code persisted}: the page came back from the back/forward cache. If the chat it
     * showed was ended meanwhile (the next page was left, or End chat there), it shows the ended chat rather than
     * a transcript the server has wiped; a conversation that is live now is joined.
     */
    public void pageShown() {
        exits.pageShown();
    }

    /** Releases every socket and timer. */
    public void destroy() {
        if (signIn != null) {
            signIn.credentials.destroy();
        }
        connection.destroy();
        ending.destroy();
        conversation.destroy();
        ctx.life.forget();
    }

    // ------------------------------------------------------------------ queries

    /** How many answers the session's parts wait for (test hook: the table of replies does not grow). */
    int awaitedReplies() {
        return ctx.replies.size();
    }

    public SessionState state() {
        return ctx.state();
    }

    public List<ChatEntry> transcript() {
        return conversation.rows();
    }

    public boolean conversationActive() {
        return ctx.store.active();
    }

    /** What the connection hears, handed to the part that owns it. */
    private final class Dispatch implements GuestConnection.Events {
        @Override
        public void onSessionConfigured(ServerFrame.SessionResponse response) {
            conversation.takeLimits(response);
            upload.allow(response.media());
            upload.connected();
            if (!ending.resumePendingEnd()) { // an end the customer asked for comes before anything else
                conversation.joined(response);
            }
        }

        @Override
        public void onFrame(ServerFrame frame) {
            Replies.Waiter waiter = isAnswer(frame) ? ctx.replies.waiterFor(frame.tracingId()) : null;
            if (waiter != null) {
                waiter.answered(frame);
            } else if (!upload.onPush(frame)) {
                onPush(frame);
            }
            ending.sendsMoved();
        }

        /**
         * The kinds of frame that answer a request. The events about the whole session (cleared, closed, expired)
         * go by their kind whatever tracingId they carry.
         */
        private boolean isAnswer(ServerFrame frame) {
            return frame instanceof ServerFrame.StructuredMessage || frame instanceof ServerFrame.ErrorReply
                    || frame instanceof ServerFrame.TooManyRequests || frame instanceof ServerFrame.PresignedUrl
                    || frame instanceof ServerFrame.UploadResult || frame instanceof ServerFrame.Unknown;
        }

        /** A frame no part waits for: a push, another tab's copy, or an answer to a request given up on. */
        private void onPush(ServerFrame frame) {
            if (frame instanceof ServerFrame.StructuredMessage m) {
                conversation.onMessage(m);
            } else if (frame instanceof ServerFrame.SessionCleared) {
                upload.forget(); // the service dropped the session and its files
                ending.cleared();
            } else if (frame instanceof ServerFrame.ConnectionClosed closed) {
                connection.drop(); // §4.5: another window took over, or the customer signed in elsewhere; stay down
                if (ctx.state() != SessionState.ENDED) {
                    ctx.life.on(SessionLife.SUSPENDED);
                    ctx.observer.error(new WidgetError(0, "signedIn".equals(closed.reason()) ? "signed-in-elsewhere"
                            : "connection-closed", null));
                }
            } else if (frame instanceof ServerFrame.LoggedOut) {
                if (signIn != null) {
                    signIn.credentials.loggedOut(); // §4.6: signed out, here or on another device
                }
            } else if (frame instanceof ServerFrame.SessionExpired) {
                upload.forget();
                ending.expired();
            } else if (frame instanceof ServerFrame.JwtResponse jwt) {
                conversation.history().onJwt(jwt.jwt());
            } else if (frame instanceof ServerFrame.ErrorReply error) {
                onError(error);
            } else if (frame instanceof ServerFrame.Unknown unknown && !unknown.frameClass().equals("AttachmentDeletedResponse")) {
                ctx.log.warn("guest-chat: ignored frame of class " + unknown.frameClass());
            } else if (frame instanceof ServerFrame.Malformed malformed) {
                ctx.log.warn("guest-chat: ignored malformed frame " + malformed.excerpt());
            }
            // a 429 nobody waits for slows down nothing: what it answered was given up on, or sent by another tab
        }

        private void onError(ServerFrame.ErrorReply error) {
            if (signIn != null && !connection.isConfigured() && signIn.configureFailed(error.code())) {
                return;
            }
            if (signIn == null && !connection.isConfigured() && error.code() == 4017) {
                ctx.store.token(ctx.ids.newId()); // a signed-in customer's token, on a page that signs nobody in
                connection.reconfigure();
                return;
            }
            if (ending.onClearDisabled(error)) {
                return;
            }
            if (error.code() == 4006) {
                ending.expired();
                return;
            }
            ctx.observer.error(new WidgetError(error.code(), "server-error", error.text()));
        }

        @Override
        public void onClosing() {
            conversation.connectionClosing();
        }

        @Override
        public void onConnectionLost() {
            ending.connectionLost();
        }
    }
}
