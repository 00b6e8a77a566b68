package dev.guestchat.ui;

/** What the panel's controls ask for; the api room connects them to the session and the host's events. */
public interface PanelActions {
    void open();

    void minimize();

    /** End chat, after the customer confirmed (or without asking when confirmation is off). */
    void end();

    void startNew();

    void send(String text);

    /**
     * The customer picked a quick reply or a card's button: {@code messageId} is the message that offered it,
     * {@code kind} the ButtonResponse type ({@code QuickReply} or {@code Button}).
     */
    void choose(String text, String payload, String messageId, String kind);

    /** The customer removed the attached file (cancelling its upload). */
    void removeFile();

    /** Take the chat back after another window took it over. */
    void reconnect();
}
