package dev.guestchat.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered, de-duplicated list of rows. Invariant: no two rows share a key; rows with a server time are
 * in time order relative to each other (§5.11: order by {@code channel.time}, not by arrival); rows without
 * a time (our unacknowledged messages, system notes) keep their arrival position.
 */
public final class Transcript {
    private final List<ChatEntry> rows = new ArrayList<>();

    /** Adds or replaces by key; returns false when an identical row was already there (a duplicate). */
    public boolean put(ChatEntry entry) {
        int existing = indexOf(entry.key());
        if (existing >= 0) {
            if (rows.get(existing).equals(entry)) {
                return false;
            }
            rows.set(existing, entry);
            return true;
        }
        int at = rows.size();
        if (entry.time() != null) {
            for (int i = 0; i < rows.size(); i++) {
                ChatEntry r = rows.get(i);
                // unacknowledged own messages stay below everything the server has timed
                boolean later = r.time() != null ? r.time().compareTo(entry.time()) > 0
                        : r.delivery() == ChatEntry.Delivery.SENDING;
                if (later) {
                    at = i;
                    break;
                }
            }
        }
        rows.add(at, entry);
        return true;
    }

    /** Replaces the row {@code oldKey} by {@code entry} in place (acknowledgement changes the key). */
    public void replace(String oldKey, ChatEntry entry) {
        int i = indexOf(oldKey);
        int dup = indexOf(entry.key());
        if (i < 0) {
            put(entry);
        } else if (dup >= 0 && dup != i) {
            rows.remove(i); // the server copy already arrived through another path (history, other tab)
        } else {
            rows.set(i, entry);
        }
    }

    public ChatEntry get(String key) {
        int i = indexOf(key);
        return i >= 0 ? rows.get(i) : null;
    }

    public boolean contains(String key) {
        return indexOf(key) >= 0;
    }

    public void clear() {
        rows.clear();
    }

    public List<ChatEntry> rows() {
        return new ArrayList<>(rows);
    }

    public int size() {
        return rows.size();
    }

    private int indexOf(String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
