package dev.guestchat.bench;

import dev.guestchat.simulator.GuestApiSimulator;
import dev.guestchat.simulator.TextJoiner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator under a realistic crowd (issue 10): {@code -Dload.sessions=2000} guests on JDK WebSocket clients,
 * each configuring a session, sending {@code -Dload.messages=5} messages at under two a second and ending with
 * Clear. Prints frames per second, message latency (send → the service's Inbound copy) p50/p99, heap, and whether
 * any frame went missing. A program, not a test; part {@code load} of the bench.
 */
public final class SimulatorLoad {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SimulatorLoad() {
    }

    public static void main(String[] args) throws Exception {
        run(Integer.getInteger("load.sessions", 2_000), Integer.getInteger("load.messages", 5),
                Integer.getInteger("load.interval", 2_000));
    }

    /**
     * @param intervalMillis between one guest's messages (≥ 500: the service allows two a second); every guest stays
     *                       connected from its first message to its last, so all of them are connected at once
     */
    static void run(int sessions, int messagesEach, int intervalMillis) throws Exception {
        try (GuestApiSimulator sim = new GuestApiSimulator(Map.of()).start("127.0.0.1", 0)) {
            sim.deployment("load").set("{\"routingDelayMillis\":600000,\"closeAfterClearMillis\":200}");
            HttpClient http = HttpClient.newHttpClient();
            ScheduledExecutorService pace = Executors.newScheduledThreadPool(4);
            Crowd crowd = new Crowd(sessions);
            long start = System.nanoTime();
            for (int i = 0; i < sessions; i++) {
                int n = i;
                pace.schedule(() -> new Guest(crowd, http, pace, sim.port(), n, messagesEach, intervalMillis).connect(),
                        (long) i * 2_000 / sessions, TimeUnit.MILLISECONDS); // all arrive within two seconds
            }
            boolean finished = crowd.done.await(180, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            pace.shutdownNow();
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            List<Long> micros = new ArrayList<>(crowd.latencies);
            Collections.sort(micros);
            long frames = crowd.framesSent.get() + crowd.framesReceived.get();
            System.out.printf("simulator load: %d sessions × %d messages %d ms apart in %.1f s — %s; %d frames (%d in, %d out), %.0f frames/s (%d answered 429 and sent again);"
                            + " message latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; heap after GC %d MB (simulator and clients,"
                            + " one JVM); %s%n",
                    sessions, messagesEach, intervalMillis, seconds, finished ? "every session ended" : "NOT all sessions ended",
                    frames, crowd.framesSent.get(), crowd.framesReceived.get(), frames / seconds, crowd.tooMany.get(),
                    percentile(micros, 0.5), percentile(micros, 0.99), percentile(micros, 1.0), heap >> 20,
                    crowd.problems.isEmpty() && micros.size() == (long) sessions * messagesEach
                            ? "0 frames missing (every message answered, every Clear confirmed)"
                            : "PROBLEMS: " + (crowd.problems.size() > 5 ? crowd.problems.subList(0, 5) + "…" : crowd.problems)
                            + ", " + micros.size() + " of " + (long) sessions * messagesEach + " messages answered");
        }
    }

    static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))) / 1000.0;
    }

    /** What the guests share: counts, latencies, problems, and the latch of ended sessions. */
    static final class Crowd {
        final CountDownLatch done;
        final AtomicLong framesSent = new AtomicLong();
        final AtomicLong framesReceived = new AtomicLong();
        /** 429s the service answered (each frame is sent again after retryAfter, as a client must). */
        final AtomicLong tooMany = new AtomicLong();
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());

        Crowd(int sessions) {
            done = new CountDownLatch(sessions);
        }
    }

    /** One guest: configure, send at under two a second, Clear, wait for SessionClearedEvent. */
    static final class Guest implements WebSocket.Listener {
        private final Crowd crowd;
        private final HttpClient http;
        private final ScheduledExecutorService pace;
        private final int port;
        private final int number;
        private final int messages;
        private final int interval;
        private final String token = UUID.randomUUID().toString();
        /** tracingId → send time (ns) of messages awaiting their Inbound copy. */
        private final Map<String, Long> waiting = new ConcurrentHashMap<>();
        /** tracingId → frame of every onMessage not yet answered, to send again after a 429. */
        private final Map<String, String> unanswered = new ConcurrentHashMap<>();
        private final TextJoiner frames = new TextJoiner();
        private final AtomicLong answered = new AtomicLong();
        private volatile WebSocket ws;

        Guest(Crowd crowd, HttpClient http, ScheduledExecutorService pace, int port, int number, int messages,
              int interval) {
            this.crowd = crowd;
            this.http = http;
            this.pace = pace;
            this.port = port;
            this.number = number;
            this.messages = messages;
            this.interval = interval;
        }

        void connect() {
            http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/v1?deploymentId=load"), this)
                    .whenComplete((w, e) -> {
                        if (e != null) {
                            fail("connect: " + e);
                        }
                    });
        }

        @Override
        public void onOpen(WebSocket w) {
            ws = w;
            send("{\"action\":\"configureSession\",\"token\":\"" + token + "\",\"deploymentId\":\"load\",\"tracingId\":\""
                    + UUID.randomUUID() + "\"}");
            w.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            String text = frames.add(data, last);
            if (text != null) {
                crowd.framesReceived.incrementAndGet();
                handle(JSON.readTree(text));
            }
            w.request(1);
            return null;
        }

        private void handle(JsonNode frame) {
            String cls = frame.path("class").asString();
            switch (cls) {
                case "SessionResponse" -> {
                    for (int k = 0; k < messages; k++) {
                        int m = k;
                        pace.schedule(() -> message(m), (long) interval * k, TimeUnit.MILLISECONDS);
                    }
                }
                case "StructuredMessage" -> {
                    Long sentAt = waiting.remove(frame.path("tracingId").asString(""));
                    if (sentAt != null) {
                        crowd.latencies.add((System.nanoTime() - sentAt) / 1_000);
                        unanswered.remove(frame.path("tracingId").asString(""));
                        if (answered.incrementAndGet() == messages) {
                            pace.schedule(this::end, 1, TimeUnit.SECONDS); // the customer ends a moment later
                        }
                    }
                }
                case "SessionClearedEvent" -> {
                    crowd.done.countDown();
                    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
                }
                case "ConnectionClosedEvent" -> {
                }
                case "TooManyRequestsErrorMessage" -> {
                    crowd.tooMany.incrementAndGet();
                    String again = unanswered.get(frame.path("tracingId").asString(""));
                    if (again != null) {
                        pace.schedule(() -> send(again), Math.max(1, frame.path("body").path("retryAfter").asInt(1)),
                                TimeUnit.SECONDS);
                    }
                }
                default -> fail("guest " + number + " got " + frame);
            }
        }

        private void end() {
            String tracing = UUID.randomUUID().toString();
            sendMessage(tracing, "{\"action\":\"onMessage\",\"token\":\"" + token + "\",\"tracingId\":\""
                    + tracing + "\",\"message\":{\"type\":\"Event\",\"events\":[{\"eventType\":\"Presence\","
                    + "\"presence\":{\"type\":\"Clear\"}}]}}");
        }

        private void message(int m) {
            String tracing = UUID.randomUUID().toString();
            waiting.put(tracing, System.nanoTime());
            sendMessage(tracing, "{\"action\":\"onMessage\",\"token\":\"" + token + "\",\"tracingId\":\"" + tracing
                    + "\",\"message\":{\"type\":\"Text\",\"text\":\"guest " + number + " message " + m + "\"}}");
        }

        private void sendMessage(String tracing, String frame) {
            unanswered.put(tracing, frame);
            send(frame);
        }

        /** The last send; the next is chained to it (a JDK WebSocket takes one send at a time), no thread waits. */
        private java.util.concurrent.CompletableFuture<WebSocket> sending = java.util.concurrent.CompletableFuture.completedFuture(null);

        private synchronized void send(String text) {
            crowd.framesSent.incrementAndGet();
            sending = sending.thenCompose(x -> ws.sendText(text, true)).exceptionally(e -> {
                fail("guest " + number + " send: " + e);
                return null;
            });
        }

        private void fail(String problem) {
            crowd.problems.add(problem);
        }

        @Override
        public void onError(WebSocket w, Throwable error) {
            fail("guest " + number + ": " + error);
        }
    }
}
