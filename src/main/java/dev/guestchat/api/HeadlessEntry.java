package dev.guestchat.api;

import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;

/**
 * The headless bundle's entry point ({@code guest-chat-headless.js} sets {@code GuestChat.session};
 * {@code guest-chat-headless.mjs} exports {@code session}): the chat session without any UI, for pages that draw
 * their own.
 */
public final class HeadlessEntry {
    /** The options a session takes; others are reported once on the console (the widget's UI options among them). */
    static final String[] OPTIONS = {"deploymentId", "region", "websocketUrl", "apiUrl", "endOnPageExit"};

    private HeadlessEntry() {
    }

    public static void main(String[] args) {
        // nothing: a page calls session()
    }

    /**
     * {@code GuestChat.session({deploymentId, region | websocketUrl + apiUrl, endOnPageExit})}. The session looks for
     * a stored conversation a tick later, so that listeners registered right after this call hear everything.
     */
    @JSExport
    public static SessionApi session(JSObject options) {
        WidgetOptions.warnUnknown(options, OPTIONS);
        SessionApi session = new SessionApi(WidgetOptions.forSession(options));
        session.startSoon();
        return session;
    }
}
