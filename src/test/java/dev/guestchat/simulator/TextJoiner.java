package dev.guestchat.simulator;

/** A JDK WebSocket hands text frames over in parts; this joins them and answers each whole frame once. */
public final class TextJoiner {
    private final StringBuilder partial = new StringBuilder();

    /** The whole frame when {@code last}, else null (more parts are coming). */
    public String add(CharSequence data, boolean last) {
        partial.append(data);
        if (!last) {
            return null;
        }
        String text = partial.toString();
        partial.setLength(0);
        return text;
    }
}
