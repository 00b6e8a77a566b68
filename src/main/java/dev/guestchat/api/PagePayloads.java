package dev.guestchat.api;

import dev.guestchat.core.ChatEntry;
import dev.guestchat.core.SessionState;
import dev.guestchat.core.UploadStatus;
import dev.guestchat.core.WidgetError;
import dev.guestchat.protocol.StringPairs;
import dev.guestchat.ui.FailureTexts;
import dev.guestchat.ui.Strings;
import org.teavm.jso.JSObject;

/**
 * The session's events as a page's {@code on()} listeners get them: plain objects (README, {@code web/headless.d.ts}).
 * Names: {@code message}, {@code message-status}, {@code message-update}, {@code message-removed}, {@code reset},
 * {@code restored}, {@code typing}, {@code state}, {@code ended}, {@code error}, {@code upload-progress},
 * {@code uploads-allowed}.
 */
final class PagePayloads implements SessionEvents {
    private final EventHub listeners;

    PagePayloads(EventHub listeners) {
        this.listeners = listeners;
    }

    /** The customer's words for a failure, in English. */
    String text(WidgetError error) {
        return text(error, StringPairs.of(FailureTexts.EN));
    }

    /** The same in the panel's language. */
    static String text(WidgetError error, Strings strings) {
        return text(error, strings.all());
    }

    /** The catalogue's words for the failure's reason (or code), else the service's text, else a generic one. */
    private static String text(WidgetError error, StringPairs words) {
        String text = words.get(FailureTexts.key(error.reason(), error.code()));
        return text != null ? text : error.message() != null ? error.message() : words.get("server-error");
    }

    @Override
    public void message(ChatEntry message, boolean restored) {
        listeners.emit("message", Payloads.message(MessageJson.of(message, restored)));
    }

    @Override
    public void messageStatus(ChatEntry message) {
        listeners.emit("message-status", Payloads.message(MessageJson.of(message, false)));
    }

    @Override
    public void messageUpdate(ChatEntry message) {
        listeners.emit("message-update", Payloads.message(MessageJson.of(message, false)));
    }

    @Override
    public void messageRemoved(ChatEntry message) {
        listeners.emit("message-removed", Payloads.message(MessageJson.of(message, false)));
    }

    @Override
    public void reset() {
        listeners.emit("reset", Payloads.empty());
    }

    @Override
    public void restored(int count) {
        listeners.emit("restored", Payloads.count(count));
    }

    @Override
    public void typing(boolean agentTyping) {
        listeners.emit("typing", Payloads.typing(agentTyping));
    }

    @Override
    public void state(SessionState state) {
        listeners.emit("state", Payloads.state(state.wire));
    }

    @Override
    public void ended(boolean byCustomer) {
        listeners.emit("ended", Payloads.ended(byCustomer));
    }

    @Override
    public void error(WidgetError error) {
        JSObject payload = Payloads.error(error, text(error));
        listeners.emit("error", payload);
        // a sign-in's end is also an event of its own, so that a page need not sort reasons to hear it
        if (error.reason().equals("auth-required")) {
            listeners.emit("auth-required", payload);
        } else if (error.reason().equals("signed-out")) {
            listeners.emit("signed-out", payload);
        }
    }

    @Override
    public void uploadProgress(UploadStatus upload) {
        listeners.emit("upload-progress", upload == null ? Payloads.upload(null, 0, false, false)
                : Payloads.upload(upload.fileName(), upload.percent(), upload.ready(), true));
    }

    @Override
    public void uploadsAllowed(boolean allowed) {
        listeners.emit("uploads-allowed", Payloads.allowed(allowed));
    }
}
