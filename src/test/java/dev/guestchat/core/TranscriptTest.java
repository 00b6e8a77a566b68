package dev.guestchat.core;

import dev.guestchat.protocol.RichContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {
    static ChatEntry timed(String key, String time) {
        return new ChatEntry(key, ChatEntry.Sender.AGENT, null, key, time, ChatEntry.Delivery.DELIVERED, RichContent.NONE, null);
    }

    static ChatEntry pending(String key) {
        return new ChatEntry(key, ChatEntry.Sender.CUSTOMER, null, key, null, ChatEntry.Delivery.SENDING, RichContent.NONE, null);
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
        t.replace("trace", pending("trace").acknowledged("srv", "2026-01-01T00:00:01.000Z", null));
        assertEquals(List.of("srv"), keys(t));
        t.put(pending("trace2"));
        t.put(timed("srv2", "2026-01-01T00:00:02.000Z"));
        t.replace("trace2", pending("trace2").acknowledged("srv2", "2026-01-01T00:00:02.000Z", null));
        assertEquals(List.of("srv", "srv2"), keys(t));
        assertTrue(t.contains("srv2"));
    }

    /** Our message reached the service before an agent message that we saw first: it moves up to its server time. */
    @Test
    void anAcknowledgementWithAnEarlierTimeMovesTheMessageToItsPlace() {
        Transcript t = new Transcript();
        t.put(timed("a", "2026-01-01T00:00:05.000Z"));
        t.put(pending("mine"));
        t.put(timed("agent", "2026-01-01T00:00:08.000Z"));
        assertEquals(List.of("a", "agent", "mine"), keys(t));
        t.replace("mine", pending("mine").acknowledged("srv", "2026-01-01T00:00:07.000Z", null));
        assertEquals(List.of("a", "srv", "agent"), keys(t));
    }

    /**
     * Random puts, acknowledgements (in and out of order), duplicates, re-sent rows with another time, system notes
     * and failures: after every step the invariant holds and nothing is lost or doubled.
     */
    @Test
    void theInvariantHoldsUnderRandomOperations() {
        for (long seed = 1; seed <= 20; seed++) {
            java.util.Random random = new java.util.Random(seed);
            Transcript t = new Transcript();
            java.util.Map<String, ChatEntry> expected = new java.util.LinkedHashMap<>();
            List<String> pendingKeys = new java.util.ArrayList<>();
            for (int step = 0; step < 3_000; step++) {
                String time = String.format("2026-01-01T00:%02d:%02d.000Z", random.nextInt(60), random.nextInt(60));
                int op = random.nextInt(10);
                if (op < 3) {
                    ChatEntry e = timed("k" + random.nextInt(2_000), time);
                    t.put(e);
                    expected.put(e.key(), e);
                } else if (op < 5) {
                    ChatEntry p = pending("p" + step);
                    t.put(p);
                    expected.put(p.key(), p);
                    pendingKeys.add(p.key());
                } else if (op < 7 && !pendingKeys.isEmpty()) {
                    String key = pendingKeys.remove(random.nextInt(pendingKeys.size()));
                    ChatEntry acked = expected.remove(key).acknowledged("s" + key, time, null);
                    t.replace(key, acked);
                    expected.put(acked.key(), acked);
                } else if (op == 7) {
                    ChatEntry note = ChatEntry.system("n" + step, "agentLeft");
                    t.put(note);
                    expected.put(note.key(), note);
                } else if (op == 8 && !pendingKeys.isEmpty()) {
                    String key = pendingKeys.remove(random.nextInt(pendingKeys.size()));
                    ChatEntry failed = expected.get(key).withDelivery(ChatEntry.Delivery.FAILED);
                    t.put(failed);
                    expected.put(key, failed);
                } else if (!expected.isEmpty()) {
                    ChatEntry again = expected.values().stream().skip(random.nextInt(expected.size())).findFirst().orElseThrow();
                    assertFalse(t.put(again), "a duplicate is ignored");
                }
                List<ChatEntry> rows = t.rows();
                assertEquals(expected.size(), rows.size(), "seed " + seed + " step " + step);
                assertEquals(new java.util.HashSet<>(expected.values()), new java.util.HashSet<>(rows));
                String last = null;
                boolean sendingSeen = false;
                for (ChatEntry r : rows) {
                    if (r.time() != null) {
                        assertTrue(last == null || last.compareTo(r.time()) <= 0, "time order, seed " + seed + " step " + step);
                        assertFalse(sendingSeen, "unacknowledged messages stay below timed rows, seed " + seed);
                        last = r.time();
                    } else if (r.delivery() == ChatEntry.Delivery.SENDING) {
                        sendingSeen = true;
                    }
                }
            }
        }
    }
}
