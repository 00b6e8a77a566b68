package dev.guestchat.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The REST endpoints: history (§6) with the JWT the socket issues, and the deployment's config.json. */
class HistoryEndpointTest extends SimulatorHarness {
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
    void configJsonReflectsTheDeploymentAndAnUnknownOneIs404() throws Exception {
        String dep = deployment("{\"clearEnabled\":false,\"disconnectMode\":\"ReadOnly\",\"typingEnabled\":false}");
        HttpResponse<String> r = http("GET", "/webdeployments/v1/deployments/" + dep + "/config.json", null, null);
        assertEquals(200, r.statusCode());
        JsonNode root = GuestClient.JSON.readTree(r.body());
        assertEquals(dep, root.path("id").asString());
        JsonNode app = root.path("messenger").path("apps").path("conversations");
        assertFalse(app.path("conversationClear").path("enabled").asBoolean(true), "Clear off shows as off");
        assertEquals("ReadOnly", app.path("conversationDisconnect").path("type").asString());
        assertFalse(app.path("showUserTypingIndicator").asBoolean(true));
        assertEquals(404, http("GET", "/webdeployments/v1/deployments/nope-" + UUID.randomUUID() + "/config.json",
                null, null).statusCode());
    }

    @Test
    void historyAnswersCrossOriginPagesAndPreflights() throws Exception {
        HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v2/webmessaging/messages"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://shop.example")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode());
        assertEquals("https://shop.example", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));
    }
}
