package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * A page that draws its own chat on the headless session ({@code demo/own-ui.html} on
 * {@code guest-chat-headless.js}), in every engine: everything it draws comes from the session's events, it ends
 * with {@code end()}, and every real exit ends the conversation while same-site navigation and a second tab do not.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("engines")
class OwnUiTest extends EngineTest {
    private String page(String dep, String mode) {
        return "http://localhost:" + sim.port + "/demo/own-ui.html?deployment=" + dep + "&mode=" + mode;
    }

    /** Types into the page's own message box and sends with its button. */
    private void say(String text) {
        engine.js("var t=document.getElementById('text');t.focus();t.value=arguments[0];"
                + "t.dispatchEvent(new Event('input',{bubbles:true}));", text);
        engine.click("#send");
    }

    /** The page's own log, as drawn. */
    private String log() {
        return String.valueOf(engine.js("return document.getElementById('log').innerText;"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events(String name) {
        return (List<Map<String, Object>>) engine.js("var n=arguments[0];return window.ownUiEvents.filter(function(e){"
                + "return e.name===n;}).map(function(e){return e.payload;});", name);
    }

    private void chatOnOwnUi(String dep, String mode, String text) {
        engine.get(page(dep, mode));
        say(text);
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, text)), "the service has it");
        engine.await(Duration.ofSeconds(5), "sent", () -> events("message-status").stream()
                .anyMatch(m -> text.equals(m.get("text")) && "sent".equals(m.get("status"))));
    }

    private String conversation(String dep) {
        return sim.onlyConversation(dep).path("id").asString();
    }

