package dev.guestchat.core;

import dev.guestchat.protocol.ClientFrame;
import dev.guestchat.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Ending the conversation — the only way is Presence Clear, confirmed by SessionClearedEvent (§3.3.6, §5.4): End
 * chat, the confirmation deadline, a deployment with Clear disabled (403), an end kept pending while the socket is
 * down (sent first on the next connection), expiry, and settling the session once it is over.
 *
 * <p>What the customer sent before an end reaches the agent before its Clear: while messages are unanswered, the Clear
 * waits for them, up to the same deadline; those still unanswered then are reported as not sent and the Clear goes.
 *
 * <p>Invariant: {@code clearTracingId} and {@code clearDeadline} are both set exactly while a Clear sent on the
 * live connection awaits its outcome, and {@link Replies} names this part for that tracingId; {@code sendsDeadline}
 * is set exactly while an end waits for the customer's messages (no Clear is out then). In both cases the state is
 * ENDING.
 */
final class ChatEnding implements Replies.Waiter {
    static final int CLEAR_CONFIRM_MILLIS = 5_000;

    private final SessionContext ctx;
    private final GuestConnection connection;
    private final Conversation conversation;

    /** tracingId of the Clear in flight; null when no Clear was sent on the current connection. */
    private String clearTracingId;
    /** Deadline for SessionClearedEvent; null when no Clear is awaiting confirmation. */
    private Ports.Cancellable clearDeadline;

    /** Gives up waiting for the customer's messages before the Clear; null unless an end waits for them. */
    private Ports.Cancellable sendsDeadline;

    /** Callers of {@link #end} waiting for the outcome; empty when nobody asked. */
    private final List<EndCallback> waiting = new ArrayList<>();

    ChatEnding(SessionContext ctx, GuestConnection connection, Conversation conversation) {
        this.ctx = ctx;
        this.connection = connection;
        this.conversation = conversation;
    }

    /** End chat: Clear now, or when the socket is back (DESIGN.md §3); {@code callback} hears the outcome. */
    void end(EndCallback callback) {
        if (ctx.state() == SessionState.ENDED) {
            callback.done(true, null);
            return;
        }
        waiting.add(callback);
        if (ctx.state() == SessionState.ENDING) {
            return; // one Clear at a time; this caller learns the same outcome
        }
        if (connection.isConfigured()) {
            clearAfterSends();
        } else if (ctx.store.active() && ctx.store.token() != null) {
            // no socket now: remember the end and send it first on the next connection
            ctx.store.pendingEnd(true);
            ctx.life.on(SessionLife.ENDING);
            connection.ensureOpen();
        } else {
            finish(true); // nothing was ever said: nothing to end on the server
        }
    }

    /**
     * A page exit decided to end now, in {@code beforeunload}: the Clear leaves like End chat's, right behind the
     * customer's messages that had not left yet (the page cannot wait for their answers).
     */
    void sendOnExit() {
        sendsDeadline = Ports.cancel(sendsDeadline);
        sendUnsent();
        sendClear();
        ctx.life.on(SessionLife.CLEARED_ON_EXIT);
    }

    /**
     * The page goes with the chat ended: unless {@code beforeunload} sent it already ({@code sendNow} false), the
     * Clear leaves now, right behind the customer's messages that had not left (the page cannot wait for their
     * answers). The connection keeps the socket for the exit's later events to repeat the Clear (closing it at once
     * for a page entering the back/forward cache), and the session settles.
     */
    void endOnExit(boolean sendNow, boolean closeNow) {
        if (sendNow) {
            sendUnsent();
            clearIs(ctx.ids.newId());
            connection.send(clearFrame());
        }
        connection.leave(clearFrame(), closeNow);
        settle();
    }

    /**
     * A fresh connection is configured: an end the customer asked for comes before anything else but the messages
     * they sent before it. True when the Clear left now; false when there is no end, or it waits for the messages
     * (the conversation then joins as usual, so that they go).
     */
    boolean resumePendingEnd() {
        if (!ctx.store.pendingEnd()) {
            return false;
        }
        clearAfterSends();
        return sendsDeadline == null;
    }

    /** An end waits for the customer's messages: its Clear has not left yet. */
    boolean waitsForSends() {
        return sendsDeadline != null;
    }

    /** A frame was handled: an end waiting for the customer's messages goes once every one is answered. */
    void sendsMoved() {
        if (sendsDeadline != null && !conversation.hasUnsent() && connection.canSend()) {
            sendsDeadline = Ports.cancel(sendsDeadline);
            sendClear();
        }
    }

    /**
     * Clear now, or once the customer's unanswered messages are answered; at the deadline the rest are reported as
     * not sent and the Clear goes (on the next connection if there is none now: the end is kept pending meanwhile).
     */
    private void clearAfterSends() {
        if (!conversation.hasUnsent()) {
            sendClear();
            return;
        }
        ctx.store.pendingEnd(true); // a reload or an exit while the messages go still ends the chat
        ctx.life.on(SessionLife.ENDING);
        if (sendsDeadline == null) {
            sendsDeadline = ctx.scheduler.schedule(CLEAR_CONFIRM_MILLIS, () -> {
                sendsDeadline = null;
                conversation.giveUpUnsent();
                if (connection.canSend()) {
                    sendClear();
                }
            });
        }
    }

