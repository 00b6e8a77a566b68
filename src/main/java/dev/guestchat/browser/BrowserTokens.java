package dev.guestchat.browser;

import dev.guestchat.core.AuthGrant;
import dev.guestchat.core.AuthTokens;
import dev.guestchat.core.Ports;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The token service of authenticated messaging (PROTOCOL.md §3.2) over XMLHttpRequest, as the official transport
 * SDK calls it: {@code {deploymentId, oauth: {code, redirectUri, codeVerifier | idToken, nonce}}} for the exchange,
 * {@code {refreshToken}} for the refresh, and a bearer JWT for the revoke.
 */
public final class BrowserTokens implements Ports.TokenService {
    /** {@code https://api.<region>/api/v2/webdeployments/token/}, or the simulator's. */
    private final String base;
    private final String deploymentId;

    public BrowserTokens(String apiUrl, String deploymentId) {
        this.base = apiUrl + "/api/v2/webdeployments/token/";
        this.deploymentId = deploymentId;
    }

    @Override
    public void exchange(AuthGrant grant, Ports.TokenCallback callback) {
        request("POST", base + "oauthcodegrantjwtexchange", exchangeBody(deploymentId, grant.code(), grant.redirectUri(),
                grant.codeVerifier(), grant.idToken(), grant.nonce()), null, answer(callback));
    }

    @Override
    public void refresh(String refreshToken, Ports.TokenCallback callback) {
        request("POST", base + "refresh", refreshBody(refreshToken), null, answer(callback));
    }

    @Override
    public void revoke(String jwt, Ports.TokenCallback callback) {
        request("DELETE", base + "revoke", null, jwt, answer(callback));
    }

    private static Answer answer(Ports.TokenCallback callback) {
        return (status, jwt, expiresAt, refreshToken) ->
                callback.done(status, jwt != null ? new AuthTokens(jwt, expiresAt, refreshToken) : null);
    }

    @JSFunctor
    interface Answer extends JSObject {
        void done(int status, String jwt, double expiresAt, String refreshToken);
    }

    @JSBody(params = {"d", "c", "r", "v", "i", "n"}, script = "return grantBody(d,c,r,v,i,n);")
    private static native JSObject exchangeBody(String d, String c, String r, String v, String i, String n);

    @JSBody(params = "t", script = "return {refreshToken:t};")
    private static native JSObject refreshBody(String t);

    @JSBody(params = {"m", "u", "b", "j", "a"}, script = "tokenRequest(m,u,b,j,a);")
    private static native void request(String method, String url, JSObject body, String bearer, Answer answer);
}
