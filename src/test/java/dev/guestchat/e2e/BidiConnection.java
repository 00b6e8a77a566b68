package dev.guestchat.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A WebDriver BiDi connection (w3c.github.io/webdriver-bidi) over the JDK's WebSocket: commands with ids,
 * answered by {@code success}/{@code error} messages. Events are not subscribed to; the suites poll instead.
 */
final class BidiConnection implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The socket to the browser's remote agent. */
    private final WebSocket socket;
    /** Next command id. */
    private final AtomicInteger ids = new AtomicInteger();
    /** Commands sent and not yet answered, by id. */
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

    BidiConnection(String url) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), new Listener()).join();
    }

    /** Sends one command and waits for its result; a BiDi error becomes an exception with its message. */
    JsonNode send(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", params);
        synchronized (socket) {
            socket.sendText(JSON.writeValueAsString(command), true).join();
        }
        try {
            JsonNode reply = answer.get(60, TimeUnit.SECONDS);
            if ("error".equals(reply.path("type").asString())) {
                throw new IllegalStateException(method + ": " + reply.path("error").asString() + " "
                        + reply.path("message").asString());
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            waiting.remove(id);
        }
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        /** Text of a message that arrives in several parts; empty between messages. */
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> f = waiting.get(message.path("id").asInt());
                    if (f != null) {
                        f.complete(message);
                    }
                }
            }
            ws.request(1);
            return null;
        }
    }
}
