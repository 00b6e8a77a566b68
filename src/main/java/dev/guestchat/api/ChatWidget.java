package dev.guestchat.api;

import dev.guestchat.browser.BrowserDeploymentConfig;
import dev.guestchat.browser.BrowserFiles;
import dev.guestchat.browser.BrowserHistory;
import dev.guestchat.browser.BrowserIds;
import dev.guestchat.browser.BrowserScheduler;
import dev.guestchat.browser.BrowserSocket;
import dev.guestchat.browser.BrowserStore;
import dev.guestchat.browser.EngineTraits;
import dev.guestchat.browser.JsObjectView;
import dev.guestchat.browser.PageLifecycle;
import dev.guestchat.core.Backoff;
import dev.guestchat.core.ChatEntry;
import dev.guestchat.core.GuestSession;
import dev.guestchat.core.SessionConfig;
import dev.guestchat.core.SessionObserver;
import dev.guestchat.core.SessionState;
import dev.guestchat.core.SessionStore;
import dev.guestchat.core.TabRoster;
import dev.guestchat.core.UploadStatus;
import dev.guestchat.core.WidgetError;
import dev.guestchat.ui.ChatPanel;
import dev.guestchat.ui.ShadowHost;
import dev.guestchat.ui.Strings;
import java.util.List;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;

/**
 * One widget on the page: wires the session (core) to the browser adapters, the panel (ui) and the host's
 * events. Its {@code @JSExport} methods are the public JS API returned by {@code GuestChat.init}.
 */
public final class ChatWidget implements SessionObserver, ShadowHost.Keys {
    private final WidgetOptions options;
    private final EventHub events = new EventHub();
    /** The page's timers, shared by the session and the widget's own deferred work. */
    private final BrowserScheduler scheduler = new BrowserScheduler();
    private final GuestSession session;
    private final SessionStore store;
    /** This tab's mark among the tabs that show the chat (last tab out ends it). */
    private final TabRoster tabs;
    private final PageLifecycle lifecycle;
    private final ChatPanel panel;
    /** The panel's buttons and the files it takes in, as widget commands. */
    private final PanelControls controls;
    /** The message catalogue in use; filled before the panel first renders. */
    private final Strings strings;
    /** The rendered panel; null until the document has a body, and after {@link #destroy()}. */
    private ShadowHost host;
    /** Set by {@link #destroy()}; every call after it is ignored. */
    private boolean destroyed;
    /** The page's title while we prefix it with the unread count; null when the title is the page's own. */
    private String pageTitle;

