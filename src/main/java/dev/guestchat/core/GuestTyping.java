package dev.guestchat.core;

import dev.guestchat.protocol.ClientFrame;
import dev.guestchat.protocol.ServerFrame;

/**
 * The customer's typing indicator (§3.3.4): while the customer types in a conversation, the agent sees "typing".
 * At most one Typing event per {@link #COOL_DOWN_MILLIS} — the service and the stock Messenger allow no more — and
 * only on a live connection: typing is a signal of the moment, never queued or sent after a reconnect. Sending the
 * message is not typing. A deployment that does not take guest typing (its configuration says so, or it answered
 * a Typing event with 403) gets no more of them.
 */
final class GuestTyping implements Replies.Waiter {
    /** The least time between two Typing events (the SDK's {@code TYPING_INDICATOR_COOL_DOWN_MILLISECONDS}). */
    static final int COOL_DOWN_MILLIS = 5_000;

    private final SessionContext ctx;
    private final GuestConnection connection;
    /** Clock time the last Typing event left; negative infinity when none has. */
    private double lastSentAt = Double.NEGATIVE_INFINITY;
    /** tracingId of the last Typing event sent, awaited in {@link Replies} for a refusal; null before the first. */
    private String lastTracingId;
    /** False once the deployment said it does not take guest typing: nothing more is sent in this widget's life. */
    private boolean allowed = true;

    GuestTyping(SessionContext ctx, GuestConnection connection) {
        this.ctx = ctx;
        this.connection = connection;
    }

    /** The customer changed the text in the message box. */
    void typed() {
        if (!allowed || ctx.state() != SessionState.CONNECTED || !connection.canSend()) {
            return; // off for this deployment, or no live connection: a late "typing" would be a lie
        }
        if (!ctx.store.active()) {
            return; // no conversation yet: nobody could see it (the first message starts one)
        }
        double now = ctx.scheduler.now();
        if (lastSentAt != Double.NEGATIVE_INFINITY && now - lastSentAt < COOL_DOWN_MILLIS) {
            return; // the agent already sees "typing" for this while
        }
        lastSentAt = now;
        // only the latest refusal matters: they all say the same
        lastTracingId = ctx.replies.instead(lastTracingId, ctx.ids.newId(), this);
        connection.send(new ClientFrame.SendTyping(ctx.store.token(), lastTracingId));
    }

    /** The deployment's configuration has guest typing switched off. */
    void disable() {
        allowed = false;
    }

    /** An answer to our Typing event: 403 when the deployment has it off. */
    @Override
    public void answered(ServerFrame frame) {
        if (frame instanceof ServerFrame.ErrorReply error && error.code() == 403) {
            allowed = false; // quietly: the customer loses nothing, the agent only an indicator
        }
    }
}