    @Test
    void aRoundTripWithTheCustomersOwnLinesTypingQuickRepliesAFileAndEnd() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000,\"fileTypes\":[\"text/plain\"]}");
        engine.get(page(dep, "never"));
        say("hello from my own UI");
        engine.await(Duration.ofSeconds(5), "the customer's own line as an event", () -> events("message").stream()
                .anyMatch(m -> "customer".equals(m.get("sender")) && "hello from my own UI".equals(m.get("text"))));
        Map<String, Object> own = events("message").get(0);
        assertEquals("sending", own.get("status"));
        assertEquals(own.get("id"), own.get("localId"), "the id send() returned, until the service gives its own");
        engine.await(Duration.ofSeconds(5), "acknowledged", () -> events("message-status").stream()
                .anyMatch(m -> own.get("localId").equals(m.get("localId")) && "sent".equals(m.get("status"))
                        && !own.get("localId").equals(m.get("id"))));
        assertTrue(sim.received(dep, "hello from my own UI"));
        engine.js("var t=document.getElementById('text');t.value='and';t.dispatchEvent(new Event('input',{bubbles:true}));");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.onlyConversation(dep).path("guestTypingEvents").asInt() >= 1),
                "the agent saw the customer typing");

        String conv = conversation(dep);
        sim.post("/sim/conversations/" + conv + "/typing", "{}");
        engine.await(Duration.ofSeconds(5), "agent typing", () -> events("typing").stream()
                .anyMatch(t -> Boolean.TRUE.equals(t.get("typing"))));
        sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"**Hi**, how can I help?\",\"nickname\":\"Dana\","
                + "\"quickReplies\":[{\"text\":\"Track my order\",\"payload\":\"TRACK\"}]}");
        engine.await(Duration.ofSeconds(5), "the agent's message", () -> log().contains("how can I help?"));
        Map<String, Object> agent = events("message").stream().filter(m -> "agent".equals(m.get("sender"))).findFirst().orElseThrow();
        assertEquals("Dana", agent.get("name"));
        assertEquals("**Hi**, how can I help?", agent.get("text"), "the text as written");
        assertTrue(String.valueOf(agent.get("blocks")).contains("style=bold"), "and formatted: " + agent.get("blocks"));
        assertFalse(log().contains("**"), "the page drew the formatted blocks");
        assertTrue(events("typing").stream().anyMatch(t -> Boolean.FALSE.equals(t.get("typing"))), "typing stops with the message");

        engine.click("#replies button");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "Track my order")));
        JsonNode answer = sim.framesIn(dep).stream().filter(f -> "Track my order".equals(f.path("message").path("text")
                .asString())).findFirst().orElseThrow();
        JsonNode reply = answer.path("message").path("content").path(0).path("buttonResponse");
        assertEquals("QuickReply", reply.path("type").asString());
        assertEquals("TRACK", reply.path("payload").asString());

        engine.js("window.session.attach(new File(['hello file'], 'note.txt', {type: 'text/plain'}));");
        engine.await(Duration.ofSeconds(10), "the file is ready", () -> events("upload-progress").stream()
                .anyMatch(p -> p.get("file") instanceof Map<?, ?> f && Boolean.TRUE.equals(f.get("ready"))));
        say("here is the file");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.onlyConversation(dep).path("transcript").toString()
                .contains("note.txt")), "the agent has the file");
        engine.await(Duration.ofSeconds(5), "the page shows the customer's file", () -> log().contains("note.txt"));

        engine.click("#end");
        engine.click("#end-yes");
        assertTrue(eventually(Duration.ofSeconds(5), () -> "ended-by-customer".equals(sim.state(dep))),
                () -> "not ended: " + events("error") + " " + events("state"));
        engine.await(Duration.ofSeconds(5), "ended", () -> events("ended").stream()
                .anyMatch(e -> Boolean.TRUE.equals(e.get("byCustomer"))));
        assertEquals("ended", engine.js("return window.session.state();"));
        assertEquals(0L, engine.js("return document.querySelectorAll('[data-guest-chat]').length;"), "no widget DOM");
    }

    @Test
    void historyIsRestoredAsEventsAfterASameSiteLinkAndAfterAReload() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        chatOnOwnUi(dep, "leave", "question on page one");
        sim.post("/sim/conversations/" + conversation(dep) + "/messages", "{\"text\":\"answer from Dana\",\"nickname\":\"Dana\"}");
        engine.await(Duration.ofSeconds(5), "the answer", () -> log().contains("answer from Dana"));

        engine.click("#same-link");
        engine.await(Duration.ofSeconds(5), "page two", () -> engine.url().contains("page=2"));
        engine.await(Duration.ofSeconds(10), "both lines restored", () -> events("message").stream()
                .filter(m -> Boolean.TRUE.equals(m.get("restored"))).map(m -> m.get("text")).toList()
                .containsAll(List.of("question on page one", "answer from Dana")));
        assertFalse(events("restored").isEmpty(), "a restored event after the history");
        assertEquals(2L, events("message").stream().map(m -> m.get("id")).distinct().count(), "each once");
        assertEquals(0, sim.clearCount(dep), "a same-site link is not a leave");
        assertTrue(log().indexOf("question on page one") < log().indexOf("answer from Dana"), log());

        engine.js("var a=document.getElementById('same-link'),u=new URL(a.href);u.searchParams.set('mode','never');"
                + "u.searchParams.set('page','3');a.href=u.href;"); // page three lets a reload keep the chat
        engine.click("#same-link");
        engine.await(Duration.ofSeconds(5), "page three", () -> engine.url().contains("page=3"));
        engine.await(Duration.ofSeconds(10), "restored on page three", () -> events("message").size() == 2);
        engine.reload();
        engine.await(Duration.ofSeconds(10), "restored after the reload", () -> events("message").stream()
                .filter(m -> Boolean.TRUE.equals(m.get("restored"))).count() == 2);
        assertEquals(0, sim.clearCount(dep));
    }

    @ParameterizedTest(name = "{0} ends the chat")
    @CsvSource({"crossOriginLink", "typedUrl", "closeTab", "reload"})
    void leavingEndsTheConversation(String how) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":3000}");
        engine.newTab();
        chatOnOwnUi(dep, "leave", "hello before I " + how);
        engine.js("var a=document.createElement('a');a.id='cross-link';a.textContent='elsewhere';"
                + "a.href='http://127.0.0.1:'+location.port+'/pages/other.html';document.body.appendChild(a);");
        Exits.perform(engine, sim, how, firstTab);
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) >= 1), engineName + ": Clear on " + how);
        assertTrue(eventually(Duration.ofSeconds(3), () -> "ended-by-customer".equals(sim.state(dep))));
        SimulatorFixture.sleep(3200);
        assertEquals("ended-by-customer", sim.state(dep), "never routed after the customer left");
    }

    @Test
    void closingOneOfTwoTabsKeepsTheChatAndTheLastOneEndsIt() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        engine.newTab();
        chatOnOwnUi(dep, "leave", "hello from tab one");
        String chatTab = engine.tab();
        engine.switchTo(firstTab);
        engine.get(page(dep, "leave"));
        engine.await(Duration.ofSeconds(10), "history in the second tab", () -> log().contains("hello from tab one"));
        engine.switchTo(chatTab);
        engine.closeTab();
        engine.switchTo(firstTab);
        SimulatorFixture.sleep(1200);
        assertEquals(0, sim.clearCount(dep), "another tab still holds the chat");
        engine.get(otherSite());
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) >= 1), "the last tab out ends it");
    }

    @Test
    void badUseIsReportedNotThrown() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        engine.get("http://localhost:" + sim.port + "/pages/other.html");
        engine.js("window.warned=[];var w=console.warn;console.warn=function(m){window.warned.push(String(m));w.apply(console,arguments);};"
                + "var s=document.createElement('script');s.src='/dist/guest-chat-headless.js';document.head.appendChild(s);");
        engine.await(Duration.ofSeconds(5), "the script", () -> Boolean.TRUE.equals(engine.js(
                "return !!(window.GuestChat&&GuestChat.session);")));
        Object result = engine.js("var s=GuestChat.session({deploymentId:arguments[0],websocketUrl:'/v1',apiUrl:'',"
                + "container:'#x',titel:'typo'});window.heard=[];"
                + "s.on('message',function(){throw new Error('a listener that throws');});"
                + "s.on('message',function(m){window.heard.push(m.text);});"
                + "window.s=s;return s.send('still works');", dep);
        assertTrue(result instanceof String && !((String) result).isEmpty(), "send() returns the id: " + result);
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "still works")));
        assertEquals(List.of("still works"), engine.js("return window.heard;"), "the second listener still heard it");
        assertEquals(List.of("guest-chat: unknown option(s) ignored: container, titel"), engine.js(
                "return window.warned.filter(function(m){return m.indexOf('option')>=0;});"), "reported once, not thrown");
        engine.js("window.s.destroy();");
        assertEquals("guest-chat: this chat session was destroyed; create a new one", engine.js(
                "try{window.s.send('after');return 'no error';}catch(e){return e.message;}"));
        assertFalse(sim.received(dep, "after"));
    }
}
