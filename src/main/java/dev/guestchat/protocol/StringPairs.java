package dev.guestchat.protocol;

import java.util.ArrayList;

/**
 * A small ordered map of strings: custom attributes, message metadata, a message catalogue. Lookups are linear —
 * these hold tens of entries — and keeping {@code java.util.HashMap} out of the browser bundle saves about a
 * kilobyte gzip. A later {@link #put} of the same key replaces the earlier value.
 */
public final class StringPairs {
    /** Keys in insertion order; {@code values.get(i)} belongs to {@code keys.get(i)}. */
    private final ArrayList<String> keys = new ArrayList<>();
    private final ArrayList<String> values = new ArrayList<>();

    /** From alternating keys and values. */
    public static StringPairs of(String... keysAndValues) {
        StringPairs pairs = new StringPairs();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            pairs.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return pairs;
    }

    public StringPairs put(String key, String value) {
        int i = indexOf(key);
        if (i >= 0) {
            values.set(i, value);
        } else {
            keys.add(key);
            values.add(value);
        }
        return this;
    }

    public StringPairs putAll(StringPairs other) {
        for (int i = 0; i < other.size(); i++) {
            put(other.key(i), other.value(i));
        }
        return this;
    }

    /** The value, or null when the key is absent. */
    public String get(String key) {
        int i = indexOf(key);
        return i >= 0 ? values.get(i) : null;
    }

    public int size() {
        return keys.size();
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public String key(int i) {
        return keys.get(i);
    }

    public String value(int i) {
        return values.get(i);
    }

    public StringPairs copy() {
        return new StringPairs().putAll(this);
    }

    /**
     * Compared pair by pair with {@code String.equals}: {@code List.equals} would call {@code equals} on whatever any
     * list of the bundle holds, which makes every record's generated {@code equals} reachable (about 300 B gzip).
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StringPairs p) || p.size() != size()) {
            return false;
        }
        for (int i = 0; i < size(); i++) {
            if (!same(keys.get(i), p.keys.get(i)) || !same(values.get(i), p.values.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Index of the key, -1 when absent (a loop on {@code String.equals}, for the reason given at {@link #equals}). */
    private int indexOf(String key) {
        for (int i = 0; i < keys.size(); i++) {
            if (same(keys.get(i), key)) {
                return i;
            }
        }
        return -1;
    }

    static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    @Override
    public int hashCode() {
        return keys.hashCode() * 31 + values.hashCode();
    }

    /** UTF-8 bytes of every key and value together: what the service counts against its custom-data limit. */
    public int utf8Bytes() {
        int bytes = 0;
        for (int i = 0; i < size(); i++) {
            bytes += utf8Length(key(i)) + utf8Length(value(i));
        }
        return bytes;
    }

    /** UTF-8 bytes of {@code s}, counted as the service counts them (§5.12). */
    public static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (isSurrogate(c, HIGH) && i + 1 < s.length() && isSurrogate(s.charAt(i + 1), LOW)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static final int HIGH = 0xD800;
    private static final int LOW = 0xDC00;

    /**
     * Masks, not {@code Character.isHighSurrogate}: that would bring {@code Character}'s class initialisation (a
     * cache of 128 boxes) into the bundle for two comparisons.
     */
    private static boolean isSurrogate(char c, int half) {
        return (c & 0xFC00) == half;
    }
}
