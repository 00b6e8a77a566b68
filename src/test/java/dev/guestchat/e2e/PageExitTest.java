package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.WindowType;

/**
 * The page-exit policy (DESIGN.md §3) in real Chromium: which exits send Presence Clear and which must not.
 * Chromium puts these pages into the back/forward cache, so most exits arrive with {@code persisted === true}.
 */
class PageExitTest extends BrowserTest {
    /** Opens the page in a fresh tab (so a test can close it), chats, and waits until the message was accepted. */
    private String chatInNewTab(String dep, String mode) {
        String keep = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.driver.get(sim.pageUrl(dep, "mode=" + mode));
        browser.say("hello from " + mode);
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        browser.waitFor(Duration.ofSeconds(5), d -> !browser.transcriptText().contains("Sending"));
        return keep;
    }

    private void exit(String how, String keepHandle) {
        switch (how) {
            case "crossOriginLink" -> browser.driver.findElement(org.openqa.selenium.By.id("cross-link")).click();
            case "typedUrl" -> browser.driver.get("http://127.0.0.1:" + sim.port + "/pages/other.html");
            case "closeTab" -> {
                browser.driver.close();
                browser.driver.switchTo().window(keepHandle);
            }
            case "reload" -> browser.driver.navigate().refresh();
            default -> throw new IllegalArgumentException(how);
        }
    }

    @ParameterizedTest(name = "{0}: {1} ends the chat")
    @CsvSource({"leave,crossOriginLink", "leave,typedUrl", "leave,closeTab", "leave,reload",
                "always,crossOriginLink", "always,typedUrl", "always,closeTab", "always,reload"})
    void leavingEndsTheConversation(String mode, String how) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":3000}");
        String keep = chatInNewTab(dep, mode);
        exit(how, keep);
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) == 1), "Clear sent on " + how);
        assertTrue(eventually(Duration.ofSeconds(3), () -> "ended-by-customer".equals(sim.state(dep))));
        SimulatorFixture.sleep(3200);
        assertEquals("ended-by-customer", sim.state(dep), "never routed after the customer left");
    }

    @ParameterizedTest(name = "never: {0} keeps the chat")
    @CsvSource({"crossOriginLink", "typedUrl", "closeTab", "reload"})
    void neverModeEndsNothingOnExit(String how) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        String keep = chatInNewTab(dep, "never");
        exit(how, keep);
        SimulatorFixture.sleep(1200);
        assertEquals(0, sim.clearCount(dep), "never: no Clear on " + how);
        assertEquals("waiting", sim.state(dep));
    }

    @Test
    void sameOriginLinkKeepsTheChatRestoresHistoryAndBackWorks() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":100}");
        browser.driver.get(sim.pageUrl(dep, "mode=leave"));
        browser.say("question on page one");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        String conv = sim.onlyConversation(dep).path("id").asString();
        sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"answer from Dana\",\"nickname\":\"Dana\"}");
        browser.waitFor(Duration.ofSeconds(5), d -> browser.transcriptText().contains("answer from Dana"));

        browser.driver.findElement(org.openqa.selenium.By.id("same-link")).click();
        browser.waitFor(Duration.ofSeconds(5), d -> d.getCurrentUrl().contains("step=2"));
        browser.waitFor(Duration.ofSeconds(5), d -> browser.transcriptText().contains("answer from Dana")
                && browser.transcriptText().contains("question on page one"));
        assertEquals(0, sim.clearCount(dep), "same-origin link is not a leave");

        browser.driver.navigate().back();
        browser.waitFor(Duration.ofSeconds(5), d -> !d.getCurrentUrl().contains("step=2"));
        browser.waitFor(Duration.ofSeconds(5), d -> "connected".equals(browser.widgetState()));
        browser.say("back on page one");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "back on page one")),
                "the restored first page has a working widget");
        browser.waitFor(Duration.ofSeconds(5), d -> !browser.transcriptText().contains("Sending"));
        assertEquals(0, sim.clearCount(dep));
        assertTrue(List.of("routed", "active").contains(sim.state(dep)), sim.state(dep));
    }

    @Test
    void sameOriginFormSubmitKeepsTheChatAndRestoresHistory() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        browser.driver.get(sim.pageUrl(dep, "mode=leave"));
        browser.say("about to search");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        browser.waitFor(Duration.ofSeconds(5), d -> !browser.transcriptText().contains("Sending"));
        browser.driver.findElement(org.openqa.selenium.By.id("same-submit")).click();
        browser.waitFor(Duration.ofSeconds(5), d -> d.getCurrentUrl().contains("q=x"));
        browser.waitFor(Duration.ofSeconds(5), d -> browser.transcriptText().contains("about to search"));
        SimulatorFixture.sleep(500);
        assertEquals(0, sim.clearCount(dep), "same-origin form submit is not a leave");
        assertEquals("waiting", sim.state(dep));
    }

    @Test
    void alwaysModeEndsEvenOnASameOriginLink() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        browser.driver.get(sim.pageUrl(dep, "mode=always"));
        browser.say("always");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        browser.waitFor(Duration.ofSeconds(5), d -> !browser.transcriptText().contains("Sending"));
        browser.driver.findElement(org.openqa.selenium.By.id("same-link")).click();
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) == 1));
        browser.waitFor(Duration.ofSeconds(5), d -> d.getCurrentUrl().contains("step=2"));
        assertTrue(browser.transcriptText().isEmpty() || !browser.transcriptText().contains("always"),
                "the next page starts fresh");
    }

    @Test
    void closingOneOfTwoTabsKeepsTheChat() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        String keep = chatInNewTab(dep, "leave");
        String chatTab = browser.driver.getWindowHandle();
        browser.driver.switchTo().window(keep);
        browser.driver.get(sim.pageUrl(dep, "mode=leave")); // second tab with the same chat
        browser.waitFor(Duration.ofSeconds(5), d -> browser.transcriptText().contains("hello from leave"));
        browser.driver.switchTo().window(chatTab);
        browser.driver.close();
        browser.driver.switchTo().window(keep);
        SimulatorFixture.sleep(1200);
        assertEquals(0, sim.clearCount(dep), "another tab still holds the chat");
        assertEquals("waiting", sim.state(dep));
        // the remaining tab is now the last one: leaving it ends the chat
        browser.driver.get("http://127.0.0.1:" + sim.port + "/pages/other.html");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) == 1));
    }

    @Test
    void anSpaRouteChangeDoesNotExcuseClosingTheTab() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        String keep = chatInNewTab(dep, "leave");
        browser.js("window.spaNavigate();");
        assertTrue(browser.driver.getCurrentUrl().contains("route=cart"));
        exit("closeTab", keep);
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) == 1),
                "a pushState is not a page exit the widget saw coming");
    }
}
