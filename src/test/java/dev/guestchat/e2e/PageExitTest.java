package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The page-exit policy (DESIGN.md §3) in every engine: which exits send Presence Clear and which must not.
 * Engines differ in where a frame can still leave (Chromium and WebKit: {@code pagehide}; Firefox:
 * {@code beforeunload} for navigations, {@code visibilitychange}/{@code unload} for a closed tab), so the same
 * exits are proven in each.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("engines")
class PageExitTest extends EngineTest {
    /** Opens the page in a fresh tab (so a test can close it), chats, and waits until the message was accepted. */
    private void chatInNewTab(String dep, String mode) {
        engine.newTab();
        chat(dep, "mode=" + mode, "hello from " + mode);
    }

    /** The exit's Clear arrived and the conversation ended for good: never routed afterwards. */
    private void assertEndedForGood(String dep, String how) {
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) >= 1), engineName + ": Clear sent on " + how);
        assertTrue(eventually(Duration.ofSeconds(3), () -> "ended-by-customer".equals(sim.state(dep))));
        SimulatorFixture.sleep(3200);
        assertEquals("ended-by-customer", sim.state(dep), "never routed after the customer left");
    }

    @ParameterizedTest(name = "{0}: {1} ends the chat")
    @CsvSource({"leave,crossOriginLink", "leave,typedUrl", "leave,closeTab", "leave,reload",
                "always,crossOriginLink", "always,typedUrl", "always,closeTab", "always,reload"})
    void leavingEndsTheConversation(String mode, String how) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":3000}");
        chatInNewTab(dep, mode);
        Exits.perform(engine, sim, how, firstTab);
        assertEndedForGood(dep, how);
        assertTrue(sim.clearCount(dep) <= 2, "at most one repeat");
    }

    @Test
    void closingABackgroundChatTabEndsIt() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":3000}");
        chatInNewTab(dep, "leave");
        String chatTab = engine.tab();
        engine.newTab(); // the customer moved on to another site in a new tab
        engine.get(otherSite());
        engine.switchTo(chatTab); // WebDriver needs the tab current to close it; the page stays as it was
        engine.closeTab();
        engine.switchTo(firstTab);
        assertEndedForGood(dep, "closing a tab");
    }

    @ParameterizedTest(name = "never: {0} keeps the chat")
    @CsvSource({"crossOriginLink", "typedUrl", "closeTab", "reload"})
    void neverModeEndsNothingOnExit(String how) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        chatInNewTab(dep, "never");
        Exits.perform(engine, sim, how, firstTab);
        SimulatorFixture.sleep(1200);
        assertEquals(0, sim.clearCount(dep), "never: no Clear on " + how);
        assertEquals("waiting", sim.state(dep));
    }

    @Test
    void sameOriginLinkKeepsTheChatRestoresHistoryAndBackWorks() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":100}");
        engine.get(sim.pageUrl(dep, "mode=leave"));
        engine.say("question on page one");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        String conv = sim.onlyConversation(dep).path("id").asString();
        sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"answer from Dana\",\"nickname\":\"Dana\"}");
        engine.await(Duration.ofSeconds(5), "agent answer", () -> engine.transcriptText().contains("answer from Dana"));

        engine.click("#same-link");
        engine.await(Duration.ofSeconds(5), "page two", () -> engine.url().contains("step=2"));
        engine.await(Duration.ofSeconds(5), "history on page two", () -> engine.transcriptText().contains("answer from Dana")
                && engine.transcriptText().contains("question on page one"));
        assertEquals(0, sim.clearCount(dep), "same-origin link is not a leave");

        engine.back();
        engine.await(Duration.ofSeconds(5), "page one again", () -> !engine.url().contains("step=2"));
        if (engineName.equals("chromium")) {
            // the Navigation API reports the traversal before pagehide, where Chromium still sends: Back is no leave
            engine.await(Duration.ofSeconds(5), "a connected widget", () -> "connected".equals(engine.widgetState()));
            engine.say("back on page one");
            assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "back on page one")),
                    "the restored first page has a working widget");
            engine.await(Duration.ofSeconds(5), "message acknowledged", () -> !engine.transcriptText().contains("Sending"));
            assertEquals(0, sim.clearCount(dep));
            assertTrue(List.of("routed", "active").contains(sim.state(dep)), sim.state(dep));
        } else {
            // Firefox must end in beforeunload, before a Back is reported; WebKit has no Navigation API: Back ends
            // the chat there, as reload does (README). The page Back shows still has a working widget.
            assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) >= 1));
            engine.await(Duration.ofSeconds(5), "an ended or fresh widget",
                    () -> List.of("ended", "idle", "connected").contains(engine.widgetState()));
            assertTrue(!engine.transcriptText().contains("answer from Dana"), "no transcript of the ended chat");
            if (engine.present(".gcw-start-new")) {
                engine.clickInWidget(".gcw-start-new");
            }
            engine.say("back on page one");
            assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "back on page one")),
                    "the restored first page has a working widget");
            assertEquals(2, sim.conversations(dep).size(), "a new conversation");
        }
    }

    @Test
    void sameOriginFormSubmitKeepsTheChatAndRestoresHistory() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        chat(dep, "mode=leave", "about to search");
        engine.click("#same-submit");
        engine.await(Duration.ofSeconds(5), "search results", () -> engine.url().contains("q=x"));
        engine.await(Duration.ofSeconds(5), "history", () -> engine.transcriptText().contains("about to search"));
        SimulatorFixture.sleep(500);
        assertEquals(0, sim.clearCount(dep), "same-origin form submit is not a leave");
        assertEquals("waiting", sim.state(dep));
    }

    @Test
    void alwaysModeEndsEvenOnASameOriginLink() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        chat(dep, "mode=always", "always");
        engine.click("#same-link");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) >= 1));
        engine.await(Duration.ofSeconds(5), "page two", () -> engine.url().contains("step=2"));
        assertTrue(!engine.transcriptText().contains("always"), "the next page starts fresh");
    }

    @Test
    void closingOneOfTwoTabsKeepsTheChat() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        chatInNewTab(dep, "leave");
        String chatTab = engine.tab();
        engine.switchTo(firstTab);
        engine.get(sim.pageUrl(dep, "mode=leave")); // second tab with the same chat
        engine.await(Duration.ofSeconds(5), "history in the second tab", () -> engine.transcriptText().contains("hello from leave"));
        engine.switchTo(chatTab);
        engine.closeTab();
        engine.switchTo(firstTab);
        SimulatorFixture.sleep(1200);
        assertEquals(0, sim.clearCount(dep), "another tab still holds the chat");
        assertEquals("waiting", sim.state(dep));
        // the remaining tab is now the last one: leaving it ends the chat
        engine.get(otherSite());
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) >= 1));
    }

    @ParameterizedTest(name = "a window with {0} chat tabs closed at once ends the chat")
    @CsvSource({"2", "3"})
    void closingAWindowWithSeveralChatTabsEndsIt(int tabs) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":3000}");
        engine.get(otherSite().replace("127.0.0.1", "localhost")); // the opener: it closes the chat tabs together
        String url = sim.pageUrl(dep, "mode=leave");
        String open = "window.chatTabs=window.chatTabs||[];window.chatTabs.push(window.open(arguments[0],'_blank'));";
        engine.js(open, url);
        engine.await(Duration.ofSeconds(10), "the chat tab", () -> engine.tabs().size() == 2);
        List<String> before = engine.tabs();
        String chatTab = before.get(before.get(0).equals(firstTab) ? 1 : 0);
        engine.switchTo(chatTab);
        engine.say("hello from one of " + tabs);
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        engine.await(Duration.ofSeconds(5), "message acknowledged", () -> !engine.transcriptText().contains("Sending"));
        engine.switchTo(firstTab);
        for (int i = 1; i < tabs; i++) {
            engine.js(open, url); // more shop tabs while chatting
        }
        engine.await(Duration.ofSeconds(10), tabs + " chat tabs", () -> engine.tabs().size() == tabs + 1);
        for (String t : engine.tabs()) {
            if (!t.equals(firstTab)) {
                engine.switchTo(t);
                engine.await(Duration.ofSeconds(5), "history in every tab", () -> engine.transcriptText().contains("hello from one"));
            }
        }
        engine.switchTo(firstTab);
        assertEquals(0, sim.clearCount(dep));
        engine.js("window.chatTabs.forEach(function(w){w.close();});"); // in one task, as a window closes its tabs
        assertEndedForGood(dep, "closing the window");
        assertTrue(sim.clearCount(dep) <= 2L * tabs, "a Clear (and a repeat) per tab at the most");
    }

    @Test
    void anSpaRouteChangeDoesNotExcuseClosingTheTab() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        chatInNewTab(dep, "leave");
        engine.js("window.spaNavigate();");
        assertTrue(engine.url().contains("route=cart"));
        Exits.perform(engine, sim, "closeTab", firstTab);
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) >= 1),
                "a pushState is not a page exit the widget saw coming");
    }

    @Test
    void aHostPageThatThrowsInItsOwnExitHandlersDoesNotStopOurs() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":3000}");
        chatInNewTab(dep, "leave");
        engine.js("['beforeunload','pagehide','visibilitychange','unload'].forEach(function(t){"
                + "addEventListener(t,function(){throw new Error('host bug in '+t);},true);});");
        Exits.perform(engine, sim, "typedUrl", firstTab);
        assertEndedForGood(dep, "typed URL past a throwing host handler");
    }

    /**
     * The trade-off of ending in {@code beforeunload}: a page the customer stays on after the host's "leave this
     * page?" prompt. Firefox sent the Clear already and shows the ended chat (and the host hears {@code ended});
     * Chromium and WebKit end in {@code pagehide}, so the chat goes on.
     */
    @Test
    void aPageThatStaysAfterItsLeaveThisPagePrompt() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        chat(dep, "mode=leave", "I might go");
        engine.js("window.dispatchEvent(new Event('beforeunload'));"); // the prompt was shown and cancelled
        if (engineName.equals("firefox")) {
            engine.await(Duration.ofSeconds(5), "the ended view", () -> engine.present(".gcw-start-new"));
            assertEquals("ended", engine.widgetState());
            assertEquals(Boolean.TRUE, engine.js("return window.chatEvents.some(function(e){return e.name==='ended';});"));
            assertEquals("ended-by-customer", sim.state(dep));
        } else {
            SimulatorFixture.sleep(800);
            assertEquals(0, sim.clearCount(dep));
            assertEquals("connected", engine.widgetState());
        }
    }

    @Test
    void leavingWhileTheSocketIsDownEndsTheChatFirstThingOnTheNextPage() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        chat(dep, "mode=leave", "hello before the outage");
        outage(dep);
        engine.reload(); // leaving now cannot send anything: the end is kept for the next page
        SimulatorFixture.sleep(500);
        assertEquals(0, sim.clearCount(dep));
        engine.await(Duration.ofSeconds(5), "the next page shows the end under way", () -> "ending".equals(engine.widgetState()));
        sim.simulator.deployment(dep).set("{\"unreachable\":false}");
        assertTrue(eventually(Duration.ofSeconds(15), () -> "ended-by-customer".equals(sim.state(dep))),
                "the pending end went first once the service was back");
        engine.await(Duration.ofSeconds(5), "the ended chat", () -> "ended".equals(engine.widgetState()));
    }
}
