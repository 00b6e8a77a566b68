package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.guestchat.protocol.JacksonJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A guest session on a fake clock with fake sockets, storage, history and tabs, plus the server frames the tests
 * play to it. The session tests ({@link ConnectionTest}, {@link ConversationTest}, {@link ChatEndingTest},
 * {@link PageExitSessionTest}) drive the public façade and read what reached the socket and the observer.
 */
abstract class SessionHarness {
    final Fakes.Clock clock = new Fakes.Clock();
    final Fakes.Sockets sockets = new Fakes.Sockets();
    final Fakes.Store store = new Fakes.Store();
    final Fakes.History history = new Fakes.History();
    final Fakes.DeploymentConfig deploymentConfig = new Fakes.DeploymentConfig();
    final Fakes.Ids ids = new Fakes.Ids();
    final Fakes.Tabs tabs = new Fakes.Tabs();
    final Fakes.Observer seen = new Fakes.Observer();
    final Fakes.Uploader uploader = new Fakes.Uploader();
    final List<String> warnings = new ArrayList<>();
    GuestSession session = session(EndOnPageExit.LEAVE, "dep");

    GuestSession session(EndOnPageExit mode, String deployment) {
        return session(mode, deployment, false);
    }

    /** @param gecko the engine closes page sockets before pagehide, so exits end in beforeunload */
    GuestSession session(EndOnPageExit mode, String deployment, boolean gecko) {
        return new GuestSession(new SessionConfig(deployment, "wss://host/v1", mode, gecko), clock, sockets, store, history,
                deploymentConfig, ids, tabs, JacksonJson.PARSER, seen, Fakes.log(warnings), new Backoff(() -> 0.5), uploader, null);
    }

    // ------------------------------------------------------------------ frame builders

    static String sessionResponse(boolean newSession, boolean readOnly) {
        return "{\"type\":\"response\",\"class\":\"SessionResponse\",\"code\":200,\"body\":{\"connected\":true,"
                + "\"newSession\":" + newSession + ",\"readOnly\":" + readOnly + "}}";
    }

    static String inbound(String tracingId, String id, String text, String time) {
        return "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200," + (tracingId == null ? ""
                : "\"tracingId\":\"" + tracingId + "\",") + "\"body\":{\"id\":\"" + id + "\",\"type\":\"Text\","
                + "\"direction\":\"Inbound\",\"text\":\"" + text + "\",\"channel\":{\"time\":\"" + time + "\"}}}";
    }

    static String outbound(String id, String text, String time) {
        return "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"body\":{\"id\":\"" + id + "\","
                + "\"type\":\"Text\",\"direction\":\"Outbound\",\"text\":\"" + text + "\",\"channel\":{\"time\":\"" + time
                + "\",\"from\":{\"nickname\":\"Dana\"}}}}";
    }

    static String event(String cls) {
        return "{\"type\":\"message\",\"class\":\"" + cls + "\",\"code\":200,\"body\":{}}";
    }

    static String error(int code, String text, String tracingId) {
        return "{\"type\":\"response\",\"class\":\"string\",\"code\":" + code + ",\"body\":\"" + text + "\""
                + (tracingId == null ? "" : ",\"tracingId\":\"" + tracingId + "\"") + "}";
    }

    static String tooManyRequests(String tracingId) {
        return "{\"type\":\"response\",\"class\":\"TooManyRequestsErrorMessage\",\"code\":429,\"tracingId\":\""
                + tracingId + "\",\"body\":{\"retryAfter\":1,\"errorCode\":4029}}";
    }

    static String jwtResponse(String tracingId) {
        return "{\"type\":\"response\",\"class\":\"JwtResponse\",\"code\":200,\"tracingId\":\"" + tracingId
                + "\",\"body\":{\"jwt\":\"jwt\",\"exp\":9999999999}}";
    }

    /** The fake services' rate limit, as the real one: two {@code onMessage} per sliding second (§5.12). */
    static final class RateWindow {
        private final List<Long> accepted = new ArrayList<>();

        /** True (and counted) when a message at {@code now} is within the limit; false means answer 429. */
        boolean admit(long now) {
            accepted.removeIf(t -> now - t >= 1000);
            if (accepted.size() >= 2) {
                return false;
            }
            accepted.add(now);
            return true;
        }
    }

    static String presenceEcho(String tracingId, String type) {
        return "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"tracingId\":\"" + tracingId + "\","
                + "\"body\":{\"id\":\"p\",\"type\":\"Event\",\"direction\":\"Inbound\",\"events\":[{\"eventType\":\"Presence\","
                + "\"presence\":{\"type\":\"" + type + "\"}}]}}";
    }

    /** Connects and configures; returns the live socket. */
    Fakes.Socket connected(boolean newSession) {
        session.ensureConnected();
        Fakes.Socket s = sockets.last();
        s.opened();
        s.receive(sessionResponse(newSession, false));
        assertEquals(SessionState.CONNECTED, session.state());
        return s;
    }

    /** Sends text and acknowledges it like the server; returns the tracingId. */
    String chat(Fakes.Socket s, String text) {
        session.send(text);
        String tracing = s.last().path("tracingId").asString();
        s.receive(inbound(tracing, "srv-" + tracing, text, "2026-01-05T10:00:00.000Z"));
        return tracing;
    }

    static String presence(JsonNode frame) {
        return frame.path("message").path("events").path(0).path("presence").path("type").asString();
    }
}
