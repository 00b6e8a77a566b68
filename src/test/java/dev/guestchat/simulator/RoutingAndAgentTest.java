package dev.guestchat.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Routing and the agent's side ({@code /sim/…}): routing after the delay, agent messages, typing and disconnect. */
class RoutingAndAgentTest extends SimulatorHarness {
    @Test
    void agentDisconnectInReadOnlyModeRefusesMessagesUntilStartNew() throws Exception {
        String dep = deployment("{\"disconnectMode\":\"ReadOnly\"}");
        String token = GuestClient.newToken();
        try (GuestClient c = client(dep, token)) {
            c.ready();
            c.text("hi");
            c.next("StructuredMessage");
            String conv = conversation(dep).path("id").asString();
            assertEquals(204, http("POST", "/sim/conversations/" + conv + "/disconnect", "", null).statusCode());
            JsonNode disconnect = c.next("StructuredMessage");
            assertEquals("Disconnect", disconnect.path("body").path("events").path(0).path("presence").path("type").asString());
            assertEquals("true", disconnect.path("body").path("metadata").path("readOnly").asString());
            c.text("anyone?");
            assertEquals(409, c.next().path("code").asInt());
            c.configure(false);
            assertTrue(c.next("SessionResponse").path("body").path("readOnly").asBoolean());
            c.configure(true);
            JsonNode fresh = c.next("SessionResponse");
            assertFalse(fresh.path("body").path("readOnly").asBoolean());
            assertTrue(fresh.path("body").path("newSession").asBoolean());
        }
    }

    @Test
    void routingHappensAfterTheDelayForAConversationNobodyEnded() throws Exception {
        String dep = deployment("{\"routingDelayMillis\":300}");
        try (GuestClient c = client(dep, GuestClient.newToken())) {
            c.ready();
            c.text("hello?");
            c.next("StructuredMessage");
            assertEquals("waiting", conversation(dep).path("state").asString());
            Thread.sleep(600);
            assertEquals("routed", conversation(dep).path("state").asString());
        }
        Thread.sleep(200);
        assertEquals("abandoned", conversation(dep).path("state").asString(),
                "routed while the customer is gone: the agent talks to nobody");
    }

    @Test
    void agentMessagesAndTypingReachEveryConnectionAndAnEndedConversationRefusesThem() throws Exception {
        String dep = deployment("{\"routingDelayMillis\":60000}");
        try (TwoTabs tabs = twoTabs(dep)) {
            GuestClient a = tabs.a();
            GuestClient b = tabs.b();
            a.text("hello");
            a.next("StructuredMessage");
            b.next("StructuredMessage"); // the other tab's copy of "hello"
            String conv = conversation(dep).path("id").asString();
            assertEquals(204, http("POST", "/sim/conversations/" + conv + "/typing", "", null).statusCode());
            for (GuestClient c : new GuestClient[] {a, b}) {
                JsonNode typing = c.next("StructuredMessage").path("body");
                assertEquals("Typing", typing.path("events").path(0).path("eventType").asString());
            }
            HttpResponse<String> sent = http("POST", "/sim/conversations/" + conv + "/messages",
                    "{\"text\":\"Pick one\",\"quickReplies\":[\"Yes\",\"No\"]}", null);
            assertEquals(200, sent.statusCode());
            JsonNode body = b.next("StructuredMessage").path("body");
            assertEquals("Outbound", body.path("direction").asString());
            assertEquals("Pick one", body.path("text").asString());
            assertEquals("No", body.path("content").path(1).path("quickReply").path("payload").asString());
            assertEquals("active", conversation(dep).path("state").asString(), "an agent who writes has the conversation");
            a.presence("Clear");
            a.next("SessionClearedEvent");
            assertEquals(409, http("POST", "/sim/conversations/" + conv + "/messages", "{\"text\":\"late\"}", null)
                    .statusCode());
        }
        assertEquals(404, http("POST", "/sim/conversations/no-such/messages", "{\"text\":\"x\"}", null).statusCode());
        assertEquals(404, http("POST", "/sim/conversations/no-such/typing", "", null).statusCode());
    }
}
