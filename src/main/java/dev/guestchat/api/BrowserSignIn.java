package dev.guestchat.api;

import dev.guestchat.browser.BrowserTokens;
import dev.guestchat.core.Backoff;
import dev.guestchat.core.CustomerAuth;
import dev.guestchat.core.Ports;
import org.teavm.jso.JSObject;

/** A signed-in customer's credentials in the browser: the Genesys token service, and the host page's grant. */
final class BrowserSignIn implements SignIn {
    /** The page's {@code auth} option: a grant, or a function giving one. */
    private final JSObject auth;

    private BrowserSignIn(JSObject auth) {
        this.auth = auth;
    }

    /** The sign-in for a page's options; null when they have no {@code auth}: the customer chats as a guest. */
    static SignIn of(JSObject options) {
        JSObject auth = JsOptions.auth(options);
        return auth != null ? new BrowserSignIn(auth) : null;
    }

    @Override
    public Ports.CredentialsMaker credentials(WidgetOptions options, Ports.KeyValueStore storage,
                                              Ports.Scheduler scheduler) {
        HostGrants grants = new HostGrants(auth);
        return listener -> new CustomerAuth(storage, options.deploymentId(), scheduler,
                new BrowserTokens(options.apiUrl(), options.deploymentId()), grants, listener,
                new Backoff(PageJs::random));
    }
}
