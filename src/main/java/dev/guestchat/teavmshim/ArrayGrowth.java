package dev.guestchat.teavmshim;

/** The larger backing array {@link PlainArrayListGrowth} gives an {@code ArrayList}. */
public final class ArrayGrowth {
    private ArrayGrowth() {
    }

    /** {@code array} itself when it holds {@code min} already, else a copy with room for twice as many and 5 more. */
    public static Object[] grow(Object[] array, int min) {
        if (array.length >= min) {
            return array;
        }
        Object[] grown = new Object[Math.max(min, array.length * 2 + 5)];
        for (int i = 0; i < array.length; i++) {
            grown[i] = array[i];
        }
        return grown;
    }
}
