package dev.guestchat.core;

import java.util.List;

/** What the session tells the UI and the host page. Called on the session's thread (the page's event loop). */
public interface SessionObserver {
    void stateChanged(SessionState state);

    /**
     * The whole transcript after any change; the UI renders it as text. {@code restored}: the change is a page of
     * history (rows said before this page, or while the socket was down), not something said just now.
     */
    void transcriptChanged(List<ChatEntry> rows, boolean restored);

    /** A new message from the agent, bot or another tab — for {@code message} events and unread counts. */
    void messageReceived(ChatEntry entry);

    void agentTyping(boolean typing);

    void error(WidgetError error);

    /** The conversation ended; {@code byCustomer} is false for agent disconnects and expiry. */
    void ended(boolean byCustomer);

    /** The file waiting to be sent changed (progress, ready); null when there is none any more. */
    void uploadChanged(UploadStatus upload);

    /** Whether this deployment takes files from customers (the attach button shows only then). */
    void uploadsAllowed(boolean allowed);
}
