package dev.guestchat.api;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;

/**
 * The bundle's entry point. The build wraps TeaVM's output so these exports become {@code window.GuestChat}
 * ({@code GuestChat.init}, {@code GuestChat.autoInit}); nothing else is global.
 */
public final class GuestChatEntry {
    private GuestChatEntry() {
    }

    public static void main(String[] args) {
        // nothing: the wrapper calls autoInit() while document.currentScript is still this script
    }

    /**
     * {@code GuestChat.init({deploymentId, region | websocketUrl + apiUrl, endOnPageExit, confirmEnd, title})}; a
     * signed-in customer's {@code auth} needs {@link SignedInChatEntry}'s bundle, which the first stage picks.
     */
    @JSExport
    public static ChatWidget init(JSObject options) {
        if (JsOptions.auth(options) != null) {
            PageJs.warn("guest-chat: auth needs guest-chat-full-signed-in.js");
        }
        return new ChatWidget(WidgetOptions.from(options), null);
    }

    /** Script-tag embedding: initialises from the tag's {@code data-*} attributes, or returns null. */
    @JSExport
    public static ChatWidget autoInit() {
        JSObject options = scriptDataset();
        return options == null ? null : init(options);
    }

    @JSBody(script = "return scriptOptions();")
    static native JSObject scriptDataset();
}
