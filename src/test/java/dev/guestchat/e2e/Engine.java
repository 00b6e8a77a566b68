package dev.guestchat.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * One real browser engine, driven as a customer would use it: the operations the cross-engine suites need,
 * whatever protocol reaches the engine (WebDriver classic for Chromium and WebKitGTK, WebDriver BiDi for
 * Firefox, which Debian ships without geckodriver). Tabs are named by opaque handles.
 */
public interface Engine extends AutoCloseable {
    /** {@code chromium}, {@code firefox} or {@code webkit}. */
    String name();

    /** Navigates the current tab and waits for the load to complete, as a typed URL does. */
    void get(String url);

    /** Runs a script body in the current tab ({@code arguments}, {@code return}, as WebDriver's execute script). */
    Object js(String script, Object... args);

    /** A real pointer click on the first element of the page matching the selector. */
    void click(String css);

    /** A real pointer click on the first element inside the widget's shadow root matching the selector. */
    void clickInWidget(String css);

    /** Real key presses into the widget's element; {@code \n} presses Enter. */
    void typeInWidget(String css, String text);

    /** Opens a new tab, switches to it and returns its handle. */
    String newTab();

    /** Every tab's handle, the first one opened first. */
    java.util.List<String> tabs();

    /** The current tab's handle. */
    String tab();

    void switchTo(String handle);

    /**
     * Closes the current tab: as the browser's UI does where the protocol can ask for it (Firefox over BiDi:
     * {@code beforeunload} first), else as WebDriver classic does (Chromium, WebKit: no {@code beforeunload}).
     */
    void closeTab();

    void back();

    /** The browser's reload (as its button does). */
    void reload();

    String url();

    @Override
    void close();

    // ------------------------------------------------------------------ helpers every engine shares

    /** Polls a condition; fails with {@code what} when it never held within the limit. */
    default void await(Duration limit, String what, BooleanSupplier condition) {
        if (!SimulatorFixture.eventually(limit, () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) {
                return false; // the page may be between documents
            }
        })) {
            throw new AssertionError(name() + ": timed out waiting for " + what);
        }
    }

    default boolean present(String css) {
        return Boolean.TRUE.equals(js(HOST
                + "return !!(h&&h.shadowRoot&&h.shadowRoot.querySelector(arguments[0]));", css));
    }

    /** Waits until the widget shows the element. */
    default void waitForWidget(String css) {
        await(Duration.ofSeconds(10), css, () -> present(css));
    }

    /** Loads the page and opens the panel with its launcher; returns once the widget is connected. */
    default void openChatAt(String url) {
        get(url);
        clickInWidget(".gcw-launcher");
        await(Duration.ofSeconds(5), "connected", () -> "connected".equals(widgetState()));
    }

    /**
     * Script that sets {@code h} to the widget's host: the full widget's once it is on the page, else the first
     * stage's (which the full widget replaces as it arrives).
     */
    String HOST = "var h=document.querySelector('[data-guest-chat]:not([data-stage])')"
            + "||document.querySelector('[data-guest-chat]');";

    /** Opens the panel if it is closed, types one message and sends it with Enter. */
    default void say(String text) {
        waitForWidget(".gcw-launcher, .gcw-input");
        if (present(".gcw-launcher") && !present(".gcw-input")) {
            try {
                clickInWidget(".gcw-launcher");
            } catch (RuntimeException gone) {
                // the full widget replaced the first stage's launcher between the look and the click (a stored open
                // panel brings it without intent): its panel is open already, or its own launcher opens it
                waitForWidget(".gcw-launcher, .gcw-input");
                if (!present(".gcw-input")) {
                    clickInWidget(".gcw-launcher");
                }
            }
        }
        waitForWidget(".gcw-input");
        typeInWidget(".gcw-input", text + "\n");
    }

    /** The whole transcript as shown, after drawing every earlier row ("Show earlier messages" until none is left). */
    default String transcriptText() {
        return String.valueOf(js(HOST + SHOW_ALL_ROWS
                + "var l=h&&h.shadowRoot.querySelector('.gcw-log');return l?l.innerText:'';"));
    }

    /** Script (after {@code h}, the host, is found): presses "Show earlier messages" until every row is drawn. */
    String SHOW_ALL_ROWS = "for(var _e;h&&(_e=h.shadowRoot.querySelector('.gcw-earlier'));)_e.click();";

    default String widgetState() {
        return String.valueOf(js("return window.chat?window.chat.state():'none';"));
    }

    /** Script that finds the widget element for the engines' click and type helpers. */
    String WIDGET_ELEMENT = HOST
            + "var el=h&&h.shadowRoot&&h.shadowRoot.querySelector(arguments[0]);";

    /** Starts the engine of this name. */
    static Engine start(String name) {
        return switch (name) {
            case "chromium" -> new Browser();
            case "firefox" -> new FirefoxBidi();
            case "webkit" -> Browser.webkit();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
