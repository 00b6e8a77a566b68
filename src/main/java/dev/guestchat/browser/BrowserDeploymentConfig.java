package dev.guestchat.browser;

import dev.guestchat.core.Ports;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployment's {@code config.json} (§8) over XMLHttpRequest, without credentials: requested once, as the widget
 * is created, and handed to everyone who asks (the language choice, then the session's preflight).
 */
public final class BrowserDeploymentConfig implements Ports.DeploymentConfigSource {
    /** Callers waiting for the answer; emptied when it comes. */
    private final List<Ports.ConfigCallback> waiting = new ArrayList<>();
    /** The answer's HTTP status (0: no answer); -1 while none has come. */
    private int status = -1;
    /** The answer's body; null before it. */
    private String body;

    /** @param url the whole URL of {@code config.json}; empty when the page gave no deployment (nothing is fetched) */
    public BrowserDeploymentConfig(String url) {
        if (!url.isEmpty()) {
            BrowserHistory.get(url, null, (answerStatus, answerBody) -> {
                status = answerStatus;
                body = answerBody;
                for (Ports.ConfigCallback c : waiting) {
                    c.onConfig(status, body);
                }
                waiting.clear();
            });
        }
    }

    @Override
    public void fetch(Ports.ConfigCallback callback) {
        if (status >= 0) {
            callback.onConfig(status, body);
        } else {
            waiting.add(callback); // without a URL nobody is ever called, as before
        }
    }
}
