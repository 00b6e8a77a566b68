package dev.guestchat.api;

import dev.guestchat.core.ChatEntry;
import dev.guestchat.core.Ports;
import dev.guestchat.core.SessionState;
import org.teavm.jso.JSObject;
import dev.guestchat.core.UploadStatus;
import dev.guestchat.core.WidgetError;
import dev.guestchat.ui.ChatPanel;
import dev.guestchat.ui.PanelActions;
import dev.guestchat.ui.ShadowHost;
import dev.guestchat.ui.Strings;

/**
 * The widget's panel as the client of a headless session: it draws from the session's events, tells the widget's
 * host page what it should hear of them, and answers the panel's buttons, keys and files with the session's own
 * commands. Opening and minimising are the widget's (its public API). Every change of one event is drawn once
 * ({@link ShadowHost} batches).
 */
final class PanelClient implements SessionEvents, PanelActions, ShadowHost.Keys, ShadowHost.Files {
    /** The session whose events this panel draws and whose commands its controls give; set once by {@link #drive}. */
    private HeadlessSession session;
    /** The widget this panel belongs to: opening and minimising are its commands. */
    private final ChatWidget widget;
    /** The widget's host page's listeners ({@code chat.on}). */
    private final EventHub events;
    /** The message catalogue in use; filled before the panel is first drawn. */
    final Strings strings;
    /** What the panel shows, as a view model; ShadowHost draws it. */
    final ChatPanel panel;
    /** The drawn panel; null until the document has a body, and after {@link #destroy()}. */
    private ShadowHost host;
    /** The page's title while we prefix it with the unread count; null when the title is the page's own. */
    private String pageTitle;
    /** The notice shown is about reaching the service (unreachable, connection lost); false for any other or none. */
    private boolean outageNotice;

    PanelClient(ChatWidget widget, EventHub events, WidgetOptions options, Strings strings) {
        this.widget = widget;
        this.events = events;
        this.strings = strings;
        this.panel = new ChatPanel(this, new ChatPanel.Composer() {
            @Override
            public String take() {
                return host != null ? host.takeComposerText() : "";
            }

            @Override
            public void focusSoon(String selector) {
                if (host != null) {
                    host.focusSoon(selector);
                }
            }

            @Override
            public void pickFile() {
                if (host != null) {
                    host.pickFile();
                }
            }
        }, strings, options.title(), options.confirmEnd(), options.container() != null);
    }

    /** The session is made with this panel as its client; the panel then drives it. */
    void drive(HeadlessSession session) {
        this.session = session;
    }

    /** Puts the panel on the page (the document has a body, the catalogue is in). */
    void mount(WidgetOptions options) {
        host = new ShadowHost(panel, this, this, options.container(), options.theme(), strings);
        render(); // the model followed the session's events before there was a panel to draw
    }

    void relocalize() {
        if (host != null) {
            host.relocalize(strings);
        }
    }

    boolean mounted() {
        return host != null;
    }

    void render() {
        if (host != null) {
            host.update();
        }
    }

    void focusComposer() {
        if (host != null) {
            host.focusComposer();
        }
    }

    void focusLauncher() {
        if (host != null) {
            host.focusLauncher();
        }
    }

    void destroy() {
        showUnreadInTitle(0);
        if (host != null) {
            host.destroy();
            host = null;
        }
    }

    /** "(2) Page title" while minimised with unread messages; the page's own title otherwise. */
    void showUnreadInTitle(int unread) {
        if (unread > 0 && pageTitle == null) {
            pageTitle = PageJs.title();
        }
        if (pageTitle != null) {
            PageJs.title(unread > 0 ? "(" + unread + ") " + pageTitle : pageTitle);
            if (unread == 0) {
                pageTitle = null;
            }
        }
    }

    /** The customer's words for a failure, in the panel's language. */
    String customerText(WidgetError error) {
        return PagePayloads.text(error, strings);
    }

    // ------------------------------------------------------------------ the session's events

