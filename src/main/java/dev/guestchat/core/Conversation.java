package dev.guestchat.core;

import dev.guestchat.protocol.ClientFrame;
import dev.guestchat.protocol.JsonParser;
import dev.guestchat.protocol.RichContent;
import dev.guestchat.protocol.ServerFrame;
import dev.guestchat.protocol.StringPairs;
import dev.guestchat.protocol.WireMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * What is said: the transcript, the customer's messages on their way ({@link SendQueue}) and their delivery
 * marks, the agent's messages, typing and Disconnect events (§3.3, §4.2), and the custom attributes that ride
 * with the next message.
 */
final class Conversation implements Replies.Waiter {
    static final int TYPING_DEFAULT_MILLIS = 5_000;
    /** What the service allows until a SessionResponse says otherwise (§4.1). */
    static final int DEFAULT_MAX_CUSTOM_DATA_BYTES = 2048;

    private final SessionContext ctx;
    private final GuestConnection connection;

    /** Every row the customer sees, ordered by server time. */
    private final Transcript transcript = new Transcript();
    /** The customer's messages not yet answered, leaving in order at the service's pace. */
    private final SendQueue sends;
    /** A copy of {@link #sends} in storage, for the page after this one. */
    private final SavedOutbox saved;
    /** Fills the transcript from the history API after a reconnect or reload. */
    private final HistorySync history;
    /** Renews the download addresses of the files shown. */
    private final AttachmentLinks links;
    /** Hides the agent typing indicator; null when not shown. */
    private Ports.Cancellable typingTimer;
    /** Looks again for a crashed tab's unanswered messages; null when no look is due. */
    private Ports.Cancellable lateLook;
    /** Custom attributes for the next customer message; null when none are waiting. */
    private StringPairs customAttributes;
    /** {@code maxCustomDataBytes} from the last SessionResponse (§4.1). */
    private int maxCustomDataBytes = DEFAULT_MAX_CUSTOM_DATA_BYTES;

    Conversation(SessionContext ctx, GuestConnection connection, Ports.HistorySource historySource, JsonParser json,
                 SavedOutbox saved) {
        this.ctx = ctx;
        this.connection = connection;
        this.saved = saved;
        this.sends = new SendQueue(ctx.scheduler, this::transmit, this::save);
        this.links = new AttachmentLinks(ctx, connection, transcript);
        this.history = new HistorySync(ctx, historySource, json, connection, transcript, sends, links);
    }

    AttachmentLinks links() {
        return links;
    }

    List<ChatEntry> rows() {
        return transcript.rows();
    }

    HistorySync history() {
        return history;
    }

    /**
     * Shows the customer's text as sending and queues it; it leaves when the queue may send. {@code reply} is set
     * when the text is a button's answer (a ButtonResponse), null for typed text; {@code file} is an uploaded file
     * the message carries, null when none. Returns the message's tracingId, which the row keeps as its
     * {@link ChatEntry#localId()}.
     */
    String add(String text, ClientFrame.ButtonReply reply, RichContent.Attachment file) {
        String tracingId = ctx.ids.newId();
        // the message is kept under its session's token, so one is made now if no socket has opened yet
        String frame = new ClientFrame.SendText(ctx.token(), tracingId, text, customAttributes, reply,
                file != null ? file.id() : null).toJson();
        customAttributes = null; // they travel with this message (§3.3: any message may carry them)
        Outbox.Pending message = new Outbox.Pending(tracingId, text, frame, file);
        transcript.put(row(message));
        ctx.store.active(true);
        ctx.observer.transcriptChanged(transcript.rows(), false);
        sends.add(message);
        return tracingId;
    }

    /** The customer's message as a row being sent. */
    private static ChatEntry row(Outbox.Pending m) {
        return new ChatEntry(m.tracingId(), ChatEntry.Sender.CUSTOMER, null, m.text(), null, ChatEntry.Delivery.SENDING,
                m.file() == null ? RichContent.NONE : RichContent.ofFile(m.file()), m.tracingId());
    }

    /** Whether one more message of this text may wait (the queue is bounded, as its copy in storage is). */
    boolean hasRoomFor(String text) {
        return SavedOutbox.fits(sends.pending(), text.length() + SavedOutbox.FRAME_ENVELOPE_CHARS);
    }

    /**
     * Page start: the messages that pages gone before this one left unanswered in this session are shown as being
     * sent and go first, once the connection is configured. True when there were any. If a tab that looked alive
     * left some, they are looked at again once its mark would be stale: it may have crashed moments ago.
     */
    boolean restoreUnsent() {
        boolean restored = takeOverUnsent();
        if (saved.leftToOthers()) {
            lateLook = ctx.scheduler.schedule(TabRoster.STALE_MILLIS + TabRoster.REFRESH_MILLIS, () -> {
                lateLook = null;
                if (sends.isEmpty() && ctx.store.active()) { // this page's own messages keep their order
                    takeOverUnsent();
                }
            });
        }
        return restored;
    }

