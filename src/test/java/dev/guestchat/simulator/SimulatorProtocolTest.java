package dev.guestchat.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simulator's WebSocket protocol, frame by frame, through a real WebSocket client: faithful to PROTOCOL.md §9. */
class SimulatorProtocolTest extends SimulatorHarness {
    @Test
    void newKnownAndStartNewTokens() {
        String dep = deployment("{}");
        String token = GuestClient.newToken();
        try (GuestClient c = client(dep, token)) {
            String t = c.configure(false);
            JsonNode r = c.next("SessionResponse");
            assertEquals("response", r.path("type").asString());
            assertEquals(t, r.path("tracingId").asString());
            assertTrue(r.path("body").path("connected").asBoolean());
            assertTrue(r.path("body").path("newSession").asBoolean());
            assertEquals(2048, r.path("body").path("maxCustomDataBytes").asInt());
            assertTrue(r.path("body").path("allowedMedia").path("inbound").path("fileTypes").isArray());
        }
        try (GuestClient c = client(dep, token)) {
            c.configure(false);
            assertFalse(c.next("SessionResponse").path("body").path("newSession").asBoolean(), "known token resumes");
            c.configure(true);
            assertTrue(c.next("SessionResponse").path("body").path("newSession").asBoolean(), "startNew wipes");
        }
    }

    @Test
    void inboundEchoCarriesTheTracingIdAndReachesEveryConnection() {
        String dep = deployment("{}");
        String token = GuestClient.newToken();
        try (GuestClient a = client(dep, token); GuestClient b = client(dep, token)) {
            a.ready();
            b.ready();
            String t = a.text("Hi, my parcel is late");
            JsonNode echo = a.next("StructuredMessage");
            assertEquals("message", echo.path("type").asString());
            assertEquals(t, echo.path("tracingId").asString());
            assertEquals("Inbound", echo.path("body").path("direction").asString());
            assertEquals("Hi, my parcel is late", echo.path("body").path("text").asString());
            assertTrue(echo.path("body").path("channel").path("time").asString().matches("\\d{4}-.*T.*\\.\\d{3}Z"));
            assertEquals(echo.path("body").path("id"), b.next("StructuredMessage").path("body").path("id"));
        }
    }

    @Test
    void requestsBeforeConfigureAre4007AndGarbageIs400() {
        String dep = deployment("{}");
        try (GuestClient c = client(dep, GuestClient.newToken())) {
            c.text("too early");
            JsonNode e = c.next();
            assertEquals("string", e.path("class").asString());
            assertEquals(4007, e.path("code").asInt());
            c.sendRaw("this is not json");
            assertEquals(400, c.next().path("code").asInt());
            c.sendRaw("{\"action\":\"configureSession\"}"); // schema: token and deploymentId are required
            JsonNode invalid = c.next();
            assertEquals(400, invalid.path("code").asInt());
            assertTrue(invalid.path("body").asString().contains("Request failed"));
            c.sendRaw("{\"action\":\"resumeToken\",\"token\":\"x\"}");
            assertEquals(400, c.next().path("code").asInt());
            c.sendRaw("{\"action\":\"onMessage\",\"token\":\"x\",\"message\":{\"type\":\"Hologram\"}}");
            assertEquals(400, c.next().path("code").asInt(), "enum violations are caught by the schema");
            c.configure(false);
            assertTrue(c.next("SessionResponse").path("body").path("connected").asBoolean(), "still alive after garbage");
        }
    }

    @Test
    void moreThanTwoMessagesPerSecondAre429() {
        String dep = deployment("{}");
        try (GuestClient c = client(dep, GuestClient.newToken())) {
            c.ready();
            c.text("one");
            c.text("two");
            String third = c.text("three");
            c.next("StructuredMessage");
            c.next("StructuredMessage");
            JsonNode limited = c.next("TooManyRequestsErrorMessage");
            assertEquals(429, limited.path("code").asInt());
            assertEquals(third, limited.path("tracingId").asString());
            assertEquals(4029, limited.path("body").path("errorCode").asInt());
            assertTrue(limited.path("body").path("retryAfter").asInt() >= 1);
        }
    }

