package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Base of the suites that run in every engine: one real simulator and one browser per engine, for a class
 * annotated {@code @ParameterizedClass @MethodSource("engines")}. {@code -Dengines=firefox} (comma list) picks
 * engines for a local run; {@code mvn verify} runs all three. After each test only the first tab is left,
 * on a blank page.
 */
abstract class EngineTest {
    static SimulatorFixture sim;
    static Engine engine;
    /** The first tab: never closed, so the browser keeps running between tests. */
    static String firstTab;

    @Parameter
    String engineName;

    static List<String> engines() {
        return Arrays.asList(System.getProperty("engines", "chromium,firefox,webkit").split(","));
    }

    @BeforeParameterizedClassInvocation
    static void startSimulatorAndEngine(String name) {
        sim = new SimulatorFixture();
        engine = Engine.start(name);
        firstTab = engine.tab();
    }

    @AfterParameterizedClassInvocation
    static void stopSimulatorAndEngine() {
        try {
            engine.close();
        } finally {
            sim.close();
        }
    }

    @AfterEach
    void leavePage() {
        try {
            for (String t : engine.tabs()) {
                if (!t.equals(firstTab)) {
                    engine.switchTo(t);
                    engine.closeTab();
                }
            }
            engine.switchTo(firstTab);
            engine.get("about:blank");
        } catch (RuntimeException hung) {
            // a driver that stopped answering would make every later test of the class wait out its page-load
            // limit: the next test gets a fresh browser of the same engine
            System.err.println("EngineTest: restarting " + engineName + " after " + hung.getClass().getSimpleName());
            try {
                engine.close();
            } catch (RuntimeException alsoHung) {
                // close() stops the driver's process either way
            }
            engine = Engine.start(engineName);
            firstTab = engine.tab();
        }
    }

    /** Opens the test page in the current tab, says {@code text} and waits until the simulator acknowledged it. */
    void chat(String dep, String query, String text) {
        engine.get(sim.pageUrl(dep, query));
        engine.say(text);
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1), "a conversation");
        engine.await(Duration.ofSeconds(5), "message acknowledged", () -> !engine.transcriptText().contains("Sending"));
    }

    /** The service goes away under the live chat: unreachable, its socket dropped, the widget reconnecting. */
    void outage(String dep) {
        String token = sim.token(dep);
        sim.simulator.deployment(dep).set("{\"unreachable\":true}");
        sim.post("/sim/sessions/" + token + "/drop", "");
        engine.await(Duration.ofSeconds(5), "the widget sees the outage", () -> "reconnecting".equals(engine.widgetState()));
    }

    /** The other origin the test pages link to: same simulator, other host name. */
    String otherSite() {
        return "http://127.0.0.1:" + sim.port + "/pages/other.html";
    }
}