    /** The host hears of live agent and bot messages only: the widget's {@code message} is what the customer is told. */
    @Override
    public void message(ChatEntry message, boolean restored) {
        rowsChanged();
        ChatEntry.Sender from = message.sender();
        if (restored || from != ChatEntry.Sender.AGENT && from != ChatEntry.Sender.BOT) {
            return;
        }
        panel.messageArrived();
        events.emit("message", Payloads.message(message.key(), from.wire, message.name(), message.text(), message.time()));
        if (!panel.isOpen()) {
            showUnreadInTitle(panel.getUnread());
            events.emit("unread", Payloads.count(panel.getUnread()));
        }
    }

    @Override
    public void messageStatus(ChatEntry message) {
        rowsChanged();
    }

    @Override
    public void messageUpdate(ChatEntry message) {
        rowsChanged();
    }

    @Override
    public void messageRemoved(ChatEntry message) {
        rowsChanged();
    }

    @Override
    public void reset() {
        rowsChanged();
    }

    @Override
    public void restored(int count) {
        // the restored rows came as message events: the panel drew them already
    }

    private void rowsChanged() {
        panel.setRows(session.transcript());
        render();
    }

    @Override
    public void typing(boolean agentTyping) {
        panel.setAgentTyping(agentTyping);
        render();
    }

    @Override
    public void state(SessionState state) {
        panel.setState(state);
        if (state == SessionState.CONNECTED
                || outageNotice && (state == SessionState.ENDED || state == SessionState.READ_ONLY)) {
            panel.setNotice(null); // an outage notice is stale once the service answered (an end kept for it went)
            outageNotice = false;
        }
        render();
        events.emit("state", Payloads.state(state.wire));
    }

    @Override
    public void ended(boolean byCustomer) {
        render();
        events.emit("ended", Payloads.ended(byCustomer));
    }

    @Override
    public void error(WidgetError error) {
        String text = customerText(error);
        if (error.reason().equals("auth-required") || error.reason().equals("signed-out")) {
            panel.signInEnded();
        }
        if (!error.reason().equals("custom-attributes-too-large")) { // the host page's mistake, not the customer's
            panel.setNotice(text);
            outageNotice = error.reason().equals("unreachable") || error.reason().equals("connection-lost");
            render();
        }
        JSObject payload = Payloads.error(error, text);
        events.emit("error", payload);
        // a sign-in's end is also an event of its own, so that a page need not sort reasons to hear it
        if (error.reason().equals("auth-required")) {
            events.emit("auth-required", payload);
        } else if (error.reason().equals("signed-out")) {
            events.emit("signed-out", payload);
        }
    }

    @Override
    public void uploadProgress(UploadStatus upload) {
        panel.setUpload(upload);
        render();
    }

    @Override
    public void uploadsAllowed(boolean allowed) {
        panel.setUploadsAllowed(allowed);
        render();
    }

    // ------------------------------------------------------------------ the panel's controls, as session commands

    @Override
    public void open() {
        widget.open();
    }

    @Override
    public void minimize() {
        widget.minimize();
    }

    /** End chat: the customer learns the outcome through the state and error events. */
    @Override
    public void end() {
        session.end((ended, error) -> {
        });
        render();
    }

    @Override
    public void startNew() {
        session.startNew();
        render();
    }

    @Override
    public void send(String text) {
        session.send(text);
        render();
    }

    @Override
    public void choose(String text, String payload, String messageId, String kind) {
        session.answer(text, payload, messageId, kind);
        render();
    }

    @Override
    public void removeFile() {
        session.removeAttachment();
        render();
    }

    @Override
    public void reconnect() {
        session.connect();
        render();
    }

    @Override
    public void attached(Ports.LocalFile file) {
        session.attach(file);
        render();
    }

    @Override
    public void failedToLoad(String attachmentId) {
        session.refreshFile(attachmentId);
    }

    @Override
    public void enter() {
        panel.submit();
        render();
    }

    @Override
    public void typed() {
        session.typing();
    }

    @Override
    public void escape() {
        if (panel.isConfirming()) {
            panel.cancelEnd(); // Escape leaves the dialog first, then the panel
            render();
        } else if (panel.isOpen()) {
            widget.minimize();
        }
    }
}
