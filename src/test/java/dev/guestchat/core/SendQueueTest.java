package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guestchat.protocol.JacksonJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The ordered, paced send queue (issue 11) through the whole session, against a fake service on the fake clock
 * that answers like the real one: Inbound copy after a round trip, 429 above two {@code onMessage} per second
 * per session (PROTOCOL.md §5.12), and sockets that can drop with a frame in flight.
 */
class SendQueueTest {
    static final long RTT = 20;
    final Fakes.Clock clock = new Fakes.Clock();
    final Fakes.Sockets sockets = new Fakes.Sockets();
    final Fakes.Store store = new Fakes.Store();
    final Fakes.Observer seen = new Fakes.Observer();
    final Fakes.History history = new Fakes.History();
    final GuestSession session = new GuestSession(new SessionConfig("dep", "wss://host/v1", EndOnPageExit.LEAVE, false),
            clock, sockets, store, history, new Fakes.DeploymentConfig(), new Fakes.Ids(), new Fakes.Tabs(), JacksonJson.PARSER, seen,
            Fakes.log(new java.util.ArrayList<>()), new Backoff(() -> 0.5), new Fakes.Uploader(), null);
    /** The service: texts accepted, in arrival order (what the agent reads). */
    final List<String> agentReads = new ArrayList<>();
    /** The service's ids of the accepted messages, in the same order. */
    final List<String> acceptedIds = new ArrayList<>();
    /** Every onMessage frame that reached the service. */
    int framesIn;
    int tooMany;
    final SessionHarness.RateWindow window = new SessionHarness.RateWindow();

    /** Connects a socket wired to the fake service. */
    Fakes.Socket connect() {
        session.ensureConnected();
        Fakes.Socket s = sockets.last();
        s.server = frame -> serve(s, frame);
        s.opened();
        return s;
    }

    void serve(Fakes.Socket s, String text) {
        JsonNode f = JacksonJson.MAPPER.readTree(text);
        String action = f.path("action").asString();
        String tracing = f.path("tracingId").asString();
        if (action.equals("configureSession")) {
            later(s, SessionHarness.sessionResponse(false, false));
        } else if (action.equals("getJwt")) {
            later(s, SessionHarness.jwtResponse(tracing));
        } else if (action.equals("onMessage")) {
            framesIn++;
            if (!window.admit((long) clock.now())) {
                tooMany++;
                later(s, SessionHarness.tooManyRequests(tracing));
                return;
            }
            String body = f.path("message").path("text").asString();
            agentReads.add(body);
            acceptedIds.add("srv-" + framesIn);
            later(s, SessionHarness.inbound(tracing, "srv-" + framesIn, body, "2026-01-05T10:00:00.000Z"));
        }
    }

    void later(Fakes.Socket s, String frame) {
        clock.schedule(RTT, () -> {
            if (s.open) {
                s.receive(frame);
            }
        });
    }

    /** Answers every history request so far with what the service accepted, newest first (§6). */
    void serveHistory() {
        StringBuilder entities = new StringBuilder();
        for (int i = agentReads.size() - 1; i >= 0; i--) {
            entities.append(entities.length() == 0 ? "" : ",").append("{\"id\":\"").append(acceptedIds.get(i))
                    .append("\",\"type\":\"Text\",\"direction\":\"Inbound\",\"text\":\"").append(agentReads.get(i))
                    .append("\",\"channel\":{\"time\":\"2026-01-05T10:00:00.000Z\"}}");
        }
        String body = "{\"entities\":[" + entities + "],\"pageSize\":25,\"pageNumber\":1,\"total\":"
                + agentReads.size() + ",\"pageCount\":1}";
        for (Fakes.History.Request r : new ArrayList<>(history.requests)) {
            r.callback().onPage(body);
        }
        history.requests.clear();
    }

    /** The next socket, wired to the service. */
    Fakes.Socket reconnect() {
        Fakes.Socket next = sockets.last();
        next.server = frame -> serve(next, frame);
        next.opened();
        return next;
    }

    static List<String> burst(int n) {
        return IntStream.range(0, n).mapToObj(i -> "m-" + i).toList();
    }

    /** Types the burst at the given interval (ms) from now. */
    void type(List<String> texts, long every) {
        for (String t : texts) {
            session.send(t);
            clock.advance(every);
        }
    }

    @ParameterizedTest(name = "a burst of {0} typed 100 ms apart arrives once, in order, without a 429")
    @ValueSource(ints = {5, 20, 100})
    void aBurstLeavesInOrderPacedToTheLimit(int n) {
        connect();
        clock.advance(100);
        type(burst(n), 100);
        clock.advance(n * SendQueue.SPACING_MILLIS + 5_000);
        assertEquals(burst(n), agentReads);
        assertEquals(n, framesIn, "one onMessage per message");
        assertEquals(0, tooMany);
        assertTrue(seen.rows.stream().allMatch(r -> r.delivery() == ChatEntry.Delivery.DELIVERED));
    }

