package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Bad input never crashes anything and never loses data: garbage frames, unknown events, server error codes,
 * an unreachable socket, a wrong or missing deployment, a dropped connection.
 */
class BadInputTest extends BrowserTest {
    @Test
    void garbageUnknownFramesAndErrorCodesLeaveTheWidgetUsable() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":100}");
        browser.driver.get(sim.pageUrl(dep, "mode=never"));
        browser.say("hello");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        String token = sim.token(dep);
        for (String raw : new String[] {
                "not json at all {",
                "[1,2,3]",
                "null",
                "{\"type\":\"message\"}",
                "{\"type\":\"message\",\"class\":\"BrandNewEvent\",\"code\":200,\"body\":{}}",
                "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"body\":{\"id\":\"x1\",\"type\":\"Event\","
                        + "\"direction\":\"Outbound\",\"events\":[{\"eventType\":\"Hologram\",\"hologram\":{}}]}}",
                "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"body\":\"should be an object\"}",
                "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"body\":{\"direction\":42,\"text\":[1]}}",
                "{\"type\":\"response\",\"class\":\"string\",\"code\":5000,\"body\":\"Unexpected server error\"}",
                "{\"type\":\"response\",\"class\":\"Error\",\"code\":500,\"body\":{\"errorCode\":5000,\"errorMessage\":\"boom\"}}"}) {
            assertEquals(204, sim.post("/sim/sessions/" + token + "/raw", raw));
        }
        String conv = sim.onlyConversation(dep).path("id").asString();
        sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"still talking to you\"}");
        browser.waitFor(Duration.ofSeconds(5), d -> browser.transcriptText().contains("still talking to you"));
        assertEquals("connected", browser.widgetState());
        Object codes = browser.js("return window.chatEvents.filter(function(e){return e.name==='error';})"
                + ".map(function(e){return e.payload.code;}).join(',');");
        assertEquals("5000,500", codes, "server error codes reach the host as error events");
        browser.say("and I can still write");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "and I can still write")));
    }

    @Test
    void aDroppedConnectionReconnectsAndDeliversQueuedMessagesExactlyOnce() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":100}");
        browser.driver.get(sim.pageUrl(dep, "mode=never"));
        browser.say("before the drop");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        browser.waitFor(Duration.ofSeconds(5), d -> !browser.transcriptText().contains("Sending"));
        String token = sim.token(dep);
        sim.post("/sim/sessions/" + token + "/drop", "");
        browser.waitFor(Duration.ofSeconds(5), d -> "reconnecting".equals(browser.widgetState()));
        browser.say("typed while offline");
        browser.waitFor(Duration.ofSeconds(10), d -> "connected".equals(browser.widgetState()));
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.framesIn(dep).stream()
                .filter(f -> "typed while offline".equals(f.path("message").path("text").asString())).count() == 1));
        browser.waitFor(Duration.ofSeconds(5), d -> !browser.transcriptText().contains("Sending"));
        String transcript = browser.transcriptText();
        assertEquals(1, transcript.split("typed while offline", -1).length - 1, transcript);
        assertEquals(1, transcript.split("before the drop", -1).length - 1, "history merge adds no duplicates");
        assertEquals("connection-lost", lastError("reason"));
    }

    @Test
    void anUnreachableServiceShowsAStatusAndKeepsTypedMessages() {
        String dep = sim.newDeployment("{}");
        browser.driver.get(sim.pageUrl(dep, "mode=never&ws=ws://127.0.0.1:9/v1"));
        browser.say("is anyone there?");
        browser.waitFor(Duration.ofSeconds(5), d -> "reconnecting".equals(browser.widgetState()));
        assertTrue(browser.find(".gcw-status").getText().contains("Reconnecting"));
        assertEquals("unreachable", lastError("reason"));
        assertTrue(browser.transcriptText().contains("is anyone there?"), "the typed message is kept");
        assertTrue(browser.transcriptText().contains("Sending"), "and waits to be sent");
    }

    @Test
    void anUnknownDeploymentSaysSoPreciselyAndIsNotRetried() {
        String dep = "no-such-deployment-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        browser.driver.get(sim.pageUrl(dep, "mode=never"));
        browser.find(".gcw-launcher").click();
        browser.waitFor(Duration.ofSeconds(5), d -> "failed".equals(browser.widgetState()));
        assertEquals("unknown-deployment", lastError("reason"));
        assertTrue(browser.find(".gcw-notice").getText().contains("not set up"), browser.find(".gcw-notice").getText());
        long refused = sim.refusals(dep);
        SimulatorFixture.sleep(3_000);
        assertEquals(refused, sim.refusals(dep), "config.json said 404: the handshake is not retried");
        assertTrue(refused <= 1);
    }

    @Test
    void aMissingDeploymentIdSaysSoAndOpensNoSocket() {
        browser.driver.get("http://localhost:" + sim.port + "/pages/chat.html?deployment=&mode=never");
        browser.find(".gcw-launcher").click();
        browser.waitFor(Duration.ofSeconds(5), d -> "failed".equals(browser.widgetState()));
        assertTrue(browser.find(".gcw-status").getText().contains("not available"));
        assertEquals("missing-deployment-id", lastError("reason"));
        SimulatorFixture.sleep(500);
        assertTrue(!sim.get("/sim/events").toString().contains("deploymentId= "), "no socket was opened");
        assertTrue(!browser.present(".gcw-hint"), "no 'we usually answer' after failed");
        assertEquals(0L, browser.js("return window.chatEvents.filter(function(e){return e.name==='ready';}).length;"),
                "not ready: it cannot start");
        assertEquals(1L, browser.js("return document.querySelectorAll('[data-guest-chat]').length;"), "one launcher");
    }

    /** A page of another origin than the service's still learns that the deployment does not exist (CORS on 404). */
    @Test
    void anUnknownDeploymentOnAPageOfAnotherOriginFailsClearly() {
        String dep = "no-such-deployment-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        browser.driver.get("http://127.0.0.1:" + sim.port + "/pages/chat.html?deployment=" + dep + "&mode=never&ws="
                + "ws://localhost:" + sim.port + "/v1&api=http://localhost:" + sim.port);
        browser.find(".gcw-launcher").click();
        browser.waitFor(Duration.ofSeconds(5), d -> "failed".equals(browser.widgetState()));
        assertEquals("unknown-deployment", lastError("reason"));
        assertTrue(!browser.present(".gcw-hint"), "no 'we usually answer' after failed");
    }

    @Test
    void comingBackOnlineRetriesAtOnce() {
        String dep = sim.newDeployment("{\"unreachable\":true}"); // an outage: the handshake answers 503
        browser.driver.get(sim.pageUrl(dep, "mode=never"));
        browser.say("anyone there?");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.refusals(dep) >= 2), "first attempt, then 1 s backoff");
        // the service logs a refusal before the page sees its socket close: give the close a moment, so that the
        // widget is waiting out its backoff (the next attempt is 1.6–2.4 s after the refusal) when it hears 'online'
        SimulatorFixture.sleep(300);
        long before = sim.refusals(dep);
        browser.js("window.dispatchEvent(new Event('online'));");
        assertTrue(eventually(Duration.ofMillis(800), () -> sim.refusals(dep) > before), "online: retried at once");
    }
}
