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

/** Chatting and End chat in Chromium, Firefox and WebKit against the real simulator. */
@ParameterizedClass(name = "{0}")
@MethodSource("engines")
class ChatInEveryEngineTest extends EngineTest {
    @Test
    void chatRoundTripShowsOwnMessageOnceAndAgentReplyAsText() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":200}");
        engine.get(sim.pageUrl(dep, "mode=never"));
        engine.say("Hi, my parcel is late");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        assertTrue(eventually(Duration.ofSeconds(5), () -> "routed".equals(sim.state(dep))));
        String conv = sim.onlyConversation(dep).path("id").asString();
        sim.post("/sim/conversations/" + conv + "/messages",
                "{\"text\":\"<img src=x onerror=alert(1)>Hello, I'm Dana\",\"nickname\":\"Dana\"}");
        engine.await(Duration.ofSeconds(5), "the agent's reply", () -> engine.transcriptText().contains("Hello, I'm Dana"));
        String transcript = engine.transcriptText();
        assertTrue(transcript.contains("<img src=x onerror=alert(1)>"), "agent text is shown as text: " + transcript);
        assertFalse(engine.present(".gcw-log img"), "agent text never becomes markup");
        assertEquals(1, transcript.split("Hi, my parcel is late", -1).length - 1, "own message shown once");
        assertFalse(transcript.contains("Sending"), transcript);
        assertTrue(transcript.contains("Dana"), "agent name shown");
        assertEquals("active", sim.state(dep));
        assertEquals(1L, engine.js("return window.chatEvents.filter(function(e){return e.name==='message';}).length;"),
                "host got a message event for the agent reply");
    }

    @Test
    void endChatWithConfirmationClearsEveryConnectionAndIsNeverRouted() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":2500}");
        engine.get(sim.pageUrl(dep, "mode=never"));
        engine.say("I need help");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        String token = sim.token(dep);
        String secondTab = engine.newTab();
        engine.get(sim.pageUrl(dep, "mode=never"));
        engine.waitForWidget(".gcw-panel"); // the panel follows the customer: it was open in the first tab
        engine.await(Duration.ofSeconds(5), "history in the second tab", () -> engine.transcriptText().contains("I need help"));
        engine.switchTo(firstTab);

        engine.clickInWidget(".gcw-end");
        engine.waitForWidget(".gcw-confirm");
        assertEquals(0, sim.clearCount(dep), "nothing is sent before the customer confirms");
        engine.clickInWidget(".gcw-confirm-end");

        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) == 1), "Clear reached the simulator");
        engine.waitForWidget(".gcw-ended");
        assertEquals("ended", engine.widgetState());
        assertTrue(engine.transcriptText().contains("I need help"), "the ended chat stays readable above 'ended'");
        long cleared = sim.framesOut(token).stream()
                .filter(f -> "SessionClearedEvent".equals(f.path("class").asString())).count();
        assertEquals(2, cleared, "both tabs' connections got SessionClearedEvent");
        assertEquals("ended-by-customer", sim.state(dep));
        engine.switchTo(secondTab);
        engine.waitForWidget(".gcw-ended");

        SimulatorFixture.sleep(3000); // past the routing delay
        JsonNode conv = sim.onlyConversation(dep);
        assertFalse(conv.path("routed").asBoolean(), "an ended conversation is never routed: " + conv);
        assertEquals("ended-by-customer", conv.path("state").asString());
    }

    @Test
    void aMessageSentThenEndAtOnceWhileConnectingArrivesBeforeTheClear() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        engine.get(sim.pageUrl(dep, "mode=never"));
        engine.js("window.endOutcome='waiting'; window.chat.send('my last words');"
                + "window.chat.end().then(function(){window.endOutcome='ended';},function(e){window.endOutcome=e.reason;});"
                + "return 1;");
        engine.await(Duration.ofSeconds(8), "the end", () -> "ended".equals(engine.js("return window.endOutcome;")));
        assertEquals(List.of("configureSession", "text:my last words", "Clear"), sim.wire(dep),
                "the line left, was answered, then the Clear");
        assertEquals(0L, engine.js("return window.chatEvents.filter(function(e){return e.name==='error';}).length;"));
        engine.clickInWidget(".gcw-launcher");
        engine.waitForWidget(".gcw-ended");
        engine.await(Duration.ofSeconds(5), "the ended chat, readable", () -> engine.transcriptText().contains("my last words"));
        assertEquals(List.of("my last words"), sim.agentRead(dep));
    }

    @Test
    void cancellingTheConfirmationSendsNothing() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        engine.get(sim.pageUrl(dep, "mode=never"));
        engine.say("still here");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        engine.clickInWidget(".gcw-end");
        engine.waitForWidget(".gcw-confirm-cancel");
        engine.clickInWidget(".gcw-confirm-cancel");
        SimulatorFixture.sleep(1000);
        assertFalse(engine.present(".gcw-confirm"));
        assertEquals(0, sim.clearCount(dep));
        assertEquals("waiting", sim.state(dep));
        assertEquals("connected", engine.widgetState());
    }

    @Test
    void theAgentSeesTheCustomerTypingAtMostOncePerFiveSeconds() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000}");
        engine.get(sim.pageUrl(dep, "mode=never"));
        engine.say("hello");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "hello")));
        assertEquals(0, sim.onlyConversation(dep).path("guestTypingEvents").asInt(), "sending is not typing");
        engine.typeInWidget(".gcw-input", "my order numb");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.onlyConversation(dep).path("guestTyping").asBoolean()),
                "the agent sees the customer typing");
        engine.typeInWidget(".gcw-input", "er is A-1042");
        engine.typeInWidget(".gcw-input", "\n");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "my order number is A-1042")));
        SimulatorFixture.sleep(300);
        assertEquals(1, sim.onlyConversation(dep).path("guestTypingEvents").asInt(),
                "one Typing event for all of it: at most one per 5 s, none for sending");
        assertTrue(sim.framesIn(dep).stream().filter(f -> "Typing".equals(
                f.path("message").path("events").path(0).path("eventType").asString())).count() == 1);
    }

    @Test
    void agentTextIsFormattedWithSafeLinksAndCustomerTextStaysAsTyped() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":0}");
        engine.get(sim.pageUrl(dep, "mode=never"));
        engine.say("my **own** text [x](https://example.invalid/mine)");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        String conv = sim.onlyConversation(dep).path("id").asString();
        sim.post("/sim/conversations/" + conv + "/messages", "{\"nickname\":\"Dana\",\"text\":"
                + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(String.join("\n",
                "**Good news:** your order _shipped_. Track it [here](https://example.invalid/track?id=7) or at",
                "https://example.invalid/orders.",
                "- keep the `RMA-42` label",
                "- [bad](javascript:alert(1)) [worse](data:text/html,<b>x</b>) <img src=x onerror=alert(2)>")) + "}");
        engine.await(Duration.ofSeconds(5), "the agent's reply", () -> engine.transcriptText().contains("Good news"));
        String agentRow = "var h=document.querySelector('[data-guest-chat]').shadowRoot,"
                + "r=[].filter.call(h.querySelectorAll('.gcw-agent'),function(x){return x.textContent.indexOf('Good news')>=0;})[0];";
        assertEquals("700|italic|4", String.valueOf(engine.js(agentRow
                + "return [getComputedStyle(r.querySelector('.gcw-b')).fontWeight, getComputedStyle(r.querySelector('.gcw-i'))"
                + ".fontStyle, r.querySelectorAll('.gcw-line').length].join('|');")).replace("600", "700"),
                "bold, italic, one line each");
        assertEquals("https://example.invalid/track?id=7 _blank noopener noreferrer here|"
                + "https://example.invalid/orders _blank noopener noreferrer https://example.invalid/orders",
                engine.js(agentRow + "return [].map.call(r.querySelectorAll('a'),function(a){return [a.getAttribute('href'),"
                        + "a.target,a.rel,a.textContent].join(' ');}).join('|');"), "exactly the two safe links");
        assertEquals("RMA-42", engine.js(agentRow + "return r.querySelector('.gcw-code').textContent;"));
        assertEquals(2L, engine.js(agentRow + "return r.querySelectorAll('.gcw-bullet').length;"));
        assertTrue(engine.transcriptText().contains("[bad](javascript:alert(1))"), "an unsafe link stays text");
        assertTrue(engine.transcriptText().contains("<img src=x onerror=alert(2)>"), "markup stays text");
        assertEquals(0L, engine.js("return document.querySelector('[data-guest-chat]').shadowRoot"
                + ".querySelectorAll('.gcw-log img, .gcw-log b, .gcw-log a[href^=javascript], .gcw-log a[href^=data]').length;"));
        assertEquals(0L, engine.js("return document.querySelector('[data-guest-chat]').shadowRoot"
                + ".querySelectorAll('.gcw-customer a, .gcw-customer .gcw-b').length;"), "the customer's text is not formatted");
        assertTrue(engine.transcriptText().contains("my **own** text [x](https://example.invalid/mine)"));
        assertEquals(java.util.List.of(), engine.js("return window.pageErrors;"));
    }

    @Test
    void aQuickReplyIsAnsweredWithOneClickAsAButtonResponse() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":0}");
        engine.get(sim.pageUrl(dep, "mode=never"));
        engine.say("I need help");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        String conv = sim.onlyConversation(dep).path("id").asString();
        sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"Is it about an order?\",\"bot\":true,"
                + "\"quickReplies\":[{\"text\":\"Yes\",\"payload\":\"ORDER_YES\"},\"No\"]}");
        engine.waitForWidget(".gcw-choice");
        engine.clickInWidget(".gcw-choice");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "Yes")));
        JsonNode answer = sim.framesIn(dep).stream().filter(f -> "Yes".equals(f.path("message").path("text").asString()))
                .findFirst().orElseThrow();
        JsonNode br = answer.path("message").path("content").path(0).path("buttonResponse");
        assertEquals("Structured", answer.path("message").path("type").asString());
        assertEquals("QuickReply", br.path("type").asString());
        assertEquals("ORDER_YES", br.path("payload").asString(), "the payload the button carried, not its label");
        assertFalse(br.path("originatingMessageId").asString("").isEmpty(), "names the message that offered it");
        engine.await(Duration.ofSeconds(5), "the answer acknowledged", () -> !engine.transcriptText().contains("Sending"));
        assertFalse(engine.present(".gcw-choice"), "an answered offer is spent");
    }
}
