package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The widget in headless Chromium against the real simulator: quick replies, start new, Clear disabled, the JS
 * API's end, idle pages, minimise, the script tag. Round trip and End chat run in every engine
 * ({@link ChatInEveryEngineTest}).
 */
class ChatEndToEndTest extends BrowserTest {
    @Test
    void quickRepliesAreOfferedAndSendTheChoice() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":100}");
        browser.driver.get(sim.pageUrl(dep, "mode=never"));
        browser.say("Hello");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        String conv = sim.onlyConversation(dep).path("id").asString();
        sim.post("/sim/conversations/" + conv + "/messages",
                "{\"text\":\"What would you like to do?\",\"nickname\":\"Helper\",\"bot\":true,"
                        + "\"quickReplies\":[\"Track my order\",\"Talk to a person\"]}");
        browser.find(".gcw-choice").click();
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.framesIn(dep).stream().anyMatch(
                f -> "Track my order".equals(f.path("message").path("text").asString()))));
    }

    @Test
    void startNewChatAfterEndingStartsAnEmptyNewSession() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        browser.driver.get(sim.pageUrl(dep, "mode=never&confirm=false"));
        browser.say("first conversation");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        browser.find(".gcw-end").click(); // confirmEnd=false: ends without asking
        browser.waitFor(Duration.ofSeconds(5), d -> browser.present(".gcw-start-new"));
        browser.find(".gcw-start-new").click();
        browser.waitFor(Duration.ofSeconds(5), d -> "connected".equals(browser.widgetState()));
        assertFalse(browser.transcriptText().contains("first conversation"), "new chat starts empty");
        browser.say("second conversation");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 2));
        List<JsonNode> convs = sim.conversations(dep);
        assertEquals("ended-by-customer", convs.get(0).path("state").asString());
        assertEquals("waiting", convs.get(1).path("state").asString());
    }

    @Test
    void clearDisabledTellsTheCustomerAndTheHostAndKeepsWorking() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000,\"clearEnabled\":false}");
        browser.driver.get(sim.pageUrl(dep, "mode=never&confirm=false"));
        browser.find(".gcw-launcher").click();
        browser.waitFor(Duration.ofSeconds(5), d -> String.valueOf(browser.js("return window.consoleWarnings.join('|');"))
                .contains("Conversation Clear is disabled for deployment " + dep));
        assertTrue(browser.js("return window.consoleWarnings.join('|');").toString().contains("Enable 'Conversation Clear'"),
                "the site owner learns it when the chat loads (config.json), before any customer presses End chat");
        assertFalse(browser.present(".gcw-notice"), "the customer is not told anything yet");
        browser.say("hello");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        browser.find(".gcw-end").click();
        browser.waitFor(Duration.ofSeconds(5), d -> browser.present(".gcw-notice"));
        assertTrue(browser.find(".gcw-notice").getText().contains("isn't available"));
        Object code = browser.js("var e=window.chatEvents.filter(function(e){return e.name==='error';});"
                + "return e.length?e[e.length-1].payload.code:null;");
        assertEquals(403L, code);
        assertEquals("connected", browser.widgetState());
        browser.say("can I still write?");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "can I still write?")));
        assertEquals("waiting", sim.state(dep));
    }

    @Test
    void endFromTheJsApiResolvesWhenTheServerConfirmed() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        browser.driver.get(sim.pageUrl(dep, "mode=never"));
        browser.say("api end");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        Object result = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
                "var done=arguments[0];window.chat.end().then(function(){done('resolved:'+window.chat.state());},"
                        + "function(e){done('rejected:'+e.reason);});");
        assertEquals("resolved:ended", result);
        assertEquals("ended-by-customer", sim.state(dep));
    }

    @Test
    void anIdlePageThatNeverChatsOpensNoSocket() {
        String dep = sim.newDeployment("{}");
        browser.driver.get(sim.pageUrl(dep, "mode=always"));
        browser.find(".gcw-launcher");
        SimulatorFixture.sleep(800);
        browser.driver.get("http://127.0.0.1:" + sim.port + "/pages/other.html"); // leave
        SimulatorFixture.sleep(500);
        assertEquals(0, sim.connectionsOpened(dep), "no socket for a page view that never chatted");
        assertTrue(sim.conversations(dep).isEmpty());
    }

    @Test
    void minimisingNeverEndsAnythingAndShiftEnterMakesANewline() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        browser.driver.get(sim.pageUrl(dep, "mode=always"));
        browser.find(".gcw-launcher").click();
        org.openqa.selenium.WebElement input = browser.find(".gcw-input");
        input.sendKeys("line one");
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.SHIFT, org.openqa.selenium.Keys.ENTER));
        input.sendKeys("line two");
        assertEquals("line one\nline two", input.getDomProperty("value"), "Shift+Enter is a newline, not send");
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "line one\nline two")));
        browser.find(".gcw-minimize").click();
        browser.find(".gcw-launcher");
        SimulatorFixture.sleep(500);
        assertEquals(0, sim.clearCount(dep), "minimise is not End chat");
        assertEquals("connected", browser.widgetState());
        assertEquals("waiting", sim.state(dep));
        browser.find(".gcw-launcher").click();
        assertTrue(browser.transcriptText().contains("line two"), "the conversation is still there");
    }

    @Test
    void theScriptTagInitialisesFromItsDataAttributes() {
        sim.simulator.deployment("embed-deployment").set("{\"routingDelayMillis\":60000}");
        browser.driver.get("http://localhost:" + sim.port + "/pages/embed.html");
        browser.find(".gcw-launcher").click();
        assertEquals("Embedded support", browser.find(".gcw-title").getText());
        browser.say("hello from the embed");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received("embed-deployment", "hello from the embed")));
        assertEquals("connected", browser.js("return GuestChat.widget.state();"));
        assertEquals("function", browser.js("return typeof GuestChat.init;"));
        assertEquals("undefined", browser.js("return typeof init + typeof main + typeof autoInit;").toString()
                .replace("undefinedundefinedundefined", "undefined"), "nothing else is global");
    }

    @Test
    void aLongTranscriptOpensOnItsNewestRowsAndShowsEarlierOnesOnRequest() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":0}");
        browser.openChatAt(sim.pageUrl(dep, "mode=never"));
        browser.say("start");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "start")));
        String conv = sim.onlyConversation(dep).path("id").asString();
        browser.js("window.chat.minimize();");
        for (int i = 0; i < 249; i++) {
            sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"agent line " + i + "\"}");
        }
        browser.waitFor(Duration.ofSeconds(30), d -> ((Number) browser.js("return window.chatEvents.filter("
                + "function(e){return e.name==='message';}).length;")).intValue() >= 249);
        browser.js("window.chat.open();");
        String rows = "return document.querySelector('[data-guest-chat]').shadowRoot.querySelectorAll('.gcw-row').length;";
        assertEquals(100L, browser.js(rows), "the newest 100 rows are drawn");
        assertTrue(browser.find(".gcw-log .gcw-row:last-of-type").getText().contains("agent line 248"), "newest last");
        assertEquals("Show earlier messages", browser.find(".gcw-earlier").getText());
        browser.find(".gcw-earlier").click();
        assertEquals(200L, browser.js(rows));
        browser.find(".gcw-earlier").click();
        long total = (Long) browser.js(rows);
        assertTrue(total >= 250 && total < 300, "every row drawn: " + total);
        assertFalse(browser.present(".gcw-earlier"), "nothing earlier left");
        assertEquals("gcw-log", browser.js("var a=document.querySelector('[data-guest-chat]').shadowRoot.activeElement;"
                + "return a?a.className:null;"), "focus stays in the conversation");
        assertTrue(browser.transcriptText().contains("start"));
        browser.js("window.chat.minimize();window.chat.open();");
        assertEquals(100L, browser.js(rows), "the next open draws the newest rows again");
    }
}
