package dev.guestchat.browser;

import org.teavm.jso.JSBody;

/**
 * Engine facts that no feature test can reveal before the page exits, each proven in every engine by
 * {@code EngineFactsTest} (and re-measured by the bench program's exit probe). Kept to the one fact that
 * changes what the widget does.
 */
public final class EngineTraits {
    private EngineTraits() {
    }

    /**
     * Gecko closes a leaving page's WebSockets between {@code beforeunload} and {@code pagehide} (typed URL,
     * reload, link), and drops a frame sent inside {@code pagehide} of a closing tab. Chromium and WebKit keep
     * the socket open through {@code pagehide}. Matched on Gecko's own UA token ({@code rv:N) Gecko/}), which
     * Blink and WebKit never send ("like Gecko" has no {@code rv:}).
     */
    @JSBody(script = "return isGecko();")
    public static native boolean socketsCloseBeforePageHide();
}
