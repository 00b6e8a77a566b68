package dev.guestchat.ui;

/**
 * The English words for every failure the customer is told about, by reason. The panel's catalogue ({@link Strings})
 * starts from them and translates them; a page with its own UI gets them in its {@code error} events. They are kept
 * apart from the panel's labels so that the headless session carries these and none of the labels.
 */
public final class FailureTexts {
    /** Reason and text pairs, as in {@link Strings#EN}. */
    public static final String[] EN = {
        "clear-disabled", "Ending the chat isn't available here. You can simply close this window; an agent will see your messages.",
        "end-timeout", "The chat could not be ended. Please try again.",
        "end-failed", "The chat could not be ended. Please try again.",
        "unreachable", "Can't reach the chat service. Retrying…",
        "connection-lost", "Connection lost. Reconnecting…",
        "connection-closed", "This chat was opened in another window. Open it here to continue.",
        "session-expired", "This chat expired. Start a new chat to continue.",
        "auth-required", "Please sign in to chat with us.",
        "signed-out", "You signed out. Sign in again to continue the chat.",
        "signed-in-elsewhere", "You signed in on another device. Continue here to chat on this one.",
        "cannot-send", "Messages can't be sent right now.",
        "read-only", "This conversation has ended. Start a new chat to write again.",
        "too-long", "That message is too long to send.",
        "upload-refused", "This file can't be sent: its type isn't accepted here.",
        "upload-too-big", "This file is too large to send.",
        "upload-failed", "The file could not be sent. Please try again.",
        "upload-busy", "Please wait until the file has uploaded.",
        "message-rejected", "That message could not be sent.",
        "message-not-sent", "Some messages could not be sent before the chat ended.",
        "outbox-full", "Too many messages are still being sent. Please wait a moment.",
        "server-error", "The chat service reported an error.",
        "missing-deployment-id", "Chat is not available: the page did not configure a deployment.",
        "unknown-deployment", "Chat is not available: this site's chat is not set up.",
    };

    private FailureTexts() {
    }

    /** The catalogue key of a failure: its reason, unless its code says more (or the customer can only wait). */
    public static String key(String reason, int code) {
        return code == 409 ? "read-only" : code == 4011 ? "too-long" : code == 4002 ? "upload-too-big"
                : reason.equals("origin-not-allowed") ? "unreachable" : reason; // still retrying: the customer can only wait
    }
}
