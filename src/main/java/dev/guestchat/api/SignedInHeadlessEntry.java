package dev.guestchat.api;

import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;

/**
 * The signed-in headless bundle's entry point ({@code guest-chat-headless-signed-in.js} /
 * {@code .mjs}; npm {@code guest-chat-widget/headless-signed-in}): the headless session with the {@code auth} option
 * of authenticated web messaging. Sites without signed-in customers use {@link HeadlessEntry}, which carries no
 * sign-in code.
 */
public final class SignedInHeadlessEntry {
    /** The options a signed-in session takes: a guest's, and {@code auth}. */
    static final String[] OPTIONS = {"deploymentId", "region", "websocketUrl", "apiUrl", "endOnPageExit", "auth"};

    private SignedInHeadlessEntry() {
    }

    public static void main(String[] args) {
        // nothing: a page calls session()
    }

    /** {@code GuestChat.session({..., auth})}: without {@code auth} or stored tokens the customer chats as a guest. */
    @JSExport
    public static SessionApi session(JSObject options) {
        return HeadlessEntry.open(options, OPTIONS, BrowserSignIn.of(options));
    }
}
