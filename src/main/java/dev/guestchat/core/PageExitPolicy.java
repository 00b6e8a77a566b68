package dev.guestchat.core;

/**
 * Decides what a {@code pagehide} does (DESIGN.md §3). {@code persisted} is deliberately not an input:
 * modern Chromium sends most real exits through the back/forward cache, so it does not say the customer stays.
 */
public final class PageExitPolicy {
    /** How long a seen same-site link click or form submit explains a following pagehide. */
    public static final int SAME_SITE_WINDOW_MILLIS = 5_000;

    public enum Decision {
        /** Send Presence Clear now, synchronously, on the open socket. */
        END_NOW,
        /** Clear cannot be sent now (socket down): remember it and send it first on the next connection. */
        END_LATER,
        /** Keep the conversation; close the socket so the page can enter the back/forward cache. */
        CLOSE_SOCKET,
        /** No socket and nothing to end. */
        NOTHING
    }

    /**
     * @param conversationActive guest or agent activity since the last start, not yet ended
     * @param socketOpen         the socket is OPEN (a send would leave the machine)
     * @param otherTabsHoldChat  another tab still shows this chat: the customer has not left
     * @param sameSiteNavigation a same-origin link click / form submit / navigate was seen just before
     */
    public static Decision decide(EndOnPageExit mode, boolean conversationActive, boolean socketOpen,
                                  boolean otherTabsHoldChat, boolean sameSiteNavigation) {
        boolean end = conversationActive && !otherTabsHoldChat
                && (mode == EndOnPageExit.ALWAYS || mode == EndOnPageExit.LEAVE && !sameSiteNavigation);
        if (end) {
            return socketOpen ? Decision.END_NOW : Decision.END_LATER;
        }
        return socketOpen ? Decision.CLOSE_SOCKET : Decision.NOTHING;
    }

    private PageExitPolicy() {
    }
}