    @Test
    void aBurstTypedAtOnceBeforeTheSocketOpensLeavesInOrder() {
        type(burst(20), 0); // typed while connecting
        connect();
        clock.advance(20 * SendQueue.SPACING_MILLIS + 5_000);
        assertEquals(burst(20), agentReads);
        assertEquals(20, framesIn);
    }

    @Test
    void aTooManyRequestsMidBurstPausesTheWholeQueueAndKeepsTheOrder() {
        Fakes.Socket s = connect();
        clock.advance(100);
        window.admit((long) clock.now()); // another tab of this session spent the budget just now
        window.admit((long) clock.now());
        type(burst(10), 50);
        clock.advance(10_000);
        assertEquals(burst(10), agentReads);
        assertTrue(tooMany >= 1, "the test provoked a 429");
        assertEquals(10 + tooMany, framesIn, "a 429 costs one frame more, not a storm");
        assertTrue(tooMany <= 2, "the queue waited out retryAfter: " + tooMany);
        assertTrue(s.open);
    }

    @Test
    void aDropMidBurstResendsTheMessageInFlightFirstAndLosesNothing() {
        Fakes.Socket s = connect();
        clock.advance(100);
        type(burst(6), 100); // m-0 and m-1 answered by now; m-2 leaves 550 ms after m-1
        s.server = null; // from here the socket is dead but does not know it yet: m-2 is lost in flight
        clock.advance(SendQueue.SPACING_MILLIS);
        String inFlight = s.lastOf("onMessage").path("message").path("text").asString();
        assertEquals("m-2", inFlight);
        s.drop(1006);
        type(burst(20).subList(6, 20), 100); // the customer keeps typing while reconnecting
        clock.advance(2_000); // backoff
        Fakes.Socket again = reconnect();
        clock.advance(100);
        serveHistory(); // m-2 is not there: it goes again, first
        clock.advance(20 * SendQueue.SPACING_MILLIS + 5_000);
        assertEquals(burst(20), agentReads, "complete, once, in order");
        assertTrue(framesIn <= 20, "the lost frame never reached the service: " + framesIn);
        String firstAgain = again.frames().stream().filter(f -> "onMessage".equals(f.path("action").asString()))
                .findFirst().orElseThrow().path("message").path("text").asString();
        assertEquals(inFlight, firstAgain, "the unanswered message goes first after the reconnect");
    }

    @Test
    void aDropThatLosesOnlyTheAnswerDoesNotMakeTheAgentReadTheMessageTwice() {
        Fakes.Socket s = connect();
        clock.advance(100);
        type(burst(3), 100); // m-0 answered; m-1 leaves at 650 ms
        clock.advance(SendQueue.SPACING_MILLIS - 300 + 1); // m-1 reached the service, its answer is on the way
        assertEquals(List.of("m-0", "m-1"), agentReads);
        s.drop(1006); // the answer dies with the socket
        type(burst(8).subList(3, 8), 100);
        clock.advance(1_500);
        reconnect();
        clock.advance(100); // configure, getJwt
        serveHistory(); // the first history page shows m-1 arrived
        clock.advance(8 * SendQueue.SPACING_MILLIS + 5_000);
        serveHistory();
        assertEquals(burst(8), agentReads, "complete, once, in order");
        assertEquals(8, framesIn, "m-1 was not sent again");
        assertEquals(8, seen.rows.size(), "the customer sees each message once");
        assertTrue(seen.rows.stream().allMatch(r -> r.delivery() == ChatEntry.Delivery.DELIVERED));
    }

    @Test
    void twoDropsAndABacklogAtMostOneExtraFramePerDropEvenWithoutHistory() {
        Fakes.Socket s = connect();
        clock.advance(100);
        type(burst(4), 100);
        s.drop(1006); // a frame in flight reached the service, its answer did not
        type(burst(10).subList(4, 10), 100);
        clock.advance(1_500);
        Fakes.Socket second = reconnect();
        clock.advance(SendQueue.CHECK_WAIT_MILLIS + 1_200); // no history answer: the unsure message goes again
        second.drop(1006);
        clock.advance(3_000);
        reconnect();
        clock.advance(SendQueue.CHECK_WAIT_MILLIS + 10 * SendQueue.SPACING_MILLIS + 5_000);
        assertEquals(burst(10), agentReads.stream().distinct().toList(), "nothing lost, order kept: " + agentReads);
        assertTrue(framesIn <= 10 + 2, "at most one more frame per drop: " + framesIn);
        assertTrue(seen.rows.stream().allMatch(r -> r.delivery() == ChatEntry.Delivery.DELIVERED));
        assertEquals(10, seen.rows.size(), "the customer sees each message once");
    }
}
