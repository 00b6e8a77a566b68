package dev.guestchat.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A raw Guest API client over the JDK's WebSocket, for testing the simulator frame by frame. */
final class GuestClient implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();
    final WebSocket ws;
    final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final String token;

    GuestClient(int port, String deploymentId, String token) {
        this.token = token;
        this.ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/v1?deploymentId=" + deploymentId),
                        new WebSocket.Listener() {
                            private final TextJoiner frames = new TextJoiner();

                            @Override
                            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                                String text = frames.add(data, last);
                                if (text != null) {
                                    try {
                                        inbox.add(JSON.readTree(text));
                                    } catch (RuntimeException e) {
                                        inbox.add(JSON.getNodeFactory().stringNode(text));
                                    }
                                }
                                w.request(1);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                                closed.complete(code);
                                return null;
                            }

                            @Override
                            public void onError(WebSocket w, Throwable error) {
                                closed.complete(1006);
                            }
                        }).join();
    }

    static String newToken() {
        return UUID.randomUUID().toString();
    }

    void sendRaw(String text) {
        ws.sendText(text, true).join();
    }

    String configure(boolean startNew) {
        String tracing = UUID.randomUUID().toString();
        sendRaw("{\"action\":\"configureSession\",\"token\":\"" + token + "\",\"deploymentId\":\"" + deploymentOf()
                + "\",\"startNew\":" + startNew + ",\"tracingId\":\"" + tracing + "\"}");
        return tracing;
    }

    /** configureSession (resume) and its SessionResponse. */
    JsonNode ready() {
        configure(false);
        return next("SessionResponse");
    }

    private String deployment;

    GuestClient deployment(String id) {
        this.deployment = id;
        return this;
    }

    private String deploymentOf() {
        return deployment;
    }

    String text(String text) {
        String tracing = UUID.randomUUID().toString();
        sendRaw("{\"action\":\"onMessage\",\"token\":\"" + token + "\",\"tracingId\":\"" + tracing
                + "\",\"message\":{\"type\":\"Text\",\"text\":" + JSON.writeValueAsString(text) + "}}");
        return tracing;
    }

    String presence(String type) {
        String tracing = UUID.randomUUID().toString();
        sendRaw("{\"action\":\"onMessage\",\"token\":\"" + token + "\",\"tracingId\":\"" + tracing
                + "\",\"message\":{\"type\":\"Event\",\"events\":[{\"eventType\":\"Presence\",\"presence\":{\"type\":\""
                + type + "\"}}]}}");
        return tracing;
    }

    /** The next frame, failing after 5 s. */
    JsonNode next() {
        try {
            JsonNode n = inbox.poll(5, TimeUnit.SECONDS);
            if (n == null) {
                throw new AssertionError("no frame within 5 s");
            }
            return n;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next frame of this class, skipping others. */
    JsonNode next(String cls) {
        List<JsonNode> skipped = new ArrayList<>();
        while (true) {
            JsonNode n = next();
            if (cls.equals(n.path("class").asString())) {
                return n;
            }
            skipped.add(n);
            if (skipped.size() > 20) {
                throw new AssertionError("no " + cls + " in " + skipped);
            }
        }
    }

    /** Asserts nothing arrives within the given time. */
    JsonNode poll(long millis) {
        try {
            return inbox.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            ws.sendClose(1000, "bye").get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // already closed by the server
        }
    }
}
