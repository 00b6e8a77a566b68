package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first stage (issue 10) in Chromium, Firefox and WebKit: a page pays for the launcher only until the customer
 * shows intent, one click opens the chat, calls made early are kept, a stored conversation brings the full widget
 * at once (so leaving still ends it), and a failed load says so and is tried again.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("engines")
class FirstStageTest extends EngineTest {
    /** True once the page has fetched the full widget (a resource entry, or its script element still there). */
    private boolean fullWidgetFetched() {
        return Boolean.TRUE.equals(engine.js("return performance.getEntriesByType('resource').some(function(e){"
                + "return /guest-chat-full\\.js/.test(e.name);});"));
    }

    private boolean firstStageShown() {
        return Boolean.TRUE.equals(engine.js("return !!document.querySelector('[data-guest-chat][data-stage=first]');"));
    }

    private boolean fullWidgetShown() {
        return Boolean.TRUE.equals(engine.js("return !!document.querySelector('[data-guest-chat]:not([data-stage])');"));
    }

    @Test
    void aPageWithoutAConversationPaysOnlyForTheLauncherUntilTheCustomerShowsIntent() {
        String dep = sim.newDeployment("{}");
        engine.get(sim.pageUrl(dep, "mode=never"));
        engine.waitForWidget(".gcw-launcher");
        SimulatorFixture.sleep(500);
        assertTrue(firstStageShown(), "the first stage drew the launcher");
        assertFalse(fullWidgetFetched(), "the full widget is not fetched before intent");
        assertEquals("idle", engine.widgetState());
        assertEquals("Open chat", engine.js("return document.querySelector('[data-guest-chat]').shadowRoot"
                + ".querySelector('.gcw-launcher').getAttribute('aria-label');"));

        // focus on the launcher is intent: the widget is fetched and takes the launcher's place, nothing opens.
        // A window without the system focus gets no focus events (Firefox under BiDi at times): then the pointer
        // shows the intent instead, and the focus hand-over is not checked.
        boolean focused = Boolean.TRUE.equals(engine.js("var b=document.querySelector('[data-guest-chat]').shadowRoot"
                + ".querySelector('.gcw-launcher');b.focus();if(b.hasAttribute('aria-busy'))return true;"
                + "b.dispatchEvent(new PointerEvent('pointerenter'));return false;"));
        engine.await(Duration.ofSeconds(5), "the full widget", this::fullWidgetShown);
        assertTrue(fullWidgetFetched());
        assertFalse(firstStageShown(), "one launcher on the page");
        assertFalse(engine.present(".gcw-panel"), "intent alone opens nothing");
        if (focused) {
            assertEquals("gcw-launcher", engine.js("var a=document.querySelector('[data-guest-chat]').shadowRoot"
                    + ".activeElement;return a?a.className:null;"), "keyboard focus moved to the full widget's launcher");
        }
        assertEquals(0, sim.connectionsOpened(dep), "no socket for a page view that never chatted");
        assertEquals(java.util.List.of(), engine.js("return window.pageErrors;"));
    }

