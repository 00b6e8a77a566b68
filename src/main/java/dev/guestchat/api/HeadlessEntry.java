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
        if (JsOptions.auth(options) != null) {
            PageJs.warn("guest-chat: auth needs guest-chat-headless-signed-in.js");
        }
        return open(options, OPTIONS, null);
    }

    /** A session for the page's options, told apart by the bundle: its known options, and its sign-in or none. */
    static SessionApi open(JSObject options, String[] known, SignIn signIn) {
        WidgetOptions.warnUnknown(options, known);
        SessionApi session = new SessionApi(WidgetOptions.forSession(options), signIn);
        session.startSoon();
        return session;
    }
}
