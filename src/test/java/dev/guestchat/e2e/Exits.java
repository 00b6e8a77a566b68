package dev.guestchat.e2e;


/**
 * The ways a customer leaves a page, performed in any engine. {@code closeTab} closes as {@link Engine#closeTab()}
 * does; {@code closeTabByAutomation} (Firefox only) closes without {@code beforeunload}, which no user can do but
 * WebDriver classic always does in Chromium and WebKit.
 */
public final class Exits {
    private Exits() {
    }

    /** @param keep the tab to return to after {@code closeTab} */
    public static void perform(Engine engine, SimulatorFixture sim, String how, String keep) {
        switch (how) {
            case "crossOriginLink" -> engine.click("#cross-link");
            case "typedUrl" -> engine.get("http://127.0.0.1:" + sim.port + "/pages/other.html");
            case "closeTab" -> {
                engine.closeTab();
                engine.switchTo(keep);
            }
            case "closeTabByAutomation" -> { // Firefox over BiDi: a close without beforeunload, as no user makes
                ((FirefoxBidi) engine).closeTab(false);
                engine.switchTo(keep);
            }
            case "reload" -> engine.reload();
            default -> throw new IllegalArgumentException(how);
        }
    }
}
