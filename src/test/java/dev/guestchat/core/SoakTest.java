package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guestchat.protocol.JacksonJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A very long conversation on the core with the fake clock (issue 10's soak at JVM scale): the customer types
 * 100,000 messages, an agent answers in between, and the connection drops at random — before a message reaches the
 * service, after the service took it but before its answer, and while idle. In the end the service holds every
 * message once, in the order typed, and the transcript shows every message once, delivered, in server-time order.
 * Seeded ({@code -Dsoak.seed}, {@code -Dsoak.messages}).
 */
class SoakTest {
    static final int MESSAGES = Integer.getInteger("soak.messages", 100_000);
    static final long SEED = Long.getLong("soak.seed", 7L);
    static final long RTT = 20;
    static final int PAGE = 25;

    final Random random = new Random(SEED);
    final Fakes.Clock clock = new Fakes.Clock();
    final Fakes.Sockets sockets = new Fakes.Sockets();
    final Fakes.History history = new Fakes.History();
    final Fakes.Observer seen = new Fakes.Observer();
    final GuestSession session = new GuestSession(new SessionConfig("dep", "wss://host/v1", EndOnPageExit.LEAVE, false),
            clock, sockets, new Fakes.Store(), history, new Fakes.DeploymentConfig(), new Fakes.Ids(), new Fakes.Tabs(), JacksonJson.PARSER, seen,
            Fakes.log(new java.util.ArrayList<>()), new Backoff(() -> 0.5), new Fakes.Uploader(), null);

    // --- the fake service
    /** Customer texts the service accepted, in arrival order: what the agent reads. */
    final List<String> agentReads = new ArrayList<>();
    /** Every message the service holds, oldest first, as the history API returns them. */
    final List<String> stored = new ArrayList<>();
    /** Agent texts the service sent. */
    final List<String> agentSaid = new ArrayList<>();
    final SessionHarness.RateWindow window = new SessionHarness.RateWindow();
    long lastServerTime = 1_700_000_000_000L;
    int onMessageFrames;
    int drops;
    int framesLost;
    int answersLost;
    int tooMany;
    /** The socket the service is wired to; null before the first. */
    Fakes.Socket wired;

    @Test
    void aHundredThousandMessagesThroughRandomDropsArriveOnceInOrderAndShowOnceInServerTimeOrder() {
        List<String> typed = new ArrayList<>();
        session.ensureConnected();
        for (int i = 0; i < MESSAGES; i++) {
            String text = "m-" + i;
            typed.add(text);
            assertTrue(session.send(text));
            for (int step = 0; step < 6; step++) {
                tick(100);
            }
        }
        for (int i = 0; i < 100_000 && (agentReads.size() < MESSAGES || pendingRows() > 0); i++) {
            tick(100);
        }
        assertTrue(drops >= MESSAGES / 200, "drops happened: " + drops);
        assertEquals(typed.size(), agentReads.size(), "nothing lost or doubled at the service (" + report() + ")");
        assertEquals(typed, agentReads, "the agent reads them in the order typed");
        assertEquals(MESSAGES + framesLost + tooMany, onMessageFrames,
                "one frame per message, plus one per frame lost with its socket or refused with 429 (" + report() + ")");
        List<ChatEntry> rows = seen.rows;
        List<String> customer = new ArrayList<>();
        List<String> agent = new ArrayList<>();
        String last = null;
        for (ChatEntry r : rows) {
            assertEquals(ChatEntry.Delivery.DELIVERED, r.delivery(), r.toString());
            assertTrue(last == null || last.compareTo(r.time()) <= 0, "server-time order at " + r);
            last = r.time();
            (r.sender() == ChatEntry.Sender.CUSTOMER ? customer : agent).add(r.text());
        }
        assertEquals(typed, customer, "every message shown once, in order");
        assertEquals(agentSaid, agent, "every agent message shown once, in order");
        System.out.println("soak: " + MESSAGES + " messages, " + agentSaid.size() + " agent messages, " + report());
    }

    String report() {
        return drops + " drops (" + framesLost + " with the frame lost, " + answersLost + " with the answer lost), "
                + onMessageFrames + " onMessage frames, " + tooMany + " answered 429, " + agentReads.size() + " accepted";
    }

    long pendingRows() {
        return seen.rows.stream().filter(r -> r.delivery() != ChatEntry.Delivery.DELIVERED).count();
    }

    /** Time passes; the service answers history, wires new sockets, speaks as the agent and drops idle sockets. */
    void tick(long millis) {
        clock.advance(millis);
        Fakes.Socket last = sockets.opened.isEmpty() ? null : sockets.last();
        if (last != null && last != wired && !last.closedByClient) {
            wired = last;
            last.server = frame -> serve(last, frame);
            last.opened();
        }
        for (Fakes.History.Request r : new ArrayList<>(history.requests)) {
            history.requests.remove(r);
            r.callback().onPage(page(r.page()));
        }
        if (wired != null && wired.open && random.nextInt(1_000) < 3) {
            agentSays("a-" + agentSaid.size());
        }
        if (wired != null && wired.open && random.nextInt(10_000) < 5) {
            drop(wired);
        }
    }

    void serve(Fakes.Socket s, String text) {
        JsonNode f = JacksonJson.MAPPER.readTree(text);
        String action = f.path("action").asString();
        String tracing = f.path("tracingId").asString();
        switch (action) {
            case "configureSession" -> later(s, SessionHarness.sessionResponse(stored.isEmpty(), false));
            case "echo" -> later(s, "{\"type\":\"response\",\"class\":\"StructuredMessage\",\"code\":200,\"tracingId\":\""
                    + tracing + "\",\"body\":{\"id\":\"p\",\"type\":\"Text\",\"text\":\"ping\",\"direction\":\"Inbound\"}}");
            case "getJwt" -> later(s, SessionHarness.jwtResponse(tracing));
            case "onMessage" -> {
                onMessageFrames++;
                if (random.nextInt(1_000) < 2) {
                    framesLost++;
                    drop(s); // the frame never reached the service
                    return;
                }
                if (!window.admit((long) clock.now())) {
                    tooMany++;
                    later(s, SessionHarness.tooManyRequests(tracing));
                    return;
                }
                String body = f.path("message").path("text").asString();
                agentReads.add(body);
                String id = "srv-" + agentReads.size();
                String frame = SessionHarness.inbound(tracing, id, body, serverTime());
                stored.add(frame);
                if (random.nextInt(1_000) < 2) {
                    answersLost++;
                    drop(s); // the service has it; the answer is lost with the socket
                    return;
                }
                later(s, frame);
            }
            default -> {
            }
        }
    }

    void agentSays(String text) {
        agentSaid.add(text);
        String frame = SessionHarness.outbound("ag-" + agentSaid.size(), text, serverTime());
        stored.add(frame);
        later(wired, frame);
    }

    /** Strictly increasing server times, ISO with milliseconds like the service's. */
    String serverTime() {
        lastServerTime = Math.max(lastServerTime + 1, 1_700_000_000_000L + (long) clock.now());
        return java.time.Instant.ofEpochMilli(lastServerTime).toString().replace("Z", "").replaceFirst("(\\.\\d{3})?$", "")
                + String.format(".%03dZ", lastServerTime % 1000);
    }

    void drop(Fakes.Socket s) {
        if (s.open) {
            drops++;
            s.drop(1006);
        }
    }

    void later(Fakes.Socket s, String frame) {
        clock.schedule(RTT, () -> {
            if (s.open) {
                s.receive(frame);
            }
        });
    }

    /** History page {@code n} (§6): the stored messages newest first, {@value #PAGE} a page. */
    String page(int n) {
        StringBuilder entities = new StringBuilder();
        int from = stored.size() - 1 - (n - 1) * PAGE;
        for (int i = from; i > from - PAGE && i >= 0; i--) {
            entities.append(entities.length() == 0 ? "" : ",")
                    .append(JacksonJson.MAPPER.readTree(stored.get(i)).path("body").toString());
        }
        int pages = (stored.size() + PAGE - 1) / PAGE;
        return "{\"entities\":[" + entities + "],\"pageSize\":" + PAGE + ",\"pageNumber\":" + n + ",\"total\":"
                + stored.size() + ",\"pageCount\":" + pages + "}";
    }
}
