package dev.guestchat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine facts the page-exit design rests on (DESIGN.md §3), proven in each engine so a browser update that
 * changes one fails here first. Together they are why the widget names one engine trait
 * ({@code EngineTraits.socketsCloseBeforePageHide}) instead of testing a feature: nothing a page can test
 * before it exits shows that its sockets will be gone at {@code pagehide}, and {@code beforeunload} — the
 * last event where Gecko still sends — fires before any engine reports that the exit is a Back.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("engines")
class EngineFactsTest extends EngineTest {
    /** Records, across the navigation, what each exit event saw of an open socket. */
    private static final String RECORD = "localStorage.setItem('facts','');"
            + "function r(x){localStorage.setItem('facts',localStorage.getItem('facts')+' '+x);}"
            + "window.factSocket=new WebSocket('ws://'+location.host+'/v1?deploymentId='+arguments[0]);"
            + "addEventListener('beforeunload',function(){r('beforeunload:'+factSocket.readyState);});"
            + "addEventListener('pagehide',function(){r('pagehide:'+factSocket.readyState);});"
            + "if(window.navigation)navigation.addEventListener('navigate',function(e){r('navigate-'+e.navigationType);});";

    private String armedPage(String query) {
        String dep = sim.newDeployment("{}");
        engine.get("http://localhost:" + sim.port + "/pages/other.html?" + query);
        engine.js(RECORD, dep);
        engine.await(Duration.ofSeconds(5), "socket open", () -> Long.valueOf(1).equals(engine.js("return factSocket.readyState;")));
        return dep;
    }

    private String recorded() {
        return String.valueOf(engine.js("return localStorage.getItem('facts');")).trim();
    }

    private boolean gecko() {
        // the widget's own test (EngineTraits), run in this engine
        return Boolean.TRUE.equals(engine.js("return /\\brv:[0-9.]+\\) Gecko\\//.test(navigator.userAgent);"));
    }

    @Test
    void onlyGeckoClosesTheSocketBeforePagehideAndTheWidgetKnowsWhichEngineItIsIn() {
        armedPage("p=" + UUID.randomUUID());
        engine.get("http://localhost:" + sim.port + "/pages/other.html?next");
        String facts = recorded();
        boolean closedAtPagehide = !facts.contains("pagehide:1");
        assertTrue(facts.contains("beforeunload:1"), engineName + ": open at beforeunload: " + facts);
        assertEquals(engineName.equals("firefox"), closedAtPagehide, engineName + ": " + facts);
        assertEquals(closedAtPagehide, gecko(), "the trait the widget reads matches what the engine does");
    }

    @Test
    void beforeunloadFiresBeforeAnyEngineSaysTheExitIsABack() {
        engine.get("http://localhost:" + sim.port + "/pages/other.html?first");
        armedPage("second");
        engine.back();
        engine.await(Duration.ofSeconds(5), "the first page", () -> engine.url().contains("first"));
        String facts = recorded();
        assertTrue(facts.startsWith("beforeunload"), engineName + ": " + facts);
        boolean navigationApi = Boolean.TRUE.equals(engine.js("return !!window.navigation;"));
        if (navigationApi) {
            assertTrue(facts.indexOf("navigate-traverse") > facts.indexOf("beforeunload"), engineName + ": " + facts);
            assertTrue(facts.indexOf("navigate-traverse") < facts.indexOf("pagehide"), engineName + ": " + facts);
        } else {
            assertTrue(!facts.contains("navigate"), engineName + ": no Navigation API, no word of a Back: " + facts);
        }
    }
}
