package dev.guestchat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A page set up wrongly fails clearly in every engine: an unknown deployment, also on a page of another origin than
 * the service's (the 404 of its config.json carries CORS headers, so the page can read it), ends in {@code failed}
 * with {@code unknown-deployment} and is not retried; an empty deployment id opens no socket. Neither shows the
 * "we usually answer" hint; neither fires {@code ready} once failed (an empty id never does; an unknown one may
 * before its config.json answers).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("engines")
class BadSetUpTest extends EngineTest {

    private Object lastErrorReason() {
        return engine.js("var e=window.chatEvents.filter(function(x){return x.name==='error';});"
                + "return e.length?e[e.length-1].payload.reason:null;");
    }

    private long readyEvents() {
        return (Long) engine.js("return window.chatEvents.filter(function(e){return e.name==='ready';}).length;");
    }

    /** {@code ready} events after the first {@code error}: a chat known not to start never says it is ready. */
    private long readyAfterFailing() {
        return (Long) engine.js("var n=window.chatEvents.map(function(e){return e.name;}),i=n.indexOf('error');"
                + "return i<0?0:n.slice(i).filter(function(x){return x==='ready';}).length;");
    }

    @Test
    void anUnknownDeploymentOnAPageOfAnotherOriginFailsClearly() {
        String dep = "no-such-deployment-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        engine.get("http://127.0.0.1:" + sim.port + "/pages/chat.html?deployment=" + dep + "&mode=never&ws="
                + "ws://localhost:" + sim.port + "/v1&api=http://localhost:" + sim.port);
        engine.waitForWidget(".gcw-launcher");
        engine.clickInWidget(".gcw-launcher");
        engine.await(Duration.ofSeconds(5), "failed", () -> "failed".equals(engine.widgetState()));
        assertEquals("unknown-deployment", lastErrorReason(), engineName);
        assertFalse(engine.present(".gcw-hint"), "no 'we usually answer' after failed");
        assertEquals(0L, readyAfterFailing(), "no ready after failed (it may come before config.json answers)");
        long refused = sim.refusals(dep);
        SimulatorFixture.sleep(3_000);
        assertEquals(refused, sim.refusals(dep), "config.json said 404: the handshake is not retried");
    }

    @Test
    void anEmptyDeploymentIdFailsAndOpensNoSocket() {
        engine.get("http://localhost:" + sim.port + "/pages/chat.html?deployment=&mode=never");
        engine.waitForWidget(".gcw-launcher");
        engine.clickInWidget(".gcw-launcher");
        engine.await(Duration.ofSeconds(5), "failed", () -> "failed".equals(engine.widgetState()));
        assertEquals("missing-deployment-id", lastErrorReason(), engineName);
        assertFalse(engine.present(".gcw-hint"), "no 'we usually answer' after failed");
        assertEquals(0L, readyEvents(), "not ready: it cannot start");
        SimulatorFixture.sleep(500);
        assertFalse(sim.get("/sim/events").toString().contains("deploymentId= "), "no socket was opened");
    }
}