    ChatWidget(WidgetOptions options) {
        this.options = options;
        BrowserStore storage = new BrowserStore();
        BrowserIds ids = new BrowserIds();
        BrowserDeploymentConfig deploymentConfig = new BrowserDeploymentConfig(options.configUrl()); // asked at once
        this.store = new SessionStore(storage, options.deploymentId());
        this.strings = new Strings(options.language() != null ? Strings.choose(new String[] {JsOptions.lower(options.language())})
                : Strings.choose(JsOptions.languages()));
        this.tabs = new TabRoster(storage, scheduler, options.deploymentId(), ids.newId());
        tabs.present();
        this.controls = new PanelControls(this);
        this.panel = new ChatPanel(controls, new ChatPanel.Composer() {
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
        this.session = new GuestSession(
                new SessionConfig(options.deploymentId(), options.websocketUrl(), options.endOnPageExit(),
                        EngineTraits.socketsCloseBeforePageHide()),
                scheduler, BrowserSocket.FACTORY, storage, new BrowserHistory(options.apiUrl()),
                deploymentConfig, ids,
                tabs, JsObjectView.PARSER, this, PageJs::warn, new Backoff(PageJs::random), new BrowserFiles());
        this.lifecycle = new PageLifecycle(new PageExitBridge(session, tabs, this::render));
        CatalogueLoader.load(options, strings, scheduler, () -> PageJs.whenBodyReady(() -> mount(deploymentConfig)));
    }

    private void mount(BrowserDeploymentConfig deploymentConfig) {
        if (destroyed) {
            return;
        }
        host = new ShadowHost(panel, this, controls, options.container(), options.theme(), strings);
        CatalogueLoader.followDeployment(options, strings, scheduler, deploymentConfig, () -> {
            if (host != null) {
                host.relocalize(strings);
            }
        });
        session.start();
        if (panel.isOpen()) {
            host.focusComposer(); // open() came before the panel was on the page (a first stage's click)
        } else if ((panel.isInline() || store.panelOpen()) && session.state() != SessionState.FAILED) {
            open(); // the customer had the chat open on the previous page
        }
        render();
        events.emit("ready", Payloads.empty());
    }

    // ------------------------------------------------------------------ public JS API

    @JSExport
    public void open() {
        if (destroyed) {
            return;
        }
        panel.setOpen(true);
        store.panelOpen(true);
        session.ensureConnected();
        render();
        if (host != null) {
            host.focusComposer();
        }
        showUnreadInTitle(0);
        events.emit("open", Payloads.empty());
        events.emit("unread", Payloads.unread(0));
    }

    /** Hides the panel; never ends anything. */
    @JSExport
    public void minimize() {
        if (destroyed || panel.isInline()) {
            return; // an inline chat is part of the page: nothing to minimise
        }
        panel.setOpen(false);
        store.panelOpen(false);
        render();
        if (host != null) {
            host.focusLauncher();
        }
        events.emit("minimize", Payloads.empty());
    }

    /** Focuses the launcher, or the composer while the panel is open (the first stage hands keyboard focus over). */
    @JSExport
    public void focus() {
        if (destroyed || host == null) {
            return;
        }
        if (panel.isOpen()) {
            host.focusComposer();
        } else {
            host.focusLauncher();
        }
    }

    /** Ends the conversation (Presence Clear) without asking; resolves when the server confirmed it. */
    @JSExport
    public JSObject end() {
        return PageJs.promise((resolve, reject) -> session.end((ended, error) -> {
            if (ended) {
                PageJs.call(resolve, Payloads.empty());
            } else {
                PageJs.call(reject, Payloads.error(error, customerText(error)));
            }
        }));
    }

    /** End chat in the panel: the customer learns the outcome through the state and error callbacks. */
    void endFromPanel() {
        session.end((ended, error) -> {
        });
        render();
    }

    /** The panel's Reconnect after a takeover or an outage. */
    void reconnect() {
        session.ensureConnected();
        render();
    }

    @JSExport
    public void startNew() {
        if (!destroyed) {
            session.startNew();
            render();
        }
    }

    /** Sends a customer message as if typed; false when nothing could be queued. */
    @JSExport
    public boolean send(String text) {
        if (destroyed) {
            return false;
        }
        boolean queued = session.send(text);
        render();
        return queued;
    }

    /** A quick reply or card button picked in the panel: shown as the customer's message, sent as a ButtonResponse. */
    void choose(String text, String payload, String messageId, String kind) {
        if (!destroyed) {
            session.choose(text, payload, messageId, kind);
            render();
        }
    }

    /** A file picked, dropped or pasted into the panel: it uploads at once and goes with the next message. */
    void attach(dev.guestchat.core.Ports.LocalFile file) {
        if (!destroyed) {
            session.attach(file);
            render();
        }
    }

    void removeFile() {
        if (!destroyed) {
            session.removeFile();
            render();
        }
    }

    void fileFailedToLoad(String attachmentId) {
        if (!destroyed) {
            session.fileFailedToLoad(attachmentId);
        }
    }

    /**
     * Custom attributes ({@code channel.metadata.customAttributes}) sent with the customer's next message.
     * Throws an Error (and emits {@code error}) when keys and values exceed 2,048 UTF-8 bytes.
     */
    @JSExport
    public void setCustomAttributes(JSObject attributes) {
        WidgetError problem = session.setCustomAttributes(JsOptions.strings(attributes));
        if (problem != null) {
            events.emit("error", Payloads.error(problem, customerText(problem)));
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
        return session.state().wire;
    }

    /** Removes every listener, timer, socket and DOM node; the conversation itself is left as it is. */
    @JSExport
    public void destroy() {
        if (destroyed) {
            return;
        }
        showUnreadInTitle(0);
        destroyed = true;
        session.destroy();
        lifecycle.dispose();
        tabs.absent();
        if (host != null) {
            host.destroy();
            host = null;
        }
        events.clear();
    }

    // ------------------------------------------------------------------ SessionObserver

    @Override
    public void stateChanged(SessionState state) {
        panel.setState(state);
        if (state == SessionState.CONNECTED) {
            panel.setNotice(null); // an outage notice is stale once we are back
        }
        render();
        events.emit("state", Payloads.state(state.wire));
    }

    @Override
    public void transcriptChanged(List<ChatEntry> rows) {
        panel.setRows(rows);
        render();
    }

    @Override
    public void messageReceived(ChatEntry entry) {
        panel.messageArrived();
        render();
        events.emit("message", Payloads.message(entry));
        if (!panel.isOpen()) {
            showUnreadInTitle(panel.getUnread());
            events.emit("unread", Payloads.unread(panel.getUnread()));
        }
    }

    /** "(2) Page title" while minimised with unread messages; the page's own title otherwise. */
    private void showUnreadInTitle(int unread) {
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

    @Override
    public void agentTyping(boolean typing) {
        panel.setAgentTyping(typing);
        render();
    }

    @Override
    public void error(WidgetError error) {
        String text = customerText(error);
        panel.setNotice(text);
        render();
        events.emit("error", Payloads.error(error, text));
    }

    @Override
    public void uploadChanged(UploadStatus upload) {
        panel.setUpload(upload);
        render();
    }

    @Override
    public void uploadsAllowed(boolean allowed) {
        panel.setUploadsAllowed(allowed);
        render();
    }

    @Override
    public void ended(boolean byCustomer) {
        render();
        events.emit("ended", Payloads.ended(byCustomer));
    }

    // ------------------------------------------------------------------ keys

    @Override
    public void enter() {
        panel.submit();
        render();
    }

    @Override
    public void typed() {
        session.customerTyping();
    }

    @Override
    public void escape() {
        if (panel.isConfirming()) {
            panel.cancelEnd(); // Escape leaves the dialog first, then the panel
            render();
        } else if (panel.isOpen()) {
            minimize();
        }
    }

    // ------------------------------------------------------------------ plumbing

    /** The words for the customer: the catalogue's for the reason, else the detail, else a generic text. */
    private String customerText(WidgetError error) {
        String text = strings.error(error.reason(), error.code());
        if (text == null) {
            text = error.message() != null ? error.message() : strings.get("server-error");
        }
        return text;
    }

    void render() {
        if (host != null) {
            host.update();
        }
    }
}
