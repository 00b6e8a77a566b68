package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The public JS API, the custom element, keyboard use and a strict CSP, in real Chromium. */
class WidgetApiTest extends BrowserTest {
    Object active(String property) {
        return browser.js("var h=document.querySelector('[data-guest-chat]');var a=h&&h.shadowRoot.activeElement;"
                + "return a?a[arguments[0]]:null;", property);
    }

    @Test
    void customAttributesTravelWithTheNextMessageAndTheLimitIsEnforced() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        browser.driver.get(sim.pageUrl(dep, "mode=never"));
        browser.find(".gcw-launcher");
        browser.js("window.chat.setCustomAttributes({orderId:'A-1042', tier:'gold'});");
        browser.say("where is my order?");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.framesIn(dep).stream().anyMatch(f ->
                "A-1042".equals(f.path("message").path("channel").path("metadata").path("customAttributes")
                        .path("orderId").asString()))));
        Object thrown = browser.js("try{window.chat.setCustomAttributes({big:'x'.repeat(2050)});return 'no error';}"
                + "catch(e){return e.message;}");
        assertTrue(String.valueOf(thrown).contains("2048"), String.valueOf(thrown));
        assertEquals("custom-attributes-too-large", browser.js("var e=window.chatEvents.filter(function(e){"
                + "return e.name==='error';});return e[e.length-1].payload.reason;"));
        assertEquals("no error", browser.js("try{window.chat.setCustomAttributes({ok:'é'.repeat(1000)});return 'no error';}"
                + "catch(e){return e.message;}"), "2,000 UTF-8 bytes plus the key fit");
    }

    @Test
    void destroyRemovesDomSocketListenersAndExitHandling() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        browser.driver.get(sim.pageUrl(dep, "mode=always"));
        browser.say("hello then destroy");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        browser.waitFor(Duration.ofSeconds(5), d -> !browser.transcriptText().contains("Sending"));
        browser.js("window.chat.destroy();");
        assertEquals(0L, browser.js("return document.querySelectorAll('[data-guest-chat]').length;"));
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.onlyConversation(dep).path("guestConnections").asInt() == 0),
                "the socket is closed");
        long events = (Long) browser.js("return window.chatEvents.length;");
        sim.post("/sim/conversations/" + sim.onlyConversation(dep).path("id").asString() + "/messages",
                "{\"text\":\"nobody listens\"}");
        SimulatorFixture.sleep(300);
        assertEquals(events, browser.js("return window.chatEvents.length;"), "no events after destroy");
        browser.driver.get("http://127.0.0.1:" + sim.port + "/pages/other.html");
        SimulatorFixture.sleep(800);
        assertEquals(0, sim.clearCount(dep), "a destroyed widget no longer acts on page exit");
    }

    @Test
    void theCustomElementRendersInlineAndCleansUpWhenRemoved() {
        sim.simulator.deployment("element-deployment").set("{\"routingDelayMillis\":60000}");
        browser.driver.get("http://localhost:" + sim.port + "/pages/element.html");
        browser.find(".gcw-title"); // an inline chat loads the full widget at once
        WebElement host = browser.driver.findElement(By.cssSelector("guest-chat [data-guest-chat]"));
        assertEquals("Inline element", host.getShadowRoot().findElement(By.cssSelector(".gcw-title")).getText());
        assertTrue(host.getShadowRoot().findElements(By.cssSelector(".gcw-launcher")).isEmpty(), "inline: no launcher");
        assertTrue(host.getShadowRoot().findElements(By.cssSelector(".gcw-minimize")).isEmpty(), "inline: no minimise");
        WebElement input = host.getShadowRoot().findElement(By.cssSelector(".gcw-input"));
        input.sendKeys("hello from the element", Keys.ENTER);
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received("element-deployment", "hello from the element")));
        assertEquals("connected", browser.js("return document.querySelector('guest-chat').widget.state();"));
        browser.js("document.querySelector('guest-chat').remove();");
        assertEquals(0L, browser.js("return document.querySelectorAll('[data-guest-chat]').length;"));
        assertTrue(eventually(Duration.ofSeconds(5), () ->
                sim.onlyConversation("element-deployment").path("guestConnections").asInt() == 0));
    }

    @Test
    void unreadMessagesShowOnTheLauncherAndInTheTabTitleWhileMinimised() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        browser.driver.get(sim.pageUrl(dep, "mode=never"));
        browser.say("hello");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        browser.find(".gcw-minimize").click();
        String conv = sim.onlyConversation(dep).path("id").asString();
        sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"are you there?\"}");
        browser.waitFor(Duration.ofSeconds(5), d -> browser.present(".gcw-badge"));
        assertEquals("1", browser.find(".gcw-badge").getText());
        assertEquals("Open chat, 1 unread", browser.find(".gcw-launcher").getDomAttribute("aria-label"));
        assertEquals("(1) Test shop", browser.driver.getTitle());
        browser.find(".gcw-launcher").click();
        assertEquals("Test shop", browser.driver.getTitle());
        assertFalse(browser.present(".gcw-badge"));
    }

    @Test
    void theKeyboardAloneOpensChatsEndsAndMinimises() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        browser.driver.get(sim.pageUrl(dep, "mode=never"));
        WebElement launcher = browser.find(".gcw-launcher");
        launcher.sendKeys(Keys.ENTER);
        browser.waitFor(Duration.ofSeconds(5), d -> "gcw-input".equals(active("className")));
        browser.driver.switchTo().activeElement().sendKeys("typed with the keyboard", Keys.ENTER);
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        browser.find(".gcw-end").sendKeys(Keys.ENTER);
        browser.waitFor(Duration.ofSeconds(5), d -> "gcw-confirm-end".equals(active("className")));
        assertEquals("alertdialog", browser.find(".gcw-confirm").getDomAttribute("role"));
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("gcw-confirm-cancel", active("className"));
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("gcw-confirm-end", active("className"), "focus stays in the dialog");
        browser.driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertEquals("gcw-confirm-cancel", active("className"));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitFor(Duration.ofSeconds(5), d -> !browser.present(".gcw-confirm"));
        // focus moves a task after the re-render (focusSoon): wait for it rather than race it
        assertTrue(eventually(Duration.ofSeconds(2), () -> "gcw-end".equals(active("className"))),
                "focus returns to End chat, not " + active("className"));
        assertEquals(0, sim.clearCount(dep));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitFor(Duration.ofSeconds(5), d -> browser.present(".gcw-launcher"));
        assertTrue(eventually(Duration.ofSeconds(2), () -> "gcw-launcher".equals(active("className"))),
                "minimise returns focus to the launcher, not " + active("className"));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.find(".gcw-end").sendKeys(Keys.ENTER);
        browser.waitFor(Duration.ofSeconds(5), d -> "gcw-confirm-end".equals(active("className")));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) == 1));
        browser.waitFor(Duration.ofSeconds(5), d -> browser.present(".gcw-start-new"));
    }

    @Test
    void everyControlHasAnAccessibleName() {
        String dep = sim.newDeployment("{}");
        browser.driver.get(sim.pageUrl(dep, "mode=never"));
        assertTrue(String.valueOf(browser.find(".gcw-launcher").getAccessibleName()).startsWith("Open chat"));
        browser.find(".gcw-launcher").click();
        browser.find(".gcw-end").click();
        List<WebElement> controls = browser.shadow().findElements(By.cssSelector("button, textarea"));
        assertTrue(controls.size() >= 5);
        for (WebElement c : controls) {
            assertFalse(c.getAccessibleName().isBlank(), c.getDomAttribute("class") + " has no accessible name");
        }
        assertEquals("log", browser.find(".gcw-log").getDomAttribute("role"));
    }

    @Test
    void darkThemeIsApplied() {
        String dep = sim.newDeployment("{}");
        browser.driver.get("http://localhost:" + sim.port + "/pages/chat.html");
        browser.js("window.chat2=GuestChat.init({deploymentId:arguments[0],websocketUrl:'/v1',apiUrl:'',theme:'dark'});", dep);
        browser.find(".gcw-launcher").click();
        browser.find(".gcw-panel"); // the click loads the full widget, which opens
        String bg = String.valueOf(browser.js("var h=document.querySelector('[data-guest-chat]');"
                + "return getComputedStyle(h.shadowRoot.querySelector('.gcw-panel')).backgroundColor;"));
        assertEquals("rgb(30, 34, 39)", bg);
    }

    @Test
    void aStrictContentSecurityPolicyCausesNoViolations() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":100}");
        browser.driver.get("http://localhost:" + sim.port + "/csp/chat.html?deployment=" + dep + "&mode=never&confirm=false");
        browser.say("hello under a strict CSP");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        String conv = sim.onlyConversation(dep).path("id").asString();
        sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"styled answer\"}");
        browser.waitFor(Duration.ofSeconds(5), d -> browser.transcriptText().contains("styled answer"));
        String radius = String.valueOf(browser.js("var h=document.querySelector('[data-guest-chat]');"
                + "return getComputedStyle(h.shadowRoot.querySelector('.gcw-panel')).borderTopLeftRadius;"));
        assertEquals("12px", radius, "the stylesheet applies under style-src 'self'");
        browser.find(".gcw-end").click();
        browser.waitFor(Duration.ofSeconds(5), d -> browser.present(".gcw-ended"));
        assertEquals(1, sim.clearCount(dep));
        Object violations = ((JavascriptExecutor) browser.driver).executeScript("return window.cspViolations;");
        assertEquals(List.of(), violations);
        browser.js("var s=document.createElement('style');s.textContent='h1{color:red}';document.head.appendChild(s);");
        browser.waitFor(Duration.ofSeconds(5), d -> ((Number) browser.js("return window.cspViolations.length;")).intValue() == 1);
        assertTrue(String.valueOf(browser.js("return window.cspViolations[0];")).startsWith("style-src"),
                "the policy is really in force: a page's own inline style is blocked");
    }

    /** CSRF: a page of another origin cannot speak as the agent, even with a request the browser sends blind. */
    @Test
    void aPageOfAnotherOriginCannotDriveTheSimulator() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        browser.driver.get(sim.pageUrl(dep, "mode=never")); // the chat, on http://localhost
        browser.say("hello");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        String conv = sim.onlyConversation(dep).path("id").asString();
        browser.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        browser.driver.get("http://127.0.0.1:" + sim.port + "/pages/other.html"); // another origin
        Object statuses = ((JavascriptExecutor) browser.driver).executeAsyncScript("var done=arguments[arguments.length-1];"
                + "var u='http://localhost:" + sim.port + "/sim/conversations/" + conv + "/messages';"
                + "Promise.all([fetch(u,{method:'POST',mode:'no-cors',headers:{'Content-Type':'text/plain'},"
                + "body:JSON.stringify({text:'injected (no-cors)'})}).then(function(r){return r.type;}),"
                + "fetch(u,{method:'POST',headers:{'Content-Type':'application/json'},"
                + "body:JSON.stringify({text:'injected (cors)'})}).then(function(r){return r.status;},function(){return 'blocked';})"
                + "]).then(done);");
        assertEquals(List.of("opaque", "blocked"), statuses, "sent blind, and the JSON one stopped at the preflight");
        SimulatorFixture.sleep(300);
        assertFalse(sim.onlyConversation(dep).path("transcript").toString().contains("injected"), "no message injected");
        assertTrue(sim.get("/sim/events").toString().contains("hello"), "the simulator's own API still reads");
    }

    /**
     * Messenger Deployments' allowed domains, rehearsed: the simulator refuses another origin's handshake with HTTP
     * 403. The page cannot read why, so the widget first reports an outage; refused again and again for a deployment
     * whose config.json exists, it names the allow-list (event and console) and keeps trying.
     */
    @Test
    void aSiteOutsideTheDeploymentsAllowedOriginsIsRefusedAndTold() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000,\"allowedOrigins\":[\"https://shop.example.com\"]}");
        browser.driver.get(sim.pageUrl(dep, "mode=never"));
        browser.say("hello?");
        browser.waitFor(Duration.ofSeconds(5), d -> "reconnecting".equals(browser.js("return window.chat.state();")));
        assertTrue(sim.get("/sim/events").toString().contains("origin=http://localhost:" + sim.port + " (not allowed)"));
        String reasons = "return window.chatEvents.filter(function(x){return x.name==='error';})"
                + ".map(function(x){return x.payload.reason;}).join(',');";
        browser.waitFor(Duration.ofSeconds(10), d -> String.valueOf(browser.js(reasons)).contains("origin-not-allowed"));
        assertEquals("unreachable,origin-not-allowed", browser.js(reasons), "an outage first, then the likely cause");
        assertTrue(String.valueOf(browser.js("return window.consoleWarnings.join('|');")).contains("Messenger Deployments"));
        assertTrue(browser.transcriptText().contains("hello?"), "the customer's line is kept");
        assertEquals("reconnecting", browser.js("return window.chat.state();"), "still trying: the list may be fixed");
        assertEquals(0, sim.conversations(dep).size(), "nothing reached the service");
        sim.simulator.deployment(dep).set("{\"allowedOrigins\":[\"http://localhost:" + sim.port + "\"]}");
        assertTrue(eventually(Duration.ofSeconds(15), () -> sim.received(dep, "hello?")), "allowed: the message goes");
    }
}
