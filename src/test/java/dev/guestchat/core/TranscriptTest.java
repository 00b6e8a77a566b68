package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {
    static ChatEntry timed(String key, String time) {
        return new ChatEntry(key, ChatEntry.Sender.AGENT, null, key, time, ChatEntry.Delivery.DELIVERED, List.of());
    }

    static ChatEntry pending(String key) {
        return new ChatEntry(key, ChatEntry.Sender.CUSTOMER, null, key, null, ChatEntry.Delivery.SENDING, List.of());
    }

    static List<String> keys(Transcript t) {
        return t.rows().stream().map(ChatEntry::key).toList();
    }

    @Test
    void ordersByServerTimeKeepingPendingMessagesLast() {
        Transcript t = new Transcript();
        t.put(timed("b", "2026-01-01T00:00:02.000Z"));
        t.put(pending("p"));
        t.put(timed("a", "2026-01-01T00:00:01.000Z"));
        t.put(timed("c", "2026-01-01T00:00:03.000Z"));
        assertEquals(List.of("a", "b", "c", "p"), keys(t));
    }

    @Test
    void tiesKeepArrivalOrderAndDuplicatesAreIgnored() {
        Transcript t = new Transcript();
        t.put(timed("x", "2026-01-01T00:00:01.000Z"));
        t.put(timed("y", "2026-01-01T00:00:01.000Z"));
        assertFalse(t.put(timed("x", "2026-01-01T00:00:01.000Z")));
        assertEquals(List.of("x", "y"), keys(t));
    }

    @Test
    void acknowledgementReplacesInPlaceOrDropsTheLocalCopyIfTheServerCopyIsThere() {
        Transcript t = new Transcript();
        t.put(pending("trace"));
        t.replace("trace", pending("trace").acknowledged("srv", "2026-01-01T00:00:01.000Z"));
        assertEquals(List.of("srv"), keys(t));
        t.put(pending("trace2"));
        t.put(timed("srv2", "2026-01-01T00:00:02.000Z"));
        t.replace("trace2", pending("trace2").acknowledged("srv2", "2026-01-01T00:00:02.000Z"));
        assertEquals(List.of("srv", "srv2"), keys(t));
        assertTrue(t.contains("srv2"));
    }
}
