package dev.guestchat.core;

import java.util.List;

/**
 * The customer's messages on their way to the agent, in the order typed. One queue, paced to the
 * service's limit of two {@code onMessage} per second per session (PROTOCOL.md §5.12), and stop-and-wait: the
 * next message leaves only once the one before it was answered — by its own Inbound copy, or an error — so a
 * 429 or a dropped socket can never let a later message overtake an earlier one. A 429 pauses the whole queue
 * for its {@code retryAfter}; after a reconnect the unanswered head goes first, then the rest in order. Each
 * message is sent once, plus once more for each dropped socket or 429 that caught it in flight. A message whose
 * socket dropped before its answer may have reached the agent all the same: before it goes again, the session
 * looks for it in the first history page ({@link #unsure()}), so the agent does not read it twice.
 *
 * <p>Invariant: {@code inFlight} is null or the tracingId of the outbox's first message, sent on the current
 * connection and not yet answered; at most one of {@code inFlight} and {@code unsure} is set; {@code timer} is
 * set only while a message waits for {@code notBefore}.
 */
public final class SendQueue {
    /** Two per second, with room for a clock tick and a Clear or Typing event between messages. */
    static final int SPACING_MILLIS = 550;
    /** A server failure (5xx) on a message: the queue waits this long before trying it again. */
    static final int SERVER_RETRY_MILLIS = 2_000;
    /** How long an unsure message waits for the history check before it is sent again regardless. */
    static final int CHECK_WAIT_MILLIS = 3_000;

    /** Puts one message on the live, configured connection; false when there is none. */
    public interface Wire {
        boolean transmit(Outbox.Pending message);
    }

    /** Messages not yet answered, in the order typed. */
    private final Outbox outbox = new Outbox();
    private final Ports.Scheduler scheduler;
    private final Wire wire;
    /** Told after every change of what is waiting (added, answered, restored, cleared): storage keeps a copy. */
    private final Runnable changed;
    /** A configured connection can carry messages; false between a drop and the next SessionResponse. */
    private boolean ready;
    /** tracingId of the message awaiting its answer; null when nothing is in flight. */
    private String inFlight;
    /** Earliest time the next message may leave (pacing, or a 429's pause); in the past when it may go now. */
    private double notBefore;
    /** Wakes the queue at {@code notBefore}; null when no wake-up is due. */
    private Ports.Cancellable timer;
    /**
     * tracingId of the message that was in flight when its socket dropped: the server may have it. The queue holds
     * until {@link #checked()} (history looked at) or {@link #CHECK_WAIT_MILLIS}; null when nothing is unsure.
     */
    private String unsure;
    /** Gives up waiting for the history check; null unless a check is awaited on a ready connection. */
    private Ports.Cancellable checkTimer;

    public SendQueue(Ports.Scheduler scheduler, Wire wire, Runnable changed) {
        this.scheduler = scheduler;
        this.wire = wire;
        this.changed = changed;
    }

    /** Queues a message behind every earlier one. */
    public void add(Outbox.Pending message) {
        outbox.add(message);
        changed.run();
        pump();
    }

    /**
     * Takes over messages a page gone before this one left unanswered, in their order: at page start, or later on an
     * empty queue (a crashed tab's, once its mark went stale). The first may have reached the service just before
     * that page went, so it counts as {@link #unsure()}: history is looked at before it goes again — on a ready
     * connection the caller asks for it now, and the queue moves on without it after {@link #CHECK_WAIT_MILLIS}.
     */
    public void restore(List<Outbox.Pending> messages) {
        if (messages.isEmpty()) {
            return;
        }
        for (Outbox.Pending p : messages) {
            outbox.add(p);
        }
        unsure = messages.get(0).tracingId();
        if (ready && checkTimer == null) {
            checkTimer = scheduler.schedule(CHECK_WAIT_MILLIS, this::checked);
        }
        changed.run();
    }

    /**
     * A connection was configured: what is left goes, unanswered head first.
     *
     * @param historyComing the session asked for history, which can settle an unsure message; false for a new
     *                      session, which has no history and cannot have the message
     */
    public void connectionReady(boolean historyComing) {
        ready = true;
        inFlight = null;
        if (unsure != null && historyComing) {
            if (checkTimer == null) {
                checkTimer = scheduler.schedule(CHECK_WAIT_MILLIS, this::checked);
            }
            return;
        }
        unsure = null;
        pump();
    }

    /** The connection is gone; nothing leaves until the next one is ready. */
    public void connectionLost() {
        if (inFlight != null) {
            unsure = inFlight; // sent, unanswered: it may or may not have arrived
        }
        ready = false;
        inFlight = null;
        cancelTimer();
        cancelCheck();
    }

    /** The message whose arrival is in doubt after a drop; null when none. */
    public Outbox.Pending unsure() {
        return unsure == null ? null : outbox.find(unsure);
    }

    /** History was looked at (and the unsure message settled if it was there): the queue moves on. */
    public void checked() {
        unsure = null;
        cancelCheck();
        pump();
    }

    /** The message was answered for good (its own Inbound copy, or a rejection of its content): the next may go. */
    public Outbox.Pending settle(String tracingId) {
        Outbox.Pending done = outbox.acknowledge(tracingId);
        if (tracingId.equals(inFlight)) {
            inFlight = null;
        }
        if (done != null) {
            changed.run();
        }
        pump();
        return done;
    }

    /**
     * The service said "not now" to this message (429 with {@code retryAfter}, or a server failure): the whole
     * queue waits, then this message goes again — nothing behind it overtakes it.
     */
    public void retryAfter(String tracingId, double delayMillis) {
        if (!tracingId.equals(inFlight)) {
            return; // not ours, or already answered another way
        }
        inFlight = null;
        notBefore = Math.max(notBefore, scheduler.now() + delayMillis);
        pump();
    }

    public Outbox.Pending find(String tracingId) {
        return outbox.find(tracingId);
    }

    public boolean isEmpty() {
        return outbox.isEmpty();
    }

    /** Messages not yet answered, in order. */
    public List<Outbox.Pending> pending() {
        return outbox.all();
    }

    /** Messages that have not left on the current connection (all but the one awaiting its answer), in order. */
    public List<Outbox.Pending> notSent() {
        List<Outbox.Pending> all = outbox.all();
        if (inFlight != null && !all.isEmpty() && all.get(0).tracingId().equals(inFlight)) {
            all.remove(0); // the one in flight is always the first
        }
        return all;
    }

    /** Forgets every message (the conversation ended or a new one started). */
    public void clear() {
        outbox.clear();
        inFlight = null;
        unsure = null;
        cancelTimer();
        cancelCheck();
        changed.run();
    }

    private void pump() {
        if (!ready || inFlight != null || unsure != null || outbox.isEmpty()) {
            return; // nothing may leave now; the next answer, connection or message pumps again
        }
        double wait = notBefore - scheduler.now();
        if (wait > 0) {
            if (timer == null) {
                timer = scheduler.schedule(wait, () -> {
                    timer = null;
                    pump();
                });
            }
            return;
        }
        Outbox.Pending head = outbox.first();
        inFlight = head.tracingId(); // before sending: an answer may come back before transmit returns
        notBefore = scheduler.now() + SPACING_MILLIS;
        if (!wire.transmit(head)) {
            inFlight = null;
            ready = false; // the socket is not open after all: its close will report, the next configure resumes
        }
    }

    private void cancelCheck() {
        if (checkTimer != null) {
            checkTimer.cancel();
            checkTimer = null;
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
