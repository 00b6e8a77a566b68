package dev.guestchat.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;

/** One simulator on a free port per test class, and the clients and HTTP calls its tests make against it. */
abstract class SimulatorHarness {
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
        if (!method.equals("GET")) {
            b.header("Content-Type", "application/json"); // the control API's CSRF guard asks for it
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

    /** Two configured connections on one token: one customer with the chat open in two tabs. */
    record TwoTabs(String token, GuestClient a, GuestClient b) implements AutoCloseable {
        @Override
        public void close() {
            a.close();
            b.close();
        }
    }

    static TwoTabs twoTabs(String dep) {
        String token = GuestClient.newToken();
        TwoTabs tabs = new TwoTabs(token, client(dep, token), client(dep, token));
        tabs.a().ready();
        tabs.b().ready();
        return tabs;
    }
}
