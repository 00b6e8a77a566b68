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
import dev.guestchat.core.EndCallback;
import dev.guestchat.core.Ports;
import dev.guestchat.core.GuestSession;
import dev.guestchat.core.SessionConfig;
import dev.guestchat.core.SessionObserver;
import dev.guestchat.core.SessionState;
import dev.guestchat.core.SessionStore;
import dev.guestchat.core.TabRoster;
import dev.guestchat.core.UploadStatus;
import dev.guestchat.core.WidgetError;
import dev.guestchat.protocol.StringPairs;
import java.util.List;

/**
 * One conversation for a page, with no UI: the whole core — connect, reconnect, the ordered send queue, history,
 * typing, files, End and the page-exit Clear — with the browser's adapters, behind the commands and events a chat UI
 * needs. {@link SessionApi} exports exactly these to pages that draw their own chat ({@code GuestChat.session},
 * npm {@code guest-chat-widget/headless}); the widget's panel is the other kind of client and uses the same commands and
 * {@link SessionEvents}.
 */
public final class HeadlessSession implements SessionObserver {
    /** The page's timers, shared with the widget built on this session. */
    final BrowserScheduler scheduler = new BrowserScheduler();
    /** The deployment's config.json, asked for once as the session is made; the widget reads its languages too. */
    final BrowserDeploymentConfig deploymentConfig;
    /** This deployment's stored session (token, active, pending end, panel open); the widget reads the panel flag. */
    final SessionStore store;
    /** The core: connection, conversation, ending, page exit. */
    private final GuestSession session;
    /** This tab's mark among the tabs that show the chat (the last tab out ends it). */
    private final TabRoster tabs;
    /** The page's exit and navigation events, handed to the session; disposed by {@link #destroy()}. */
    private final PageLifecycle lifecycle;
    /** Which rows this page has announced. */
    private final MessageFeed feed = new MessageFeed();
    /** Who hears the events: a headless page's listeners, or the widget's panel. */
    private final SessionEvents client;
    /** Set by {@link #start()}: the session looked for a stored conversation. */
    private boolean started;
    /** Set by {@link #destroy()}; every call after it is an error. */
    private boolean destroyed;

    HeadlessSession(WidgetOptions options, SessionEvents client, SignIn signIn) {
        this.client = client;
        BrowserStore storage = new BrowserStore();
        BrowserIds ids = new BrowserIds();
        this.deploymentConfig = new BrowserDeploymentConfig(options.configUrl()); // asked at once
        this.store = new SessionStore(storage, options.deploymentId());
        this.tabs = new TabRoster(storage, scheduler, options.deploymentId(), ids.newId());
        tabs.present();
        this.session = new GuestSession(
                new SessionConfig(options.deploymentId(), options.websocketUrl(), options.endOnPageExit(),
                        EngineTraits.socketsCloseBeforePageHide()),
                scheduler, BrowserSocket.FACTORY, storage, new BrowserHistory(options.apiUrl()),
                deploymentConfig, ids, tabs, JsObjectView.PARSER, this, PageJs::warn, new Backoff(PageJs::random),
                new BrowserFiles(), signIn != null ? signIn.credentials(options, storage, scheduler) : null);
        // a page back from the back/forward cache may show another state than the one it was left in
        this.lifecycle = new PageLifecycle(new PageExitBridge(session, tabs, () -> state(session.state())));
    }

    /**
     * Looks for a conversation to continue (a stored active one, or an end that could not be sent) and connects only
     * then; at the latest before the first command. A page view that never chats costs no connection.
     */
    void start() {
        if (!started && !destroyed) {
            started = true;
            session.start();
        }
    }

    /** Every command but {@code on}/{@code off} starts the session first: it acts on the stored conversation. */
    private void ready() {
        alive();
        start();
    }

    /** Commands after {@link #destroy()} are a page's bug: said as an Error, never done. */
    void alive() {
        if (destroyed) {
            JsOptions.fail("this chat session was destroyed; create a new one");
        }
    }

    // ------------------------------------------------------------------ commands (SessionApi exports them to pages)

    /** Connects now (the chat UI opened), or takes the chat back after another window took it over. */
    void connect() {
        ready();
        session.ensureConnected();
    }

    /** Sends the customer's text (with the attached file when it is ready); its id on this page, null when refused. */
    String send(String text) {
        ready();
        return session.sendMessage(text);
    }

    /** A quick reply ({@code kind} {@code QuickReply}) or Postback button ({@code Button}) answered. */
    String answer(String text, String payload, String messageId, String kind) {
        ready();
        return session.reply(text, payload, messageId, kind);
    }

    /** The customer is typing: the agent may see it (at most one Typing event per 5 s, none for a send). */
    void typing() {
        ready();
        session.customerTyping();
    }

    /** Attaches a file (it uploads at once and goes with the next message); false when it was refused. */
    boolean attach(Ports.LocalFile file) {
        ready();
        return session.attach(file);
    }

    /** Removes the attached file, cancelling its upload. */
    void removeAttachment() {
        ready();
        session.removeFile();
    }

    /** A file of a message could not be loaded (an image's {@code error}): its address may have expired; renew it. */
    void refreshFile(String attachmentId) {
        ready();
        session.fileFailedToLoad(attachmentId);
    }

    /** Presence Clear, then the service's confirmation (or the failure) through {@code callback}. */
    void end(EndCallback callback) {
        ready();
        session.end(callback);
    }

    /** After an end: a new, empty conversation. */
    void startNew() {
        ready();
        session.startNew();
    }

    /** The signed-in customer signs out everywhere (a guest's session does nothing). */
    void signOut() {
        ready();
        session.signOut();
    }

    /** Custom attributes for the next customer message; the error (also told to the client) above the limit. */
    WidgetError setCustomAttributes(StringPairs attributes) {
        ready();
        WidgetError problem = session.setCustomAttributes(attributes);
        if (problem != null) {
            error(problem);
        }
        return problem;
    }

    SessionState state() {
        ready();
        return session.state();
    }

    /** The transcript, oldest first. */
    List<ChatEntry> transcript() {
        return session.transcript();
    }

    /** The state without starting the session (the widget asks before its panel is on the page). */
    SessionState currentState() {
        return session.state();
    }

    /** Closes the socket and removes every listener and timer; the conversation itself is left as it is. */
    void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        session.destroy();
        lifecycle.dispose();
        tabs.absent();
    }

    // ------------------------------------------------------------------ SessionObserver: the core's news, to the client

    @Override
    public void stateChanged(SessionState state) {
        state(state);
    }

    private void state(SessionState state) {
        client.state(state);
    }

    @Override
    public void transcriptChanged(List<ChatEntry> rows, boolean restored) {
        int added = feed.update(rows, restored, client);
        if (restored) {
            client.restored(added);
        }
    }

    @Override
    public void messageReceived(ChatEntry entry) {
        // announced with the transcript change that brought it (a message not restored from history)
    }

    @Override
    public void agentTyping(boolean typing) {
        client.typing(typing);
    }

    @Override
    public void error(WidgetError error) {
        client.error(error);
    }

    @Override
    public void ended(boolean byCustomer) {
        client.ended(byCustomer);
    }

    @Override
    public void uploadChanged(UploadStatus upload) {
        client.uploadProgress(upload);
    }

    @Override
    public void uploadsAllowed(boolean allowed) {
        client.uploadsAllowed(allowed);
    }
}
