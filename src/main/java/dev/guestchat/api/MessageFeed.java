package dev.guestchat.api;

import dev.guestchat.core.ChatEntry;
import dev.guestchat.core.KeyMap;
import java.util.List;

/**
 * Turns the transcript's snapshots into the session's message events, so that a page hears of every row once:
 * a row new to this page is a {@code message}, a row whose status changed (an acknowledgement also changes its id)
 * a {@code message-status}, any other change a {@code message-update}, and an emptied transcript a {@code reset}.
 *
 * <p>Invariant: {@code announced} maps the key of every row announced since the last reset to the row as
 * announced. A message sent from this page is announced under its local id (its key until the service acknowledges
 * it), then under the service's id: the row with a local id and an unknown key is that message, acknowledged.
 */
final class MessageFeed {
    /** Announced rows by key, as last announced; empty after a reset. */
    private final KeyMap<ChatEntry> announced = new KeyMap<>();

    /**
     * Announces what changed in {@code rows} (the whole transcript); returns how many rows were new.
     * {@code restored}: the change is a page of history.
     */
    int update(List<ChatEntry> rows, boolean restored, SessionEvents out) {
        if (rows.isEmpty()) {
            if (!announced.isEmpty()) {
                announced.clear();
                out.reset();
            }
            return 0;
        }
        int added = 0;
        for (ChatEntry row : rows) {
            ChatEntry before = announced.get(row.key());
            if (before == row) {
                continue; // rows are immutable: the same row, nothing new (the common case)
            }
            String localId = row.localId();
            if (localId != null && !localId.equals(row.key())) { // acknowledged: the message under the service's id
                ChatEntry sent = announced.get(localId);
                announced.remove(localId);
                if (before == null) {
                    before = sent;
                } else if (sent != null) {
                    out.messageRemoved(sent); // its service copy was announced first (history, another tab)
                }
            }
            announced.put(row.key(), row);
            if (before == null) {
                added++;
                out.message(row, restored);
            } else if (before.delivery() != row.delivery() || !before.key().equals(row.key())) {
                out.messageStatus(row);
            } else if (!before.equals(row)) {
                out.messageUpdate(row);
            }
        }
        return added;
    }
}
