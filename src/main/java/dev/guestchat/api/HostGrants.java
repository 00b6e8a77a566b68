package dev.guestchat.api;

import dev.guestchat.core.AuthGrant;
import dev.guestchat.core.Ports;
import java.util.function.Consumer;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The host page's sign-in grants, from its {@code auth} option: {@code {code, redirectUri, codeVerifier?}} or
 * {@code {idToken, nonce}}, or a function returning one of them (or a Promise of one) whenever a new one is needed.
 */
final class HostGrants implements Ports.GrantSource {
    /** The option as the page gave it. */
    private final JSObject auth;
    /** A grant object was handed out: a code works once, so the next ask gets none (a function is asked again). */
    private boolean spent;

    HostGrants(JSObject auth) {
        this.auth = auth;
    }

    @Override
    public void ask(Consumer<AuthGrant> answer) {
        spent = !askGrant(spent ? null : auth, grant -> answer.accept(read(grant)));
    }

    /** The grant's fields; null when it names neither a code nor an id token (said on the console). */
    private static AuthGrant read(JSObject grant) {
        if (grant == null) {
            return null;
        }
        String code = JsOptions.str(grant, "code");
        String idToken = JsOptions.str(grant, "idToken");
        if (code == null && idToken == null) {
            PageJs.warn("guest-chat: auth gave neither a code nor an idToken");
            return null;
        }
        return new AuthGrant(code, JsOptions.str(grant, "redirectUri"), JsOptions.str(grant, "codeVerifier"), idToken,
                JsOptions.str(grant, "nonce"));
    }

    @JSFunctor
    interface Answer extends JSObject {
        void take(JSObject grant);
    }

    /** Asks; true when {@code auth} is a function, which may be asked again. */
    @JSBody(params = {"a", "f"}, script = "return askGrant(a,f);")
    private static native boolean askGrant(JSObject auth, Answer answer);
}