    private boolean takeOverUnsent() {
        List<Outbox.Pending> taken = saved.adopt(ctx.store.token());
        if (taken.isEmpty()) {
            return false;
        }
        for (Outbox.Pending p : taken) {
            transcript.put(row(p));
        }
        sends.restore(taken);
        ctx.observer.transcriptChanged(transcript.rows(), false);
        history.request(); // settles the first if it arrived before its page went (no-op until configured)
        return true;
    }

    /**
     * Back from the back/forward cache: if the page after this one took this page's unanswered messages, they are
     * its to send now — this page forgets them (the conversation's history shows them once they arrived).
     */
    void dropTakenOver() {
        if (sends.isEmpty() || !saved.takenOver()) {
            return;
        }
        for (Outbox.Pending p : sends.pending()) {
            transcript.remove(p.tracingId());
        }
        sends.clear();
        ctx.observer.transcriptChanged(transcript.rows(), false);
    }

    /**
     * Keeps custom attributes for the next customer message. Returns the error when they exceed the deployment's
     * byte budget (UTF-8 bytes of keys and values, as the service counts them, §5.12); then nothing is kept.
     */
    WidgetError setCustomAttributes(StringPairs attributes) {
        int bytes = attributes.utf8Bytes();
        if (bytes > maxCustomDataBytes) {
            return new WidgetError(4013, "custom-attributes-too-large", "Custom attributes are " + bytes
                    + " bytes; the limit is " + maxCustomDataBytes + " bytes (UTF-8, keys and values).");
        }
        customAttributes = attributes.isEmpty() ? null : attributes.copy();
        return null;
    }

    /** The service's limits for this session, from its SessionResponse. */
    void takeLimits(ServerFrame.SessionResponse response) {
        maxCustomDataBytes = response.maxCustomDataBytes() > 0 ? response.maxCustomDataBytes()
                : DEFAULT_MAX_CUSTOM_DATA_BYTES;
    }

    /**
     * The session is configured with no end to send first: a read-only session shows its history; a new session
     * keeps only what the customer still wants to send; a known one is filled from history. Then the queue goes.
     */
    void joined(ServerFrame.SessionResponse response) {
        if (response.readOnly()) {
            ctx.life.on(SessionLife.READ_ONLY);
            history.request();
            return;
        }
        ctx.life.on(SessionLife.CONFIGURED); // an end waiting for the customer's messages stays in sight
        if (response.newSession()) {
            List<ChatEntry> keep = new ArrayList<>();
            for (ChatEntry e : transcript.rows()) {
                if (e.delivery() == ChatEntry.Delivery.SENDING) {
                    keep.add(e);
                }
            }
            clearRows(); // told once, below: the rows being sent never vanish from the customer's view
            for (ChatEntry e : keep) {
                transcript.put(e);
            }
            ctx.observer.transcriptChanged(transcript.rows(), false);
        } else {
            history.request();
        }
        sends.connectionReady(!response.newSession());
    }

    /** The socket is gone: nothing leaves until the next one is configured. */
    void connectionClosing() {
        sends.connectionLost();
    }

    /**
     * An answer to one of the customer's messages (they wait in {@link Replies} while the queue holds them): its
     * Inbound copy, a rejection, or a 429.
     */
    @Override
    public void answered(ServerFrame frame) {
        if (frame instanceof ServerFrame.StructuredMessage echo) {
            acknowledged(echo);
        } else if (frame instanceof ServerFrame.ErrorReply error) {
            rejected(error);
        } else if (frame instanceof ServerFrame.TooManyRequests tooMany) {
            // not accepted for now: the queue waits as long as the server asked
            sends.retryAfter(tooMany.tracingId(), Math.max(1, tooMany.retryAfterSeconds()) * 1000);
        }
    }

    /** The Inbound copy of one of the customer's messages: it arrived, with the server's id and time. */
    private void acknowledged(ServerFrame.StructuredMessage echo) {
        WireMessage m = echo.message();
        Outbox.Pending own = sends.settle(echo.tracingId());
        if (own == null) {
            onMessage(echo); // settled by the history meanwhile: the row is there already, or comes as any copy's
            return;
        }
        ChatEntry sent = transcript.get(own.tracingId());
        ChatEntry base = sent != null ? sent : ChatEntry.fromWire(m);
        ChatEntry acknowledged = base.acknowledged(m.id(), m.time(), m.content());
        transcript.replace(own.tracingId(), acknowledged);
        links.track(acknowledged, true);
        ctx.observer.transcriptChanged(transcript.rows(), false);
        ctx.store.active(true);
    }

