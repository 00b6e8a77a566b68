package dev.guestchat.core;

/** Option {@code endOnPageExit} (DESIGN.md §3). */
public enum EndOnPageExit {
    /** End on every exit except a same-site navigation the widget saw coming (default). */
    LEAVE,
    /** End on every exit of the last tab, same-site navigations included. */
    ALWAYS,
    /** Never end on exit; only End chat ends. */
    NEVER;

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
