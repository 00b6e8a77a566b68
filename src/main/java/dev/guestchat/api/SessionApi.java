package dev.guestchat.api;

import dev.guestchat.browser.BrowserFiles;
import dev.guestchat.core.WidgetError;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;

/**
 * The headless session as pages see it ({@code GuestChat.session(options)}; typed in {@code web/headless.d.ts}):
 * the {@link HeadlessSession}'s commands with JS values, and its events as plain objects for {@code on()}.
 */
public final class SessionApi {
    /** The session these exports drive. */
    private final HeadlessSession session;
    /** The page's listeners by event name. */
    private final EventHub listeners = new EventHub();
    /** Writes the session's events for {@link #listeners}. */
    private final PagePayloads payloads = new PagePayloads(listeners);

    SessionApi(WidgetOptions options, SignIn signIn) {
        this.session = new HeadlessSession(options, payloads, signIn);
    }

    /** Looks for a stored conversation a tick later, so that listeners registered right after creation hear everything. */
    void startSoon() {
        // a lambda, not session::start: a method reference on a field brings a null check and its exception along
        session.scheduler.schedule(0, () -> session.start());
    }

    /** Connects now (the page's chat UI opened), or takes the chat back after another window took it over. */
    @JSExport
    public void connect() {
        session.connect();
    }

    /** Sends the customer's text (with the attached file when it is ready); its id on this page, null when refused. */
    @JSExport
    public String send(String text) {
        return session.send(text);
    }

    /**
     * Answers a quick reply or a card's Postback button as the {@code message} event gave it ({@code text},
     * {@code payload}, {@code messageId}, {@code kind}); its id on this page, null when refused.
     */
    @JSExport
    public String reply(JSObject button) {
        session.alive();
        String text = JsOptions.str(button, "text");
        return text == null ? null : session.answer(text, JsOptions.str(button, "payload"),
                JsOptions.str(button, "messageId"), "Button".equals(JsOptions.str(button, "kind")) ? "Button" : "QuickReply");
    }

    /** The customer is typing (call on input): the agent may see it, at most one Typing event per 5 s. */
    @JSExport
    public void typing() {
        session.typing();
    }

    /** Attaches a {@code File}: it uploads at once and goes with the next message; false when it was refused. */
    @JSExport
    public boolean attach(JSObject file) {
        session.alive();
        return file != null && session.attach(BrowserFiles.of(file));
    }

    /** Removes the attached file, cancelling its upload. */
    @JSExport
    public void removeAttachment() {
        session.removeAttachment();
    }

    /** A file of a message could not be loaded (an image's {@code error}): its address may have expired; renew it. */
    @JSExport
    public void refreshFile(String attachmentId) {
        session.refreshFile(attachmentId);
    }

    /** Ends the conversation (Presence Clear); resolves when the service confirmed, rejects with the error. */
    @JSExport
    public JSObject end() {
        session.alive();
        return PageJs.promise((resolve, reject) -> session.end((ended, error) -> {
            if (ended) {
                PageJs.call(resolve, Payloads.empty());
            } else {
                PageJs.call(reject, Payloads.error(error, payloads.text(error)));
            }
        }));
    }

    /** After an end: a new, empty conversation. */
    @JSExport
    public void startNew() {
        session.startNew();
    }

    /**
     * Signs the customer out everywhere: their JWT is revoked, every tab and device of theirs stops its chat
     * ({@code error} reason {@code signed-out}), and the stored tokens are cleared. Nothing for a guest.
     */
    @JSExport
    public void signOut() {
        session.signOut();
    }

    /** Custom attributes sent with the next customer message; throws (and emits {@code error}) above the limit. */
    @JSExport
    public void setCustomAttributes(JSObject attributes) {
        session.alive();
        WidgetError problem = session.setCustomAttributes(JsOptions.strings(attributes));
        if (problem != null) {
            JsOptions.fail(problem.message());
        }
    }

    /** {@code idle}, {@code connecting}, {@code connected}, {@code reconnecting}, {@code ending}, {@code ended}, … */
    @JSExport
    public String state() {
        return session.state().wire;
    }

    /** The transcript as plain objects, oldest first. */
    @JSExport
    public JSObject messages() {
        session.alive();
        return Payloads.messages(MessageJson.all(session.transcript()));
    }

    @JSExport
    public void on(String event, JSObject listener) {
        session.alive();
        if (!JsOptions.listed(Events.NAMES, event)) {
            PageJs.warn("guest-chat: no such event: " + event);
        }
        listeners.on(event, listener);
    }

    @JSExport
    public void off(String event, JSObject listener) {
        session.alive();
        listeners.off(event, listener);
    }

    /** Closes the socket and removes every listener and timer; the conversation itself is left as it is. */
    @JSExport
    public void destroy() {
        session.destroy();
        listeners.clear();
    }

    /**
     * Event names a page may listen to; {@code on()} warns about any other (a typo would otherwise be silent). In a
     * class of its own: a static field of the API class itself would put an initialisation check at the start of
     * every export.
     */
    private static final class Events {
        static final String[] NAMES = {"message", "message-status", "message-update", "message-removed", "reset",
            "restored", "typing", "state", "ended", "error", "upload-progress", "uploads-allowed", "auth-required",
            "signed-out"};
    }
}