    /** A StructuredMessage no part of this page waits for (§4.2): the agent's, a bot's, another tab's copy. */
    void onMessage(ServerFrame.StructuredMessage frame) {
        WireMessage m = frame.message();
        if (m.inbound()) {
            if (m.hasPresence("Clear") || m.hasPresence("Join")) {
                return; // acknowledgement only; SessionClearedEvent is the signal (§5.4)
            }
            if (m.isDisplayable() && m.id() != null) {
                ChatEntry entry = ChatEntry.fromWire(m);
                if (transcript.put(entry)) { // typed in another tab
                    links.track(entry, true);
                    ctx.observer.transcriptChanged(transcript.rows(), false);
                }
            }
            ctx.store.active(true);
            return;
        }
        if (m.hasTyping()) {
            showTyping();
        }
        if (m.hasPresence("Disconnect")) {
            agentLeft(m);
            return;
        }
        if (m.isDisplayable() && m.id() != null) {
            ChatEntry entry = ChatEntry.fromWire(m);
            ctx.store.active(true);
            typingTimer = Ports.cancel(typingTimer);
            ctx.observer.agentTyping(false);
            if (transcript.put(entry)) {
                links.track(entry, true);
                ctx.observer.transcriptChanged(transcript.rows(), false);
                ctx.observer.messageReceived(entry);
            }
        }
    }

    private void agentLeft(WireMessage m) {
        ctx.store.active(false);
        ctx.observer.agentTyping(false);
        transcript.put(ChatEntry.system(m.id() != null ? m.id() : ctx.ids.newId(), "agentLeft"));
        ctx.observer.transcriptChanged(transcript.rows(), false);
        if ("true".equals(m.metadata().get("readOnly"))) {
            connection.markReadOnly();
            ctx.life.on(SessionLife.READ_ONLY);
            ctx.observer.ended(false);
        }
    }

    /** An error answering one of the customer's messages. */
    private void rejected(ServerFrame.ErrorReply error) {
        String tracingId = error.tracingId();
        if (error.code() == 5000 || (error.code() >= 500 && error.code() < 600)) {
            sends.retryAfter(tracingId, SendQueue.SERVER_RETRY_MILLIS); // the server failed, not the message
            return;
        }
        sends.settle(tracingId);
        if (markFailed(tracingId)) {
            ctx.observer.transcriptChanged(transcript.rows(), false);
        }
        if (error.code() == 409) {
            ctx.life.on(SessionLife.READ_ONLY);
        }
        ctx.observer.error(new WidgetError(error.code(), "message-rejected", error.text(), tracingId));
    }

    /** Customer messages are still waiting to be sent or answered. */
    boolean hasUnsent() {
        return !sends.isEmpty();
    }

    /**
     * The frames of the customer's messages that have not left on this connection, in order: a page exit puts them
     * on the socket right before its Clear, as the page cannot wait for the queue's pace.
     */
    List<ClientFrame> unsentFrames() {
        List<ClientFrame> frames = new ArrayList<>();
        for (Outbox.Pending p : sends.notSent()) {
            frames.add(frame(p));
        }
        return frames;
    }

    /**
     * An end cannot wait longer for the customer's messages: they show as not sent and the host hears which, before
     * the Clear makes them moot.
     */
    void giveUpUnsent() {
        String ids = null;
        for (Outbox.Pending p : sends.pending()) {
            ids = ids == null ? p.tracingId() : ids + " " + p.tracingId();
            markFailed(p.tracingId());
        }
        sends.clear();
        ctx.observer.transcriptChanged(transcript.rows(), false); // once for all of them
        ctx.observer.error(new WidgetError(0, "message-not-sent", null, ids));
    }

    /** Shows the customer's message as not sent; false when it has no row. */
    private boolean markFailed(String id) {
        ChatEntry row = transcript.get(id);
        if (row == null) {
            return false;
        }
        transcript.put(row.withDelivery(ChatEntry.Delivery.FAILED));
        return true;
    }

    /**
     * The conversation is over: nothing more is sent, fetched or renewed for it, and its rows stay readable (with
     * their files as last fetched) until a new one starts.
     */
    void close() {
        sends.clear();
        history.forget(); // late pages of the ended session are dropped
        links.forget();
    }

    /** The conversation starts afresh, or the server wiped it: every row and unsent message goes. */
    void forget() {
        sends.clear();
        forgetRows();
    }

    void destroy() {
        typingTimer = Ports.cancel(typingTimer);
        lateLook = Ports.cancel(lateLook);
        links.forget();
    }

    private void forgetRows() {
        clearRows();
        ctx.observer.transcriptChanged(transcript.rows(), false);
    }

    private void clearRows() {
        history.forget(); // late pages of the old session are dropped
        links.forget();
        transcript.clear();
    }

    private void showTyping() {
        Ports.cancel(typingTimer);
        ctx.observer.agentTyping(true);
        typingTimer = ctx.scheduler.schedule(TYPING_DEFAULT_MILLIS, () -> {
            typingTimer = null;
            ctx.observer.agentTyping(false);
        });
    }

    /** The queue's wire: one customer message on the configured connection. */
    private boolean transmit(Outbox.Pending p) {
        if (!connection.canSend()) {
            return false; // the socket is gone: the next configure resumes the queue
        }
        connection.send(frame(p));
        return true;
    }

    private ClientFrame frame(Outbox.Pending p) {
        return new ClientFrame.Prepared(ctx.store.token(), p.tracingId(), p.frame());
    }

    /** The queue changed: storage gets its copy, and the answers awaited are those of the messages it holds. */
    private void save() {
        List<Outbox.Pending> pending = sends.pending();
        saved.save(ctx.store.token(), pending);
        ctx.replies.awaitMessages(pending, this);
    }
}
