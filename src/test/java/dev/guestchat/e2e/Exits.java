package dev.guestchat.e2e;


/**
 * The ways a customer leaves a page, performed in any engine. {@code closeTab} is a close by automation, which
 * skips {@code beforeunload}; {@code closeTabAsUser} (Firefox only) runs it, as closing the tab in the browser does.
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
            case "closeTabAsUser" -> { // Firefox over BiDi can close as its UI does, beforeunload first
                ((FirefoxBidi) engine).closeTab(true);
                engine.switchTo(keep);
            }
            case "reload" -> engine.reload();
            default -> throw new IllegalArgumentException(how);
        }
    }
}
