package dev.guestchat.e2e;

import dev.guestchat.simulator.GuestApiSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real simulator on a free port, serving the built bundle and the test pages, plus helpers that read its
 * agent-side API the way a test asserts on it.
 */
public final class SimulatorFixture implements AutoCloseable {
    /** The policy of issue 4 §5: no inline script or style, no eval, sockets only to localhost. */
    public static final String STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self' ws://localhost:*";
    public final GuestApiSimulator simulator;
    public final int port;
    /** Served at {@code /flaky}: empty at first, so a first stage pointed here fails to load until a test fills it. */
    public final Path flakyDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    public SimulatorFixture() {
        this(false);
    }

    /** @param demo also serve {@code demo/} at {@code /}, as the demo command does */
    public SimulatorFixture(boolean demo) {
        List<GuestApiSimulator.StaticDir> statics = new ArrayList<>();
        statics.add(new GuestApiSimulator.StaticDir("/dist", Path.of("web/dist"), Map.of()));
        statics.add(new GuestApiSimulator.StaticDir("/pages", Path.of("src/test/resources/pages"), Map.of()));
        statics.add(new GuestApiSimulator.StaticDir("/csp", Path.of("src/test/resources/csp"), Map.of(
                "Content-Security-Policy", STRICT_CSP)));
        try {
            flakyDir = java.nio.file.Files.createTempDirectory("gcw-flaky");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        statics.add(new GuestApiSimulator.StaticDir("/flaky", flakyDir, Map.of()));
        statics.add(new GuestApiSimulator.StaticDir("/demo", Path.of("demo"), Map.of())); // the own-UI page
        if (demo) {
            statics.add(new GuestApiSimulator.StaticDir("/", Path.of("demo"), Map.of()));
        }
        simulator = new GuestApiSimulator(statics).start("127.0.0.1", 0);
        port = simulator.port();
    }

    /** A fresh deployment id (storage in the browser is namespaced by it, so tests never share state). */
    public String newDeployment(String settingsJson) {
        String id = "dep-" + UUID.randomUUID().toString().substring(0, 8);
        simulator.deployment(id).set(settingsJson == null ? "{}" : settingsJson);
        return id;
    }

    public String pageUrl(String deployment, String extraQuery) {
        return "http://localhost:" + port + "/pages/chat.html?deployment=" + deployment
                + (extraQuery == null || extraQuery.isEmpty() ? "" : "&" + extraQuery);
    }

    public JsonNode get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP status of a GET of this address (0 when it could not be fetched). */
    public static int status(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException | IllegalArgumentException e) {
            return 0;
        }
    }

    public int put(String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).PUT(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json")
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public int post(String path, String body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body))
                    .header("Content-Type", "application/json") // the control API's CSRF guard asks for it
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Conversations of one deployment. */
    public List<JsonNode> conversations(String deployment) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : get("/sim/conversations")) {
            if (deployment.equals(c.path("deploymentId").asString())) {
                out.add(c);
            }
        }
        return out;
    }

    public JsonNode onlyConversation(String deployment) {
        List<JsonNode> all = conversations(deployment);
        if (all.size() != 1) {
            throw new AssertionError("expected one conversation of " + deployment + ", got " + all);
        }
        return all.get(0);
    }

    /** Every client frame the simulator received, for this deployment's tokens. */
    public List<JsonNode> framesIn(String deployment) {
        List<String> tokens = new ArrayList<>();
        for (JsonNode c : conversations(deployment)) {
            tokens.add(c.path("token").asString());
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : get("/sim/events")) {
            if ("in".equals(e.path("dir").asString()) && e.has("frame")) {
                JsonNode f = e.get("frame");
                if (tokens.contains(f.path("token").asString())) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Frames the simulator sent on connections of the token. */
    public List<JsonNode> framesOut(String token) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : get("/sim/events?token=" + token)) {
            if ("out".equals(e.path("dir").asString()) && e.has("frame")) {
                out.add(e.get("frame"));
            }
        }
        return out;
    }

    /** How many sockets the widget opened for this deployment (handshakes that reached the simulator). */
    public long connectionsOpened(String deployment) {
        long n = 0;
        for (JsonNode e : get("/sim/events")) {
            if ("connected".equals(e.path("event").asString())
                    && e.path("detail").asString("").contains("deploymentId=" + deployment + " ")) {
                n++;
            }
        }
        return n;
    }

    public String token(String deployment) {
        return onlyConversation(deployment).path("token").asString();
    }

    public String state(String deployment) {
        return onlyConversation(deployment).path("state").asString();
    }

    /** Whether the simulator received a customer message with exactly this text on this deployment. */
    public boolean received(String deployment, String text) {
        return framesIn(deployment).stream().anyMatch(f -> text.equals(f.path("message").path("text").asString()));
    }

    public static boolean isClear(JsonNode frame) {
        return "onMessage".equals(frame.path("action").asString())
                && "Clear".equals(frame.path("message").path("events").path(0).path("presence").path("type").asString());
    }

    /** What the simulator received for the deployment: configure, each text, each Presence, in arrival order. */
    public List<String> wire(String dep) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : framesIn(dep)) {
            String action = f.path("action").asString();
            String presence = f.path("message").path("events").path(0).path("presence").path("type").asString();
            if (action.equals("configureSession")) {
                out.add(action);
            } else if (action.equals("onMessage")) {
                out.add(presence.isEmpty() ? "text:" + f.path("message").path("text").asString() : presence);
            }
        }
        return out;
    }

    /** Handshakes the service refused for this deployment (an unknown one, or an outage). */
    public long refusals(String deployment) {
        long n = 0;
        for (tools.jackson.databind.JsonNode e : get("/sim/events")) {
            if ("handshake-refused".equals(e.path("event").asString())
                    && e.path("detail").asString().startsWith("deploymentId=" + deployment)) {
                n++;
            }
        }
        return n;
    }

    public long clearCount(String deployment) {
        return framesIn(deployment).stream().filter(SimulatorFixture::isClear).count();
    }

    /** What the agent read of the customer, in order, with a resend the agent saw twice in a row folded. */
    public List<String> agentRead(String deployment) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : onlyConversation(deployment).path("transcript")) {
            String text = line.path("text").asString();
            if ("customer".equals(line.path("from").asString())
                    && (lines.isEmpty() || !lines.get(lines.size() - 1).equals(text))) {
                lines.add(text);
            }
        }
        return lines;
    }

    /** Types {@code count} lines {@code m-0, m-1, …} {@code every} ms apart through the page's JS API, as fast typing does. */
    public void typeFast(Engine page, int count, int every) {
        page.js("var n=arguments[0],i=0,t=setInterval(function(){window.chat.send('m-'+i);if(++i>=n)clearInterval(t);},"
                + "arguments[1]);", count, every);
    }

    /** Customer text {@code onMessage} frames the simulator received for this deployment. */
    public long textFramesIn(String deployment) {
        return framesIn(deployment).stream().filter(f -> "onMessage".equals(f.path("action").asString())
                && "Text".equals(f.path("message").path("type").asString())).count();
    }

    /** 429 answers the simulator sent on this token's connections. */
    public long tooManyRequests(String token) {
        return framesOut(token).stream()
                .filter(f -> "TooManyRequestsErrorMessage".equals(f.path("class").asString())).count();
    }

    /** Polls until the condition holds or the time is up; returns whether it held. */
    public static boolean eventually(Duration limit, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(50);
        }
        return condition.getAsBoolean();
    }

    public static <T> Predicate<T> not(Predicate<T> p) {
        return p.negate();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        simulator.close();
        TempDirs.delete(flakyDir);
    }
}
