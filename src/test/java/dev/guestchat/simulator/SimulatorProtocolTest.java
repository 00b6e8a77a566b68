package dev.guestchat.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simulator, frame by frame, through a real WebSocket client: faithful to PROTOCOL.md §9. */
class SimulatorProtocolTest {
    static GuestApiSimulator sim;
    static int port;

    @BeforeAll
    static void start() {
        sim = new GuestApiSimulator(Map.of("/dist", Path.of("web/dist"))).start("127.0.0.1", 0);
        port = sim.port();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static String deployment(String settings) {
        String id = "d-" + UUID.randomUUID().toString().substring(0, 8);
        sim.deployment(id).set(settings);
        return id;
    }

    static GuestClient client(String dep, String token) {
        return new GuestClient(port, dep, token).deployment(dep);
    }

    static HttpResponse<String> http(String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode conversation(String dep) throws Exception {
        for (JsonNode c : GuestClient.JSON.readTree(http("GET", "/sim/conversations", null, null).body())) {
            if (dep.equals(c.path("deploymentId").asString())) {
                return c;
            }
        }
        return null;
    }

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
    void historyIsNewestFirstPagedAndNeedsAValidJwt() throws Exception {
        String dep = deployment("{}");
        try (GuestClient c = client(dep, GuestClient.newToken())) {
            c.ready();
            for (int i = 1; i <= 3; i++) {
                c.text("message " + i);
                c.next("StructuredMessage");
                Thread.sleep(520); // stay under 2 messages per second
            }
            c.sendRaw("{\"action\":\"getJwt\",\"token\":\"" + c.token + "\",\"tracingId\":\"j1\"}");
            JsonNode jwt = c.next("JwtResponse");
            assertTrue(jwt.path("body").path("exp").asLong() > System.currentTimeMillis() / 1000);
            String bearer = jwt.path("body").path("jwt").asString();
            JsonNode page1 = GuestClient.JSON.readTree(
                    http("GET", "/api/v2/webmessaging/messages?pageSize=2&pageNumber=1", null, bearer).body());
            assertEquals("message 3", page1.path("entities").path(0).path("text").asString());
            assertEquals("message 2", page1.path("entities").path(1).path("text").asString());
            assertEquals(3, page1.path("total").asInt());
            assertEquals(2, page1.path("pageCount").asInt());
            JsonNode page2 = GuestClient.JSON.readTree(
                    http("GET", "/api/v2/webmessaging/messages?pageSize=2&pageNumber=2", null, bearer).body());
            assertEquals("message 1", page2.path("entities").path(0).path("text").asString());
            assertEquals(401, http("GET", "/api/v2/webmessaging/messages", null, "forged.jwt.value").statusCode());
            assertEquals(401, http("GET", "/api/v2/webmessaging/messages", null, null).statusCode());
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
}
