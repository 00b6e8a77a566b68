package dev.guestchat.api;

import dev.guestchat.browser.BrowserStore;
import dev.guestchat.browser.BrowserTokens;
import dev.guestchat.core.Backoff;
import dev.guestchat.core.CustomerAuth;
import dev.guestchat.core.Ports;
import org.teavm.jso.JSObject;

/** A signed-in customer's credentials in the browser: the Genesys token service, and the host page's grant. */
final class BrowserSignIn implements SignIn {
    /** The page's {@code auth} option: a grant, or a function giving one; null when the page gave none. */
    private final JSObject auth;

    private BrowserSignIn(JSObject auth) {
        this.auth = auth;
    }

    /**
     * The sign-in for a page's options: with their {@code auth}, or on the tokens this browser holds for the
     * deployment (a page of the site that gives no grant goes on signed in); null otherwise: a guest's chat.
     */
    static SignIn of(JSObject options) {
        JSObject auth = JsOptions.auth(options);
        String deployment = JsOptions.str(options, "deploymentId");
        return auth != null || deployment != null && CustomerAuth.heldIn(new BrowserStore(), deployment.trim())
                ? new BrowserSignIn(auth) : null;
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
