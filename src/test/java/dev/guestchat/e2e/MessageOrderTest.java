package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A customer who types fast (issue 11), in Chromium against the simulator's real rate limit: the agent reads
 * every line once, in the order typed, even across dropped sockets, without a storm of 429s.
 */
class MessageOrderTest extends BrowserTest {
    @Test
    void twentyLinesTenPerSecondWithTwoDropsReachTheAgentOnceInOrder() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        browser.openChatAt(sim.pageUrl(dep, "mode=never"));
        sim.typeFast(browser, 20, 100);
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        String token = sim.token(dep);
        SimulatorFixture.sleep(700);
        sim.post("/sim/sessions/" + token + "/drop", "");
        SimulatorFixture.sleep(2500);
        sim.post("/sim/sessions/" + token + "/drop", "");
        List<String> typed = IntStream.range(0, 20).mapToObj(i -> "m-" + i).toList();
        assertTrue(eventually(Duration.ofSeconds(40), () -> sim.agentRead(dep).size() >= 20), "all arrived: " + sim.agentRead(dep));
        assertEquals(typed, sim.agentRead(dep), "in the order typed");
        long frames = sim.textFramesIn(dep);
        assertTrue(frames <= 22, "at most one more frame per drop: " + frames);
        assertTrue(sim.tooManyRequests(token) <= 2, "no 429 storm: " + sim.tooManyRequests(token));
        browser.await(Duration.ofSeconds(5), "every line acknowledged", () -> !browser.transcriptText().contains("Sending"));
        String shown = browser.transcriptText();
        for (String t : typed) {
            assertEquals(1, shown.split("\\b" + t + "\\b", -1).length - 1, t + " shown once: " + shown);
        }
    }
}
