package dev.guestchat.core;

/**
 * @param deploymentId  Messenger deployment; empty means misconfigured
 * @param websocketUrl  {@code wss://webmessaging.<region>/v1} or the simulator's
 * @param endOnPageExit page-exit policy
 */
public record SessionConfig(String deploymentId, String websocketUrl, EndOnPageExit endOnPageExit) {
    public String socketUrl() {
        return websocketUrl + (websocketUrl.indexOf('?') >= 0 ? "&" : "?") + "deploymentId=" + deploymentId
                + "&application=guest-chat-widget-0.1";
    }
}
