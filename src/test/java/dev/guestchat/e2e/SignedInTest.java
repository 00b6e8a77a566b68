package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Signed-in customers (authenticated web messaging) in every engine: the test page's {@code auth} function gets a
 * code from the simulator's identity provider, and the first stage loads the signed-in widget for it.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("engines")
class SignedInTest extends EngineTest {
    private String page(String dep, String query) {
        return sim.pageUrl(dep, query);
    }

    private long authCount(String field) {
        return sim.get("/sim/auth").path(field).asLong();
    }

    /** How often this page's {@code auth} function was asked for a code. */
    private long authAsked() {
        Object n = engine.js("return window.authAsked===undefined?-1:window.authAsked;");
        return ((Number) n).longValue();
    }

    private long events(String name) {
        return ((Number) engine.js("var n=arguments[0];return window.chatEvents.filter(function(e){"
                + "return e.name===n;}).length;", name)).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> errorReasons() {
        return (List<String>) engine.js("return window.chatEvents.filter(function(e){return e.name==='error';})"
                + ".map(function(e){return String(e.payload.reason);});");
    }

    private List<String> actions(String dep) {
        return sim.framesIn(dep).stream().map(f -> f.path("action").asString()).toList();
    }

    private long refusedJwts(String token) {
        return sim.framesOut(token).stream().filter(f -> f.path("code").asInt() == 401).count();
    }

    @Test
    void aSignedInCustomerIsSeenByNameAndContinuesAfterAReloadAndInANewTabWithoutANewCode() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        long exchanges = authCount("exchanges");
        engine.get(page(dep, "mode=never&user=Ada%20Lovelace"));
        engine.say("hello, signed in");
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.received(dep, "hello, signed in")), "the service has it");
        assertEquals("Ada Lovelace", sim.onlyConversation(dep).path("customer").asString(), "the agent sees the name");
        assertEquals(1, authAsked(), "the site was asked for one code");
        assertEquals(exchanges + 1, authCount("exchanges"));
        assertTrue(actions(dep).contains("configureAuthenticatedSession"), actions(dep).toString());
        assertFalse(actions(dep).contains("configureSession"), "never configured as a guest: " + actions(dep));
        assertEquals(0, events("error"), "no failure");

        engine.reload();
        engine.await(Duration.ofSeconds(10), "the history after the reload",
                () -> engine.transcriptText().contains("hello, signed in"));
        engine.await(Duration.ofSeconds(10), "connected again", () -> "connected".equals(engine.widgetState()));
        assertEquals(0, authAsked(), "the reload continued on the stored tokens");

        engine.newTab();
        engine.get(page(dep, "mode=never&user=Ada%20Lovelace"));
        engine.say("and from a new tab");
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.received(dep, "and from a new tab")));
        assertEquals(0, authAsked(), "the new tab continued on the stored tokens");
        assertTrue(engine.transcriptText().contains("hello, signed in"), "the same conversation");
        assertEquals(1, sim.conversations(dep).size());
        assertEquals(exchanges + 1, authCount("exchanges"), "no second exchange");
    }

    @Test
    void theJwtIsRefreshedBeforeItExpiresSoAReconnectAfterExpiryIsNotRefused() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        sim.put("/sim/auth", "{\"jwtSeconds\":6}");
        try {
            long refreshes = authCount("refreshes");
            engine.get(page(dep, "mode=never&user=Grace"));
            engine.say("before expiry");
            assertTrue(eventually(Duration.ofSeconds(10), () -> sim.received(dep, "before expiry")));
            String token = sim.token(dep);
            assertTrue(eventually(Duration.ofSeconds(10), () -> authCount("refreshes") >= refreshes + 2),
                    "refreshed halfway through each 6 s JWT, silently");
            sim.post("/sim/sessions/" + token + "/drop", "{}"); // the first JWT has expired by now
            engine.await(Duration.ofSeconds(10), "reconnected", () -> "connected".equals(engine.widgetState()));
            engine.say("after expiry");
            assertTrue(eventually(Duration.ofSeconds(10), () -> sim.received(dep, "after expiry")));
            assertEquals(0, refusedJwts(token), "every configure had a JWT that was still good");
            assertEquals(1, authAsked(), "no new code was needed");
            assertFalse(errorReasons().stream().anyMatch(r -> r.startsWith("auth") || r.startsWith("signed")),
                    "nothing about the sign-in for the customer to see: " + errorReasons());
        } finally {
            sim.put("/sim/auth", "{\"jwtSeconds\":300}");
        }
    }

    @Test
    void signingOutInOneTabSignsOutEveryTabAndForgetsTheTokens() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        engine.get(page(dep, "mode=never&user=Alan"));
        engine.say("about to sign out");
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.received(dep, "about to sign out")));
        String second = engine.newTab();
        engine.get(page(dep, "mode=never&user=Alan"));
        engine.await(Duration.ofSeconds(10), "the second tab connected", () -> "connected".equals(engine.widgetState()));

        engine.js("window.chat.signOut();");
        engine.await(Duration.ofSeconds(10), "signed-out here", () -> events("signed-out") == 1);
        engine.switchTo(firstTab);
        engine.await(Duration.ofSeconds(10), "signed-out in the other tab", () -> events("signed-out") == 1);
        assertEquals(2, sim.framesOut(sim.token(dep)).stream()
                .filter(f -> "LogoutEvent".equals(f.path("class").asString())).count(), "the service told both sockets");
        Object left = engine.js("var n=0;for(var i=0;i<localStorage.length;i++)if(localStorage.key(i).indexOf('gcw.'"
                + "+arguments[0]+'.auth.')===0)n++;return n;", dep);
        assertEquals(0L, ((Number) left).longValue(), "no token is left in storage");
        engine.await(Duration.ofSeconds(5), "the customer is told", () -> engine.transcriptText().length() > 0
                && !"connected".equals(engine.widgetState()));

        engine.switchTo(second);
        engine.get(page(dep, "mode=never&user=Alan"));
        engine.say("signed in again");
        // the customer's conversation outlives the sign-out: signed in again (on a new token), they are back in it
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.onlyConversation(dep).path("transcript").toString()
                .contains("signed in again")), () -> sim.onlyConversation(dep).toString());
        assertEquals(1, authAsked(), "signing in again took a new code");
    }

    @Test
    void aGuestChatContinuesSignedInWhenTheCustomerSignsInOnTheSite() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        engine.get(page(dep, "mode=never"));
        engine.say("as a guest first");
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.received(dep, "as a guest first")));
        String token = sim.token(dep);

        engine.get(page(dep, "mode=never&user=Katherine"));
        engine.say("now signed in");
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.received(dep, "now signed in")));
        JsonNode conversation = sim.onlyConversation(dep);
        assertEquals(token, conversation.path("token").asString(), "the same session, stepped up");
        assertEquals("Katherine", conversation.path("customer").asString());
        assertTrue(engine.transcriptText().contains("as a guest first"), engine.transcriptText());
    }

    @Test
    void aPageThatGivesNoAuthGoesOnSignedInAndAGuestOnlyBundleStartsAsAGuestOnANewToken() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        engine.get(page(dep, "mode=never&user=Ada"));
        engine.say("signed in first");
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.received(dep, "signed in first")));

        engine.get(page(dep, "mode=never")); // a page of the site that signs nobody in
        engine.await(Duration.ofSeconds(10), "the history", () -> engine.transcriptText().contains("signed in first"));
        engine.say("still signed in");
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.onlyConversation(dep).path("transcript").toString()
                .contains("still signed in")), "on the signed-in tokens this browser holds");
        assertEquals("Ada", sim.onlyConversation(dep).path("customer").asString());

        // the headless guest bundle cannot sign in: the service refuses it the signed-in token (4017)
        engine.get("http://localhost:" + sim.port + "/demo/own-ui.html?deployment=" + dep + "&mode=never");
        engine.js("var t=document.getElementById('text');t.value='a guest here';");
        engine.click("#send");
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.conversations(dep).stream()
                .anyMatch(c -> c.path("customer").isNull() && c.path("transcript").toString().contains("a guest here"))),
                () -> "a guest conversation on a new token: " + sim.conversations(dep));
    }

    @Test
    void aGuestChatOnAnotherDeviceSignedInAsTheSameCustomerTakesOverAndThisOneSaysSo() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        engine.get(page(dep, "mode=never&user=Barbara"));
        engine.say("on my laptop");
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.received(dep, "on my laptop")));
        try (Engine phone = Engine.start(engineName)) {
            phone.get(page(dep, "mode=never"));
            phone.say("on my phone, as a guest");
            assertTrue(eventually(Duration.ofSeconds(10), () -> sim.conversations(dep).stream().anyMatch(c ->
                    c.path("transcript").toString().contains("on my phone, as a guest"))));
            phone.get(page(dep, "mode=never&user=Barbara")); // signs in on the phone: its guest chat steps up
            phone.say("signed in on my phone");
            assertTrue(eventually(Duration.ofSeconds(10), () -> sim.conversations(dep).stream().anyMatch(c ->
                    "Barbara".equals(c.path("customer").asString())
                            && c.path("transcript").toString().contains("signed in on my phone"))));
        }
        engine.await(Duration.ofSeconds(10), "the laptop is told", () -> errorReasons().contains("signed-in-elsewhere"));
        engine.await(Duration.ofSeconds(5), "and does not reconnect", () -> !"connected".equals(engine.widgetState())
                && !"reconnecting".equals(engine.widgetState()));
    }

    @Test
    void endChatEndsASignedInChat() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        engine.get(page(dep, "mode=never&user=Margaret"));
        engine.say("please end this");
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.received(dep, "please end this")));
        engine.clickInWidget(".gcw-end");
        engine.waitForWidget(".gcw-confirm");
        engine.clickInWidget(".gcw-confirm-end");
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.clearCount(dep) == 1), "Clear reached the service");
        engine.await(Duration.ofSeconds(10), "ended", () -> "ended".equals(engine.widgetState()));
        assertEquals("ended-by-customer", sim.state(dep));
    }

    @Test
    void leavingTheSiteEndsASignedInChat() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        engine.get(page(dep, "mode=leave&user=Edsger"));
        engine.say("leaving soon");
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.received(dep, "leaving soon")));
        Exits.perform(engine, sim, "typedUrl", firstTab);
        assertTrue(eventually(Duration.ofSeconds(10), () -> sim.clearCount(dep) == 1), "Clear on the exit");
    }
}
