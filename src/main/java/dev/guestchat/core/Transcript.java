package dev.guestchat.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered, de-duplicated list of rows. Invariant: no two rows share a key; rows with a server time are
 * in time order relative to each other (§5.11: order by {@code channel.time}, not by arrival — a message whose
 * acknowledgement brings an earlier time than a row shown meanwhile moves up to its place); rows without a time
 * (system notes, failed messages) keep their arrival position, and unacknowledged messages stay below every timed row. Lookups by key are hashed and new rows are placed by scanning from the newest end, so a
 * long conversation (a soak of 100,000 messages, thousands restored from history) costs no scan per message.
 */
public final class Transcript {
    /** Every row, in display order. */
    private final List<ChatEntry> rows = new ArrayList<>();
    /** The rows' keys: whether a key is here without a scan (most keys asked about are new). */
    private final KeyMap<ChatEntry> keys = new KeyMap<>();
    /** How many rows are {@code SENDING}: placing a timed row may stop once it has passed all of them. */
    private int sending;

    /** Adds or replaces by key; returns false when an identical row was already there (a duplicate). */
    public boolean put(ChatEntry entry) {
        int existing = indexOf(entry.key());
        if (existing >= 0) {
            if (rows.get(existing).equals(entry)) {
                return false;
            }
            change(existing, entry);
            return true;
        }
        add(entry.time() != null ? placeFor(entry.time()) : rows.size(), entry);
        return true;
    }

    /**
     * Replaces the row {@code oldKey} by {@code entry} (acknowledgement changes the key): in place, or where the
     * server time it now has puts it.
     */
    public void replace(String oldKey, ChatEntry entry) {
        int i = indexOf(oldKey);
        int dup = indexOf(entry.key());
        if (i < 0) {
            put(entry);
        } else if (dup >= 0 && dup != i) {
            remove(i); // the server copy already arrived through another path (history, other tab):
            change(indexOf(entry.key()), entry); // it becomes this message, which keeps its local id
        } else {
            change(i, entry);
        }
    }

    public ChatEntry get(String key) {
        int i = indexOf(key);
        return i >= 0 ? rows.get(i) : null;
    }

    public boolean contains(String key) {
        return keys.contains(key);
    }

    /** Removes the row with this key, if there is one. */
    public void remove(String key) {
        int i = indexOf(key);
        if (i >= 0) {
            remove(i);
        }
    }

    public void clear() {
        rows.clear();
        keys.clear();
        sending = 0;
    }

    public List<ChatEntry> rows() {
        return new ArrayList<>(rows);
    }

    public int size() {
        return rows.size();
    }

    /**
     * Where a row with this server time goes: before the first row that is later — a later timed row, or an
     * unacknowledged message. Scanned from the newest end: once a timed row that is not later has been reached and
     * every unacknowledged message has been passed, no earlier row can be later (timed rows are in order).
     */
    private int placeFor(String time) {
        int at = rows.size();
        int sendingPassed = 0;
        for (int i = rows.size() - 1; i >= 0; i--) {
            ChatEntry r = rows.get(i);
            if (r.time() != null) {
                if (r.time().compareTo(time) > 0) {
                    at = i;
                } else if (sendingPassed == sending) {
                    break;
                }
            } else if (r.delivery() == ChatEntry.Delivery.SENDING) {
                at = i;
                sendingPassed++;
            }
        }
        return at;
    }

    /** Index of the row with this key, -1 when there is none; searched from the newest end, where changes happen. */
    private int indexOf(String key) {
        if (!keys.contains(key)) {
            return -1;
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The row at {@code at} becomes {@code entry}: in place, unless it now has a server time that puts it elsewhere. */
    private void change(int at, ChatEntry entry) {
        ChatEntry old = rows.get(at);
        if (entry.time() == null || entry.time().equals(old.time())) {
            set(at, entry);
        } else {
            remove(at);
            add(placeFor(entry.time()), entry);
        }
    }

    private void add(int at, ChatEntry entry) {
        rows.add(at, entry);
        keys.put(entry.key(), entry);
        sending += isSending(entry);
    }

    private void set(int at, ChatEntry entry) {
        ChatEntry old = rows.set(at, entry);
        keys.remove(old.key());
        keys.put(entry.key(), entry);
        sending += isSending(entry) - isSending(old);
    }

    private void remove(int at) {
        ChatEntry old = rows.remove(at);
        keys.remove(old.key());
        sending -= isSending(old);
    }

    private static int isSending(ChatEntry e) {
        return e.delivery() == ChatEntry.Delivery.SENDING ? 1 : 0;
    }
}
