package dev.guestchat.core;

/**
 * @param deploymentId               Messenger deployment; empty means misconfigured
 * @param websocketUrl               {@code wss://webmessaging.<region>/v1} or the simulator's
 * @param endOnPageExit              page-exit policy
 * @param socketsCloseBeforePageHide the engine closes a leaving page's sockets between {@code beforeunload} and
 *                                   {@code pagehide} (Gecko): an exit's Clear must then leave in
 *                                   {@code beforeunload}, before the engine could say whether it is a Back
 */
public record SessionConfig(String deploymentId, String websocketUrl, EndOnPageExit endOnPageExit,
                            boolean socketsCloseBeforePageHide) {
    /** The client name and version the service is told ({@code application}, PROTOCOL.md §1.2): the release's. */
    static final String APPLICATION = "guest-chat-widget-0.2.0";

    public String socketUrl() {
        return websocketUrl + (websocketUrl.indexOf('?') >= 0 ? "&" : "?") + "deploymentId=" + deploymentId
                + "&application=" + APPLICATION;
    }
}
