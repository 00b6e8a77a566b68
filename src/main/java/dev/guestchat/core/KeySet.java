package dev.guestchat.core;

/**
 * A set of row keys for {@link Transcript}: open addressing with linear probing and backward-shift deletion. Written
 * here because {@code java.util.HashMap} costs the bundle 1.1 KB gzip (measured) for what is one hashed lookup.
 *
 * <p>Invariant: {@code table} holds {@code size} keys and at least half of it is empty; every key sits in the run
 * of occupied slots that starts at its home slot ({@code hash & mask}) with no empty slot between.
 */
final class KeySet {
    /** Slots; null is empty. Its length is a power of two. */
    private String[] table = new String[64];
    /** Keys held. */
    private int size;

    boolean contains(String key) {
        return table[find(key)] != null;
    }

    void add(String key) {
        int slot = find(key);
        if (table[slot] != null) {
            return;
        }
        table[slot] = key;
        if (++size * 2 > table.length) {
            grow();
        }
    }

    void remove(String key) {
        int mask = table.length - 1;
        int hole = find(key);
        if (table[hole] == null) {
            return;
        }
        table[hole] = null;
        size--;
        // close the hole: move back every later key of the run whose home is not between the hole and its slot
        for (int i = (hole + 1) & mask; table[i] != null; i = (i + 1) & mask) {
            int home = home(table[i], mask);
            boolean stays = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!stays) {
                table[hole] = table[i];
                table[i] = null;
                hole = i;
            }
        }
    }

    void clear() {
        table = new String[64];
        size = 0;
    }

    /** The key's slot, or the empty slot where it would go. */
    private int find(String key) {
        int mask = table.length - 1;
        int i = home(key, mask);
        while (table[i] != null && !table[i].equals(key)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        String[] old = table;
        table = new String[old.length * 2];
        size = 0;
        for (String key : old) {
            if (key != null) {
                table[find(key)] = key;
                size++;
            }
        }
    }

    private static int home(String key, int mask) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }
}
