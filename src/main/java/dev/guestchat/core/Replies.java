package dev.guestchat.core;

import dev.guestchat.protocol.ServerFrame;
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

    /** {@code waiter} sent a frame with this tracingId and waits for its answer. */
    void await(String tracingId, Waiter waiter) {
        waiting.put(tracingId, waiter);
    }

    /** Nobody waits for this tracingId any more (null: nothing to do). */
    void done(String tracingId) {
        if (tracingId != null) {
            waiting.remove(tracingId);
        }
    }

    /** {@code waiter} waited for the answers to {@code before} and now waits for those to {@code now}. */
    void awaitInstead(List<String> before, List<String> now, Waiter waiter) {
        for (String id : before) {
            waiting.remove(id);
        }
        for (String id : now) {
            waiting.put(id, waiter);
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
