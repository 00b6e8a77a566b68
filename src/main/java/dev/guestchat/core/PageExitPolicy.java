package dev.guestchat.core;

/**
 * Decides what a {@code pagehide} does (DESIGN.md §3). {@code persisted} is deliberately not an input:
 * modern Chromium sends most real exits through the back/forward cache, so it does not say the customer stays.
 */
public final class PageExitPolicy {
    /** How long a seen same-site link click or form submit explains a following pagehide. */
    public static final int SAME_SITE_WINDOW_MILLIS = 5_000;

    // What a pagehide does: int constants rather than an enum, which would cost the bundle a class.
    /** Send Presence Clear now, synchronously, on the open socket. */
    public static final int END_NOW = 0;
    /** Clear cannot be sent now (socket down): remember it and send it first on the next connection. */
    public static final int END_LATER = 1;
    /** Keep the conversation; close the socket so the page can enter the back/forward cache. */
    public static final int CLOSE_SOCKET = 2;
    /** No socket and nothing to end. */
    public static final int NOTHING = 3;

    /**
     * @param conversationActive guest or agent activity since the last start, not yet ended
     * @param socketOpen         the socket is OPEN (a send would leave the machine)
     * @param otherTabsHoldChat  another tab still shows this chat: the customer has not left
     * @param sameSiteNavigation a same-origin link click / form submit / navigate was seen just before
     */
    public static int decide(EndOnPageExit mode, boolean conversationActive, boolean socketOpen,
                                  boolean otherTabsHoldChat, boolean sameSiteNavigation) {
        boolean end = conversationActive && !otherTabsHoldChat
                && (mode == EndOnPageExit.ALWAYS || mode == EndOnPageExit.LEAVE && !sameSiteNavigation);
        if (end) {
            return socketOpen ? END_NOW : END_LATER;
        }
        return socketOpen ? CLOSE_SOCKET : NOTHING;
    }

    private PageExitPolicy() {
    }
}
