package dev.guestchat.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Customer messages not yet acknowledged by their own Inbound copy (§2.4, §5.10). Invariant: a message
 * leaves the outbox only when acknowledged or rejected by the server for its content — never because a
 * socket dropped — so nothing typed is lost; after a reconnect everything left is sent again in order.
 */
public final class Outbox {
    /**
     * A message waiting for its acknowledgement: {@code tracingId} is also its transcript key, {@code frame} its
     * onMessage frame as built when it was typed (what goes on the wire, and what storage keeps for the next page),
     * {@code file} the uploaded file it carries (null when none).
     */
    public record Pending(String tracingId, String text, String frame, dev.guestchat.protocol.RichContent.Attachment file) {
    }

    private final List<Pending> pending = new ArrayList<>();

    public void add(Pending p) {
        pending.add(p);
    }

    /** Removes and returns the message with this tracingId, or null when it is not ours (another tab's). */
    public Pending acknowledge(String tracingId) {
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).tracingId().equals(tracingId)) {
                return pending.remove(i);
            }
        }
        return null;
    }

    public Pending find(String tracingId) {
        for (Pending p : pending) {
            if (p.tracingId().equals(tracingId)) {
                return p;
            }
        }
        return null;
    }

    /** The oldest message; null when empty. */
    public Pending first() {
        return pending.isEmpty() ? null : pending.get(0);
    }

    public List<Pending> all() {
        return new ArrayList<>(pending);
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    public void clear() {
        pending.clear();
    }
}
