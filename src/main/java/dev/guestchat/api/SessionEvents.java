package dev.guestchat.api;

import dev.guestchat.core.ChatEntry;
import dev.guestchat.core.SessionState;
import dev.guestchat.core.UploadStatus;
import dev.guestchat.core.WidgetError;

/**
 * The headless session's events, as its client hears them: a page's {@code on()} listeners (through
 * {@link PagePayloads}) or the widget's panel ({@link PanelClient}).
 */
interface SessionEvents {
    /** A transcript row this page has not announced yet: said just now, or {@code restored} from history. */
    void message(ChatEntry message, boolean restored);

    /** A row already announced changed its delivery status, and with the acknowledgement its id. */
    void messageStatus(ChatEntry message);

    /** A row already announced changed otherwise (a file's renewed download address). */
    void messageUpdate(ChatEntry message);

    /** A row already announced is gone: it was a second copy of a message another row shows. */
    void messageRemoved(ChatEntry message);

    /** The transcript was emptied: a new conversation starts (Start new chat, or after an end). */
    void reset();

    /** A page of history was merged in; {@code count} of its rows were new to this page. */
    void restored(int count);

    /** The agent started or stopped typing. */
    void typing(boolean agentTyping);

    void state(SessionState state);

    /** The conversation ended; {@code byCustomer} is false for an agent's disconnect and expiry. */
    void ended(boolean byCustomer);

    void error(WidgetError error);

    /** The customer's file on its way to a message changed (progress, ready); null when there is none any more. */
    void uploadProgress(UploadStatus upload);

    /** Whether this deployment takes files from customers. */
    void uploadsAllowed(boolean allowed);
}
