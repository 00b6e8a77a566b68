package dev.guestchat.browser;

import dev.guestchat.core.Ports;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** The history REST API (§6) over XMLHttpRequest with the JWT as bearer token. */
public final class BrowserHistory implements Ports.HistorySource {
    /** {@code https://api.<region>} or the simulator's base URL, without a trailing slash. */
    private final String apiUrl;

    public BrowserHistory(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    @Override
    public void fetch(String jwt, int pageNumber, Ports.HistoryCallback callback) {
        get(apiUrl + "/api/v2/webmessaging/messages?pageSize=25&pageNumber=" + pageNumber, jwt,
                (status, body) -> {
                    if (status >= 200 && status < 300) {
                        callback.onPage(body);
                    } else {
                        callback.onFailure(status);
                    }
                });
    }

    /** Answers with the HTTP status (0 when the request did not complete) and the body. */
    @JSFunctor
    interface Done extends JSObject {
        void run(int status, String body);
    }

    /** A GET with the JWT as bearer token, or without credentials when {@code jwt} is null. */
    @JSBody(params = {"url", "jwt", "done"}, script = "getWithJwt(url,jwt,done);")
    static native void get(String url, String jwt, Done done);
}
