package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The widget in headless Chromium against the real simulator: chatting, history, End chat. */
class ChatEndToEndTest {
    static SimulatorFixture sim;
    static Browser browser;

    @BeforeAll
    static void start() {
        sim = new SimulatorFixture();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        sim.close();
    }

    @AfterEach
    void leavePage() {
        browser.driver.get("about:blank");
    }

    @Test
    void chatRoundTripShowsOwnMessageOnceAndAgentReplyAsText() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":200}");
        browser.driver.get(sim.pageUrl(dep, "mode=never"));
        browser.say("Hi, my parcel is late");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        JsonNode conv = sim.onlyConversation(dep);
        assertTrue(eventually(Duration.ofSeconds(5),
                () -> "routed".equals(sim.onlyConversation(dep).path("state").asString())));
        sim.post("/sim/conversations/" + conv.path("id").asString() + "/messages",
                "{\"text\":\"<img src=x onerror=alert(1)>Hello, I'm Dana\",\"nickname\":\"Dana\"}");
        browser.waitFor(Duration.ofSeconds(5), d -> browser.transcriptText().contains("Hello, I'm Dana"));
        String transcript = browser.transcriptText();
        assertTrue(transcript.contains("<img src=x onerror=alert(1)>"), "agent text is shown as text: " + transcript);
        assertFalse(browser.present(".gcw-log img"), "agent text never becomes markup");
        assertEquals(1, transcript.split("Hi, my parcel is late", -1).length - 1, "own message shown once");
        assertFalse(transcript.contains("Sending"), transcript);
        assertEquals("active", sim.onlyConversation(dep).path("state").asString());
    }
}
