package dev.guestchat.e2e;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * One real simulator and one headless Chromium per test class (starting Chromium costs seconds); every test
 * uses its own deployment id, so browser storage never leaks between tests. After each test only the first
 * tab is left, on about:blank.
 */
abstract class BrowserTest {
    static SimulatorFixture sim;
    static Browser browser;

    @BeforeAll
    static void startSimulatorAndBrowser() {
        sim = new SimulatorFixture();
        browser = new Browser();
    }

    @AfterAll
    static void stopSimulatorAndBrowser() {
        browser.close();
        sim.close();
    }

    @AfterEach
    void leavePage() {
        try {
            List<String> handles = List.copyOf(browser.driver.getWindowHandles());
            for (int i = 1; i < handles.size(); i++) {
                browser.driver.switchTo().window(handles.get(i)).close();
            }
            browser.driver.switchTo().window(handles.get(0));
            browser.driver.get("about:blank");
        } catch (org.openqa.selenium.WebDriverException hung) {
            // chromedriver stopped answering after the test had passed: the next test gets a fresh browser
            System.err.println("BrowserTest: restarting Chromium after " + hung.getClass().getSimpleName());
            try {
                browser.close();
            } catch (RuntimeException alsoHung) {
                // its service process is stopped by quit() either way
            }
            browser = new Browser();
        }
    }

    /** The payload field of the last {@code error} event the host page heard. */
    Object lastError(String field) {
        return browser.js("var e=window.chatEvents.filter(function(e){return e.name==='error';});"
                + "return e.length?e[e.length-1].payload[arguments[0]]:null;", field);
    }
}
