package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * What the customer typed while the service could not be reached survives the page going: the next page of the site
 * sends it first, once, in typed order — after a same-site link, and after a reload that ends the chat (then before
 * its Clear). In every engine, because the copy is written when the line is typed, not when the page goes.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("engines")
class NeverLoseAWordTest extends EngineTest {

    /** Every customer line the service accepted into the conversation, in order, repeats included. */
    private List<String> accepted(String dep) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : sim.onlyConversation(dep).path("transcript")) {
            if ("customer".equals(line.path("from").asString())) {
                lines.add(line.path("text").asString());
            }
        }
        return lines;
    }

    /** The notice line the panel shows ("Can't reach the chat service…"), empty when none is shown. */
    private String notice() {
        return String.valueOf(engine.js(Engine.HOST + "var n=h&&h.shadowRoot.querySelector('.gcw-notice');"
                + "return n&&n.getClientRects().length?n.textContent:'';"));
    }

    @Test
    void linesTypedOfflineAreSentByTheNextPageOnceInOrder() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000,\"unreachable\":true}");
        engine.get(sim.pageUrl(dep, "mode=leave"));
        engine.say("first line offline");
        engine.say("second line offline");
        engine.await(Duration.ofSeconds(5), "both waiting", () -> engine.transcriptText().contains("second line offline")
                && "reconnecting".equals(engine.widgetState()));

        engine.click("#same-link");
        engine.await(Duration.ofSeconds(5), "page two", () -> engine.url().contains("step=2"));
        engine.await(Duration.ofSeconds(5), "the lines shown as being sent on page two",
                () -> engine.transcriptText().contains("first line offline")
                        && engine.transcriptText().contains("second line offline"));
        assertTrue(sim.conversations(dep).isEmpty(), "nothing reached the service yet");

        sim.simulator.deployment(dep).set("{\"unreachable\":false}");
        assertTrue(eventually(Duration.ofSeconds(20), () -> sim.conversations(dep).size() == 1
                && accepted(dep).size() >= 2), engineName + ": the lines arrived once the service was back");
        engine.await(Duration.ofSeconds(5), "both acknowledged", () -> !engine.transcriptText().contains("Sending"));
        SimulatorFixture.sleep(1000); // a double would come right behind
        assertEquals(List.of("first line offline", "second line offline"), accepted(dep), "once each, in typed order");
        assertEquals(0, sim.clearCount(dep), "a same-site link ends nothing");
        assertFalse(notice().contains("reach"), "no stale outage notice: " + notice());
    }

    @Test
    void aLineTypedOfflineArrivesBeforeTheReloadsClear() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        chat(dep, "mode=leave", "hello before the outage");
        outage(dep);
        engine.say("my line during the outage");
        engine.await(Duration.ofSeconds(5), "the line waits", () -> engine.transcriptText().contains("during the outage"));

        engine.reload(); // leaving: the end is kept for the next page, and so is the line
        engine.await(Duration.ofSeconds(5), "the next page shows the end under way", () -> "ending".equals(engine.widgetState()));
        sim.simulator.deployment(dep).set("{\"unreachable\":false}");
        assertTrue(eventually(Duration.ofSeconds(20), () -> "ended-by-customer".equals(sim.state(dep))),
                engineName + ": the pending end went once the service was back");
        List<String> wire = sim.wire(dep);
        int line = wire.indexOf("text:my line during the outage");
        assertTrue(line > 0 && line < wire.lastIndexOf("Clear"), "the line, then the Clear: " + wire);
        assertEquals(1, wire.stream().filter("text:my line during the outage"::equals).count(), "sent once: " + wire);
        assertEquals(List.of("hello before the outage", "my line during the outage"), accepted(dep));
        engine.await(Duration.ofSeconds(5), "the ended chat", () -> "ended".equals(engine.widgetState()));
        engine.await(Duration.ofSeconds(5), "no stale outage notice", () -> !notice().contains("reach"));
    }
}
