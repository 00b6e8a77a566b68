package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guestchat.fuzz.FrameFuzzer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's frames into a live widget in Chromium, through the simulator's raw-frame fault injection (issue 10):
 * no uncaught exception on the page, no handler reaching the widget's last-resort catch, and afterwards the widget
 * still sends a message the agent receives and ends the chat with Clear. Seeded like {@code FrameFuzzTest}
 * ({@code -Dfuzz.seed}, {@code -Dfuzz.live=N} frames).
 */
class LiveFuzzTest extends BrowserTest {
    static final long SEED = Long.getLong("fuzz.seed", 20_261_129L);
    static final int FRAMES = Integer.getInteger("fuzz.live", 1_000);

    @Test
    void aThousandHostileFramesLeaveNoUncaughtErrorAndTheWidgetStillSendsAndEnds() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":600000}");
        browser.driver.get(sim.pageUrl(dep, "mode=never&confirm=false"));
        browser.js("window.pageErrors=[];window.handlerFailures=[];"
                + "addEventListener('error',function(e){pageErrors.push(String(e.message));});"
                + "addEventListener('unhandledrejection',function(e){pageErrors.push('rejection: '+e.reason);});"
                + "var w=console.warn;console.warn=function(m){if(String(m).indexOf('failed to handle')>=0)"
                + "handlerFailures.push(String(m));return w.apply(console,arguments);};");
        browser.say("hello");
        browser.waitFor(Duration.ofSeconds(5), d -> "connected".equals(browser.widgetState())
                && !browser.transcriptText().contains("Sending"));
        FrameFuzzer fuzzer = new FrameFuzzer(SEED);
        int delivered = 0;
        for (int n = 0; n < FRAMES; n++) {
            String frame = fuzzer.next();
            // a frame still on its way may end the chat just after live() saw it connected: then the next try finds
            // the new conversation's token
            for (int tries = 0; tries < 5; tries++) {
                if (sim.post("/sim/sessions/" + live(dep) + "/raw", frame) == 204) {
                    delivered++;
                    break;
                }
            }
            if (n % 100 == 99) {
                assertEquals("[]", String.valueOf(browser.js("return JSON.stringify(window.pageErrors);")),
                        "seed " + SEED + ", after frame " + n);
            }
        }
        assertEquals(FRAMES, delivered, "every frame reached the widget's socket");
        assertEquals("[]", String.valueOf(browser.js("return JSON.stringify(window.pageErrors);")), "seed " + SEED);
        assertEquals("[]", String.valueOf(browser.js("return JSON.stringify(window.handlerFailures);")), "seed " + SEED);
        live(dep);
        browser.say("still here after the storm");
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.received(dep, "still here after the storm")));
        long clears = sim.clearCount(dep);
        browser.js("window.chat.end();");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) > clears), "the Clear reached the service");
        browser.waitFor(Duration.ofSeconds(5), d -> "ended".equals(browser.widgetState()));
    }

    /**
     * Brings the widget back to a configured session the way a customer would (Start new chat after an end or a
     * read-only disconnect, open after a takeover) and answers with its token.
     */
    String live(String dep) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String state = browser.widgetState();
        while (!state.equals("connected")) { // a frame still on its way may end or suspend it again meanwhile
            if (System.nanoTime() > deadline) {
                throw new AssertionError("seed " + SEED + ": the widget stayed " + state + "; events "
                        + browser.js("return JSON.stringify(window.chatEvents.slice(-6));"));
            }
            if (state.equals("ended") || state.equals("read_only")) {
                browser.js("window.chat.startNew();");
            } else if (!state.equals("connecting") && !state.equals("reconnecting")) {
                browser.js("window.chat.open();");
            }
            SimulatorFixture.sleep(50);
            state = browser.widgetState();
        }
        return String.valueOf(browser.js("return localStorage.getItem('gcw.'+arguments[0]+'.token');", dep));
    }
}
