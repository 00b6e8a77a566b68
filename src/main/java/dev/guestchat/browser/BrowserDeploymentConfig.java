package dev.guestchat.browser;

import dev.guestchat.core.Ports;

/** The deployment's {@code config.json} (§8) over XMLHttpRequest, without credentials. */
public final class BrowserDeploymentConfig implements Ports.DeploymentConfigSource {
    /** The whole URL of {@code config.json}; empty when the page gave no deployment (nothing is fetched). */
    private final String url;

    public BrowserDeploymentConfig(String url) {
        this.url = url;
    }

    @Override
    public void fetch(Ports.ConfigCallback callback) {
        if (!url.isEmpty()) {
            BrowserHistory.get(url, null, callback::onConfig);
        }
    }
}