    @Test
    void clearEndsForEveryConnectionWipesTheSessionAndIsNeverRouted() throws Exception {
        String dep = deployment("{\"routingDelayMillis\":800,\"closeAfterClearMillis\":100}");
        String token = GuestClient.newToken();
        try (GuestClient a = client(dep, token); GuestClient b = client(dep, token)) {
            a.ready();
            b.ready();
            a.text("please end this");
            a.next("StructuredMessage");
            String t = a.presence("Clear");
            JsonNode ack = a.next();
            assertEquals("StructuredMessage", ack.path("class").asString());
            assertEquals(t, ack.path("tracingId").asString());
            assertEquals("Clear", ack.path("body").path("events").path(0).path("presence").path("type").asString());
            assertEquals("SessionClearedEvent", a.next().path("class").asString());
            assertEquals("ConnectionClosedEvent", a.next().path("class").asString());
            assertEquals("SessionClearedEvent", b.next("SessionClearedEvent").path("class").asString());
            assertEquals("ConnectionClosedEvent", b.next().path("class").asString());
            assertEquals(1000, a.closed.get(3, TimeUnit.SECONDS), "sockets closed normally after the clear");
            assertEquals(1000, b.closed.get(3, TimeUnit.SECONDS));
        }
        Thread.sleep(1200); // past the routing delay
        JsonNode conv = conversation(dep);
        assertEquals("ended-by-customer", conv.path("state").asString());
        assertFalse(conv.path("routed").asBoolean(), "an ended conversation is never routed");
        try (GuestClient again = client(dep, token)) {
            again.configure(false);
            assertTrue(again.next("SessionResponse").path("body").path("newSession").asBoolean(),
                    "the token is reusable as a brand-new session");
        }
    }

    /** An exit may repeat its Clear (Firefox drops some frames of a closing page): the repeat must harm nothing. */
    @Test
    void aRepeatedClearIsAnswered4007AndChangesNothing() throws Exception {
        String dep = deployment("{\"routingDelayMillis\":800,\"closeAfterClearMillis\":5000}");
        try (GuestClient c = client(dep, GuestClient.newToken())) {
            c.ready();
            c.text("bye");
            c.next("StructuredMessage");
            c.presence("Clear");
            c.next("ConnectionClosedEvent");
            String repeat = c.presence("Clear");
            JsonNode answer = c.next();
            assertEquals(4007, answer.path("code").asInt(), "the session is already wiped: " + answer);
            assertEquals(repeat, answer.path("tracingId").asString());
        }
        Thread.sleep(1000); // past the routing delay
        JsonNode conv = conversation(dep);
        assertEquals("ended-by-customer", conv.path("state").asString());
        assertFalse(conv.path("routed").asBoolean());
    }

    @Test
    void clearIs403WhenTheDeploymentDisablesIt() throws Exception {
        String dep = deployment("{\"clearEnabled\":false}");
        try (GuestClient c = client(dep, GuestClient.newToken())) {
            c.ready();
            c.text("hi");
            c.next("StructuredMessage");
            String t = c.presence("Clear");
            JsonNode e = c.next();
            assertEquals(403, e.path("code").asInt());
            assertEquals(t, e.path("tracingId").asString());
            assertTrue(e.path("body").asString().contains("Conversation Clear"));
            assertNull(c.poll(300), "nothing else happens");
        }
        assertEquals("waiting", conversation(dep).path("state").asString());
    }

    @Test
    void echoRepliesAreResponsesAndNotStored() throws Exception {
        String dep = deployment("{}");
        try (GuestClient c = client(dep, GuestClient.newToken())) {
            c.ready();
            c.sendRaw("{\"action\":\"echo\",\"token\":\"" + c.token + "\",\"tracingId\":\"hc-1\","
                    + "\"message\":{\"type\":\"Text\",\"text\":\"ping\"}}");
            JsonNode r = c.next();
            assertEquals("response", r.path("type").asString());
            assertEquals("hc-1", r.path("tracingId").asString());
            assertEquals("ping", r.path("body").path("text").asString());
            assertTrue(r.path("body").path("metadata").path("expirationDate").isString());
            assertNull(conversation(dep), "an echo starts no conversation");
        }
    }

    @Test
    void unknownDeploymentsAreRefusedAtTheHandshake() {
        CompletionException e = assertThrows(CompletionException.class,
                () -> new GuestClient(port, "nope-" + UUID.randomUUID(), "t"));
        assertTrue(e.getCause() instanceof java.net.http.WebSocketHandshakeException, String.valueOf(e.getCause()));
        assertEquals(403, ((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
    }

    @Test
    void aFourthConnectionEvictsTheOldest() {
        String dep = deployment("{}");
        String token = GuestClient.newToken();
        try (GuestClient c1 = client(dep, token); GuestClient c2 = client(dep, token);
             GuestClient c3 = client(dep, token); GuestClient c4 = client(dep, token)) {
            for (GuestClient c : new GuestClient[] {c1, c2, c3}) {
                c.ready();
            }
            c4.ready();
            assertEquals("ConnectionClosedEvent", c1.next().path("class").asString());
            assertNull(c2.poll(200));
        }
    }
}