    @Test
    void oneClickOnTheFirstStagesLauncherOpensTheChat() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        engine.get(sim.pageUrl(dep, "mode=never"));
        engine.waitForWidget(".gcw-launcher");
        assertTrue(firstStageShown());
        engine.clickInWidget(".gcw-launcher");
        engine.waitForWidget(".gcw-input");
        engine.await(Duration.ofSeconds(5), "connected", () -> "connected".equals(engine.widgetState()));
        assertFalse(firstStageShown());
        assertEquals(1L, engine.js("return window.chatEvents.filter(function(e){return e.name==='open';}).length;"),
                "listeners registered on the first stage hear the full widget");
        engine.typeInWidget(".gcw-input", "one click was enough\n");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "one click was enough")));
    }

    @Test
    void callsMadeBeforeTheWidgetArrivesAreKeptAndMadeInOrder() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        engine.get(sim.pageUrl(dep, "mode=never"));
        engine.waitForWidget(".gcw-launcher");
        assertEquals(true, engine.js("var c=window.chat;c.setCustomAttributes({orderId:'A-7'});"
                + "var sent=c.send('sent before the widget was there');c.send('and a second line');return sent;"));
        assertFalse(engine.js("return window.chat.send('   ');") == Boolean.TRUE, "blank text is refused at once");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "and a second line")));
        assertTrue(sim.received(dep, "sent before the widget was there"));
        java.util.List<String> texts = sim.framesIn(dep).stream().map(f -> f.path("message").path("text").asString())
                .filter(t -> t != null && !t.isEmpty()).toList();
        assertEquals(java.util.List.of("sent before the widget was there", "and a second line"), texts, "in order");
        assertTrue(sim.framesIn(dep).stream().anyMatch(f -> "A-7".equals(
                f.path("message").path("channel").path("metadata").path("customAttributes").path("orderId").asString())));

        // a promise asked of the first stage settles as the full widget's does
        engine.get(sim.pageUrl(sim.newDeployment("{}"), "mode=never"));
        engine.waitForWidget(".gcw-launcher");
        engine.js("window.ended=null;window.chat.end().then(function(){window.ended='resolved';},"
                + "function(e){window.ended='rejected: '+e;});");
        engine.await(Duration.ofSeconds(5), "the promise of end()", () -> engine.js("return window.ended;") != null);
        assertEquals("resolved", engine.js("return window.ended;"), "nothing to end: resolved");
        assertEquals(java.util.List.of(), engine.js("return window.pageErrors;"));
    }

    @Test
    void aStoredConversationBringsTheWidgetAtOnceSoLeavingStillEndsIt() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        engine.openChatAt(sim.pageUrl(dep, "mode=leave"));
        engine.say("I will browse a little");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "I will browse a little")));
        engine.click("#same-link"); // a same-site page the widget saw coming: the chat goes on
        engine.await(Duration.ofSeconds(5), "the next page", () -> String.valueOf(engine.url()).contains("step=2"));
        engine.await(Duration.ofSeconds(5), "the full widget without intent", this::fullWidgetShown);
        engine.await(Duration.ofSeconds(5), "connected", () -> "connected".equals(engine.widgetState()));
        assertEquals(0, sim.clearCount(dep));
        engine.click("#cross-link"); // another site: the chat ends
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) == 1), "leaving ended the chat");
    }

    @Test
    void aFailedLoadSaysSoOnTheLauncherAndTheNextClickTriesAgain() throws Exception {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        Path full = sim.flakyDir.resolve("guest-chat-full.js");
        Files.deleteIfExists(full);
        engine.get("http://localhost:" + sim.port + "/pages/flaky.html?deployment=" + dep + "&mode=never");
        engine.waitForWidget(".gcw-launcher");
        engine.js("window.ended=null;window.chat.end().then(function(){window.ended='resolved';},"
                + "function(e){window.ended='rejected: '+e.message;});");
        engine.await(Duration.ofSeconds(5), "the failed load", () -> engine.present(".gcw-launcher[data-failed]"));
        assertEquals("Chat could not load. Select to try again.", engine.js("return document.querySelector("
                + "'[data-guest-chat]').shadowRoot.querySelector('.gcw-launcher').getAttribute('aria-label');"));
        assertEquals("rejected: guest-chat: the chat could not be loaded", engine.js("return window.ended;"));
        assertEquals("idle", engine.widgetState());
        engine.clickInWidget(".gcw-launcher"); // still missing: fails again, quietly
        engine.await(Duration.ofSeconds(5), "the second failure", () -> engine.present(".gcw-launcher[data-failed]")
                && !engine.present(".gcw-launcher[aria-busy]"));

        Files.copy(Path.of("web/dist/guest-chat-full.js"), full, StandardCopyOption.REPLACE_EXISTING);
        engine.clickInWidget(".gcw-launcher");
        engine.waitForWidget(".gcw-input");
        engine.await(Duration.ofSeconds(5), "connected", () -> "connected".equals(engine.widgetState()));
        assertEquals(java.util.List.of(), engine.js("return window.pageErrors;"), "nothing thrown into the page");
        assertEquals(0, sim.clearCount(dep), "the end() that failed with the load is not made later");
    }

    /** Subresource Integrity: the first stage knows the full widget's hash, so a swapped file is never run. */
    @Test
    void aSwappedFullWidgetIsRefused() throws Exception {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        Path full = sim.flakyDir.resolve("guest-chat-full.js");
        Files.writeString(full, Files.readString(Path.of("web/dist/guest-chat-full.js"))
                + "\nwindow.swapped=true;\n"); // what a compromised CDN would serve
        engine.get("http://localhost:" + sim.port + "/pages/flaky.html?deployment=" + dep + "&mode=never");
        engine.clickInWidget(".gcw-launcher");
        engine.await(Duration.ofSeconds(5), "the refused load", () -> engine.present(".gcw-launcher[data-failed]"));
        assertEquals(null, engine.js("return window.swapped===true?'ran':null;"), "the swapped file never ran");
        assertEquals("idle", engine.widgetState());
        assertEquals("load-failed", engine.js("var e=window.chatEvents.filter(function(x){return x.name==='error';});"
                + "return e.length?e[0].payload.reason:null;"), "the page hears why");
        Files.copy(Path.of("web/dist/guest-chat-full.js"), full, StandardCopyOption.REPLACE_EXISTING);
        engine.clickInWidget(".gcw-launcher"); // the real file: accepted
        engine.waitForWidget(".gcw-input");
        assertEquals(java.util.List.of(), engine.js("return window.pageErrors;"), "nothing thrown into the page");
    }
}