    /** The socket dropped: a Clear in flight may not have arrived, so it goes again on the next connection. */
    void connectionLost() {
        if (clearTracingId != null) {
            clearDeadline = Ports.cancel(clearDeadline);
            clearIs(null);
            ctx.store.pendingEnd(true);
        }
    }

    /**
     * SessionClearedEvent: the service ended the conversation on every connection of the token. The socket carried a
     * session that no longer exists (the service closes it next), so it is let go of now: a Start new chat right after
     * opens a fresh one instead of waiting on a dead socket.
     */
    void cleared() {
        connection.drop();
        finish(true);
    }

    /** The session expired (SessionExpiredEvent or 4006): it is over, not ended by the customer. */
    void expired() {
        connection.drop();
        ctx.observer.error(new WidgetError(4006, "session-expired", null));
        finish(false);
    }

    /**
     * An answer to the Clear in flight. A 429 (the customer's last messages used up the
     * service's rate): the same Clear goes again once the service allows, within the same deadline. An error: the
     * end failed. Its Inbound copy only acknowledges it: SessionClearedEvent is the outcome (§5.4).
     */
    @Override
    public void answered(ServerFrame frame) {
        if (frame instanceof ServerFrame.ErrorReply error) {
            refused(error);
        } else if (frame instanceof ServerFrame.TooManyRequests tooMany) {
            String tracingId = clearTracingId;
            ctx.scheduler.schedule(Math.max(1, tooMany.retryAfterSeconds()) * 1000, () -> {
                if (tracingId.equals(clearTracingId) && connection.canSend()) { // still this Clear, unanswered
                    connection.send(clearFrame());
                }
            });
        }
    }

    /** An error no part waits for that says Clear is disabled (403 without the Clear's tracingId); false otherwise. */
    boolean onClearDisabled(ServerFrame.ErrorReply error) {
        if (!error.isClearDisabled()) {
            return false;
        }
        refused(error);
        return true;
    }

    private void refused(ServerFrame.ErrorReply error) {
        clearDeadline = Ports.cancel(clearDeadline);
        clearIs(null);
        ctx.store.pendingEnd(false);
        if (error.code() == 403) {
            ctx.log.warn("guest-chat: Clear refused. Enable 'Conversation Clear' in the Messenger configuration.");
            fail(new WidgetError(403, "clear-disabled", error.text()));
        } else {
            fail(new WidgetError(error.code(), "end-failed", error.text()));
        }
    }

    /**
     * The conversation is over — confirmed, or the customer left with the Clear out: the next chat starts fresh, and
     * until then the customer can still read this one.
     */
    void settle() {
        clearDeadline = Ports.cancel(clearDeadline);
        sendsDeadline = Ports.cancel(sendsDeadline);
        connection.cancelReconnect(); // nothing left to reconnect for
        clearIs(null);
        ctx.store.forgetSession();
        ctx.life.on(SessionLife.ENDED);
        conversation.close();
    }

    void destroy() {
        clearDeadline = Ports.cancel(clearDeadline);
        sendsDeadline = Ports.cancel(sendsDeadline);
    }

    /** The Clear in flight is now the one with this tracingId (null: none), and only its answer is awaited. */
    private void clearIs(String tracingId) {
        clearTracingId = ctx.replies.instead(clearTracingId, tracingId, this);
    }

    private ClientFrame clearFrame() {
        return new ClientFrame.SendPresence(ctx.store.token(), clearTracingId, ClientFrame.PresenceType.CLEAR, null);
    }

    /** What the customer typed and has not left yet goes now, in order, ahead of an exit's Clear. */
    private void sendUnsent() {
        for (ClientFrame message : conversation.unsentFrames()) {
            connection.send(message);
        }
    }

    private void sendClear() {
        clearIs(ctx.ids.newId());
        ctx.life.on(SessionLife.ENDING);
        connection.send(clearFrame());
        Ports.cancel(clearDeadline);
        clearDeadline = ctx.scheduler.schedule(CLEAR_CONFIRM_MILLIS, () -> {
            clearDeadline = null;
            clearIs(null);
            ctx.store.pendingEnd(false);
            fail(new WidgetError(0, "end-timeout", null));
        });
    }

    private void fail(WidgetError error) {
        ctx.life.on(connection.isReadOnly() ? SessionLife.READ_ONLY
                : connection.isConfigured() ? SessionLife.END_FAILED_CONNECTED : SessionLife.END_FAILED_OFFLINE);
        ctx.observer.error(error);
        for (EndCallback cb : takeWaiting()) {
            cb.done(false, error);
        }
    }

    private void finish(boolean byCustomer) {
        settle();
        ctx.observer.agentTyping(false);
        for (EndCallback cb : takeWaiting()) {
            cb.done(true, null);
        }
        ctx.observer.ended(byCustomer);
    }

    private List<EndCallback> takeWaiting() {
        List<EndCallback> all = new ArrayList<>(waiting);
        waiting.clear();
        return all;
    }
}
