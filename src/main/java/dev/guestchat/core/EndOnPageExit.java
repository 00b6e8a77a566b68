package dev.guestchat.core;

/** Option {@code endOnPageExit} (DESIGN.md §3); constants, not an enum, as {@link SessionState} says why. */
public final class EndOnPageExit {
    /** End on every exit except a same-site navigation the widget saw coming (default). */
    public static final EndOnPageExit LEAVE = new EndOnPageExit();
    /** End on every exit of the last tab, same-site navigations included. */
    public static final EndOnPageExit ALWAYS = new EndOnPageExit();
    /** Never end on exit; only End chat ends. */
    public static final EndOnPageExit NEVER = new EndOnPageExit();

    private EndOnPageExit() {
    }

    public static EndOnPageExit parse(String value) {
        if ("always".equals(value)) {
            return ALWAYS;
        }
        if ("never".equals(value)) {
            return NEVER;
        }
        return LEAVE;
    }
}
