package dev.guestchat.core;

import dev.guestchat.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Who waits for the answer to a frame this page sent: one table from the frame's tracingId (§2.4: the service copies
 * it into every frame that answers) to the part of the session that sent it. A part puts an id in when it sends and
 * takes it out once it stops waiting; the session hands each answer whose tracingId is in the table to that part,
 * and only the frames nobody waits for — pushes, other tabs' copies — go by their kind.
 */
final class Replies {
    /**
     * A part of the session that sends requests and hears their answers: the customer's messages (Conversation),
     * the Clear (ChatEnding), Typing events (GuestTyping), the pending file (FileUpload), download addresses
     * (AttachmentLinks).
     */
    interface Waiter {
        /** The answer to a frame this part sent: an Inbound copy, an error, a 429, a file reply. */
        void answered(ServerFrame frame);
    }

    /** The part waiting for each tracingId; an entry leaves when its part has its answer or stopped waiting. */
    private final KeyMap<Waiter> waiting = new KeyMap<>();
    /** tracingIds of the customer's messages as the queue last held them; empty when none waits. */
    private final List<String> messages = new ArrayList<>();

    /** Nobody waits for this tracingId any more (null: nothing to do). */
    void done(String tracingId) {
        if (tracingId != null) {
            waiting.remove(tracingId);
        }
    }

    /**
     * {@code waiter} stops waiting for {@code before} and waits for {@code now} instead (either may be null);
     * returns {@code now}, for the field that keeps it.
     */
    String instead(String before, String now, Waiter waiter) {
        done(before);
        if (now != null) {
            waiting.put(now, waiter);
        }
        return now;
    }

    /** The customer's messages the queue holds now: their answers, and only theirs, are awaited by {@code waiter}. */
    void awaitMessages(List<Outbox.Pending> pending, Waiter waiter) {
        for (String id : messages) {
            waiting.remove(id);
        }
        messages.clear();
        for (Outbox.Pending p : pending) {
            messages.add(p.tracingId());
            waiting.put(p.tracingId(), waiter);
        }
    }

    /** The part waiting for the frame with this tracingId; null for a push or an answer nobody waits for. */
    Waiter waiterFor(String tracingId) {
        return tracingId == null ? null : waiting.get(tracingId);
    }

    /** How many answers are awaited (test hook: the table does not grow without bound). */
    int size() {
        return waiting.size();
    }
}
