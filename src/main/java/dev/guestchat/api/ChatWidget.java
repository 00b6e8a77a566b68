package dev.guestchat.api;

import dev.guestchat.core.SessionState;
import dev.guestchat.core.WidgetError;
import dev.guestchat.ui.Strings;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;

/**
 * One widget on the page: a {@link HeadlessSession} whose client is the panel ({@link PanelClient}: it draws and
 * tells the host page). Its {@code @JSExport} methods are the public JS API returned by {@code GuestChat.init}.
 */
public final class ChatWidget {
    /** The options the page gave {@code init} (or the script tag's {@code data-*}). */
    private final WidgetOptions options;
    /** The host page's listeners. */
    private final EventHub events = new EventHub();
    /** The conversation, as any page with its own UI would have it. */
    private final HeadlessSession session;
    /** The panel, drawn from the session's events. */
    private final PanelClient panel;
    /** Set by {@link #destroy()}; every call after it is ignored. */
    private boolean destroyed;

    ChatWidget(WidgetOptions options, SignIn signIn) {
        this.options = options;
        Strings strings = new Strings(options.language() != null
                ? Strings.choose(new String[] {JsOptions.lower(options.language())}) : Strings.choose(JsOptions.languages()));
        this.panel = new PanelClient(this, events, options, strings);
        this.session = new HeadlessSession(options, panel, signIn);
        panel.drive(session);
        CatalogueLoader.load(options, strings, session.scheduler, () -> PageJs.whenBodyReady(this::mount));
    }

    private void mount() {
        if (destroyed) {
            return;
        }
        panel.mount(options);
        CatalogueLoader.followDeployment(options, panel.strings, session.scheduler, session.deploymentConfig,
                panel::relocalize);
        session.start();
        if (panel.panel.isOpen()) {
            panel.focusComposer(); // open() came before the panel was on the page (a first stage's click)
        } else if ((panel.panel.isInline() || session.store.panelOpen()) && session.currentState() != SessionState.FAILED) {
            open(); // the customer had the chat open on the previous page
        }
        if (session.currentState() != SessionState.FAILED) {
            events.emit("ready", Payloads.empty()); // a chat that cannot start is not ready: its error said why
        }
    }

    // ------------------------------------------------------------------ public JS API

    @JSExport
    public void open() {
        if (destroyed) {
            return;
        }
        panel.panel.setOpen(true);
        session.store.panelOpen(true);
        session.connect();
        panel.render();
        panel.focusComposer();
        panel.showUnreadInTitle(0);
        events.emit("open", Payloads.empty());
        events.emit("unread", Payloads.count(0));
    }

    /** Hides the panel; never ends anything. */
    @JSExport
    public void minimize() {
        if (destroyed || panel.panel.isInline()) {
            return; // an inline chat is part of the page: nothing to minimise
        }
        panel.panel.setOpen(false);
        session.store.panelOpen(false);
        panel.render();
        panel.focusLauncher();
        events.emit("minimize", Payloads.empty());
    }

    /** Focuses the launcher, or the composer while the panel is open (the first stage hands keyboard focus over). */
    @JSExport
    public void focus() {
        if (destroyed || !panel.mounted()) {
            return;
        }
        if (panel.panel.isOpen()) {
            panel.focusComposer();
        } else {
            panel.focusLauncher();
        }
    }

    /** Ends the conversation (Presence Clear) without asking; resolves when the server confirmed it. */
    @JSExport
    public JSObject end() {
        return PageJs.promise((resolve, reject) -> session.end((ended, error) -> {
            if (ended) {
                PageJs.call(resolve, Payloads.empty());
            } else {
                PageJs.call(reject, Payloads.error(error, panel.customerText(error)));
            }
        }));
    }

    @JSExport
    public void startNew() {
        if (!destroyed) {
            panel.startNew();
        }
    }

    /** Signs the customer out everywhere (their JWT revoked, every tab's chat stopped); nothing for a guest. */
    @JSExport
    public void signOut() {
        if (!destroyed) {
            session.signOut();
        }
    }

    /** Sends a customer message as if typed; false when nothing could be queued. */
    @JSExport
    public boolean send(String text) {
        if (destroyed) {
            return false;
        }
        boolean queued = session.send(text) != null;
        panel.render();
        return queued;
    }

    /**
     * Custom attributes ({@code channel.metadata.customAttributes}) sent with the customer's next message.
     * Throws an Error (and emits {@code error}) when keys and values exceed 2,048 UTF-8 bytes.
     */
    @JSExport
    public void setCustomAttributes(JSObject attributes) {
        WidgetError problem = session.setCustomAttributes(JsOptions.strings(attributes));
        if (problem != null) {
            JsOptions.fail(problem.message());
        }
    }

    @JSExport
    public void on(String event, JSObject listener) {
        events.on(event, listener);
    }

    @JSExport
    public void off(String event, JSObject listener) {
        events.off(event, listener);
    }

    /** The session state, lower case ({@code idle}, {@code connected}, {@code ended}, …). */
    @JSExport
    public String state() {
        return session.currentState().wire;
    }

    /** Removes every listener, timer, socket and DOM node; the conversation itself is left as it is. */
    @JSExport
    public void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        panel.destroy();
        session.destroy();
        events.clear();
    }
}
