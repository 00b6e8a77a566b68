package dev.guestchat.core;

/**
 * A map from row keys to values, for {@link Transcript} and for whoever follows its rows: open addressing with
 * linear probing and backward-shift deletion. Written here because {@code java.util.HashMap} costs the bundle
 * 1.1 KB gzip (measured) for what is one hashed lookup.
 *
 * <p>Invariant: {@code keys} holds {@code size} keys and at least half of it is empty; every key sits in the run
 * of occupied slots that starts at its home slot ({@code hash & mask}) with no empty slot between; {@code values[i]}
 * belongs to {@code keys[i]} (null where the slot is empty).
 */
public final class KeyMap<V> {
    /** Slots; null is empty. Its length is a power of two. */
    private String[] keys = new String[64];
    /** The value of each occupied slot. */
    private Object[] values = new Object[64];
    /** Keys held. */
    private int size;

    public boolean contains(String key) {
        return keys[find(key)] != null;
    }

    /** The value put for the key; null when the key is absent. */
    @SuppressWarnings("unchecked")
    public V get(String key) {
        return (V) values[find(key)];
    }

    public void put(String key, V value) {
        int slot = find(key);
        values[slot] = value;
        if (keys[slot] != null) {
            return;
        }
        keys[slot] = key;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    public void remove(String key) {
        int mask = keys.length - 1;
        int hole = find(key);
        if (keys[hole] == null) {
            return;
        }
        keys[hole] = null;
        values[hole] = null;
        size--;
        // close the hole: move back every later key of the run whose home is not between the hole and its slot
        for (int i = (hole + 1) & mask; keys[i] != null; i = (i + 1) & mask) {
            int home = home(keys[i], mask);
            boolean stays = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!stays) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                keys[i] = null;
                values[i] = null;
                hole = i;
            }
        }
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        keys = new String[64];
        values = new Object[64];
        size = 0;
    }

    /** The key's slot, or the empty slot where it would go. */
    private int find(String key) {
        int mask = keys.length - 1;
        int i = home(key, mask);
        while (keys[i] != null && !keys[i].equals(key)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        size = 0;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int slot = find(oldKeys[j]);
                keys[slot] = oldKeys[j];
                values[slot] = oldValues[j];
                size++;
            }
        }
    }

    private static int home(String key, int mask) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }
}
