package dev.guestchat.api;

import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;

/**
 * The signed-in full widget's entry point ({@code guest-chat-full-signed-in.js} / {@code .mjs}), which the first
 * stage fetches in place of the guest one when the page gives {@code auth} or the browser holds a signed-in
 * customer's tokens: the widget with authenticated web messaging.
 */
public final class SignedInChatEntry {
    private SignedInChatEntry() {
    }

    public static void main(String[] args) {
        // nothing: the first stage, or the wrapper, calls init()
    }

    /** {@code GuestChat.init({..., auth})}: without {@code auth} or stored tokens the customer chats as a guest. */
    @JSExport
    public static ChatWidget init(JSObject options) {
        return new ChatWidget(WidgetOptions.from(options), BrowserSignIn.of(options));
    }

    /** Script-tag embedding: a tag carries no grant, so the chat is signed in only on the tokens the browser holds. */
    @JSExport
    public static ChatWidget autoInit() {
        JSObject options = GuestChatEntry.scriptDataset();
        return options == null ? null : init(options);
    }
}
