package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guestchat.protocol.JacksonJson;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A signed-in customer's session on the fake socket, with the real {@link CustomerAuth} over a scripted token
 * service: every configure carries the JWT, refusals renew it, 4017 moves to a new token, LogoutEvent and
 * {@code signedIn} closes stop the session with their reasons.
 */
class SignedInSessionTest extends SessionHarness {
    /** Answers to the token service's requests, in turn: refreshes and revokes take them from here. */
    final Deque<AuthTokens> refreshes = new ArrayDeque<>();
    final Deque<Integer> revokes = new ArrayDeque<>();
    final Deque<AuthGrant> grants = new ArrayDeque<>();
    int exchanges;

    final Ports.TokenService service = new Ports.TokenService() {
        @Override
        public void exchange(AuthGrant grant, Ports.TokenCallback callback) {
            exchanges++;
            callback.done(200, new AuthTokens("jwt-" + exchanges, clock.now() + 300_000, "r-" + exchanges));
        }

        @Override
        public void refresh(String refreshToken, Ports.TokenCallback callback) {
            AuthTokens next = refreshes.poll();
            callback.done(next != null ? 200 : 401, next);
        }

        @Override
        public void revoke(String jwt, Ports.TokenCallback callback) {
            Integer status = revokes.poll();
            callback.done(status != null ? status : 204, null);
        }
    };

    SignedInSessionTest() {
        session = signedInSession();
    }

    GuestSession signedInSession() {
        return new GuestSession(new SessionConfig("dep", "wss://host/v1", EndOnPageExit.LEAVE, false), clock, sockets,
                store, history, deploymentConfig, ids, tabs, JacksonJson.PARSER, seen, Fakes.log(warnings),
                new Backoff(() -> 0.5), uploader,
                listener -> new CustomerAuth(store, "dep", clock, service, answer -> answer.accept(grants.poll()),
                        listener, new Backoff(() -> 0.5)));
    }

    static AuthGrant code() {
        return new AuthGrant("code", "https://shop.test/", "verifier", null, null);
    }

    /** The session's socket, opened (and so configured as soon as the JWT is at hand). */
    Fakes.Socket opened() {
        session.ensureConnected();
        Fakes.Socket s = sockets.last();
        s.opened();
        return s;
    }

    JsonNode configure(Fakes.Socket s) {
        return s.lastOf("configureAuthenticatedSession");
    }

    @Test
    void theSocketIsConfiguredWithTheCustomersJwtAndNeverAsAGuest() {
        grants.add(code());
        Fakes.Socket s = opened();
        assertNull(s.lastOf("configureSession"));
        JsonNode configure = configure(s);
        assertEquals("jwt-1", configure.path("data").path("code").asString());
        assertEquals(store.get("gcw.dep.token"), configure.path("token").asString());
        s.receive(sessionResponse(true, false));
        assertEquals(SessionState.CONNECTED, session.state());
        chat(s, "hello as Ada");
        assertEquals("hello as Ada", s.lastOf("onMessage").path("message").path("text").asString());
    }

    @Test
    void aReloadConfiguresWithTheStoredJwtWithoutANewCode() {
        grants.add(code());
        connected(true);
        session.destroy();
        session = signedInSession();
        Fakes.Socket again = opened();
        assertEquals("jwt-1", configure(again).path("data").path("code").asString());
        assertEquals(1, exchanges);
    }

    @Test
    void aRefusedJwtIsRefreshedAndTheSameSocketConfiguredAgain() {
        grants.add(code());
        Fakes.Socket s = opened();
        refreshes.add(new AuthTokens("jwt-fresh", clock.now() + 300_000, null));
        s.receive(error(401, "User is unauthorized", configure(s).path("tracingId").asString()));
        assertEquals("jwt-fresh", configure(s).path("data").path("code").asString());
        assertTrue(seen.errors.isEmpty(), "a renewed JWT is nothing the customer needs to hear of");
        s.receive(sessionResponse(false, false));
        assertEquals(SessionState.CONNECTED, session.state());
    }

    @Test
    void withoutAGrantNothingIsConfiguredAndTheSessionSaysAuthRequired() {
        Fakes.Socket s = opened();
        assertNull(configure(s));
        assertNull(s.lastOf("configureSession"));
        assertEquals(SessionState.SUSPENDED, session.state());
        assertEquals("auth-required", seen.errors.get(0).reason());
        assertTrue(s.closedByClient);
    }

    @Test
    void aTokenOfAGuestSessionIsReplacedBeforeSigningIn() {
        grants.add(code());
        Fakes.Socket s = opened();
        String guestToken = configure(s).path("token").asString();
        s.receive(error(4017, "Cannot downgrade to unauthenticated", configure(s).path("tracingId").asString()));
        assertNotEquals(guestToken, configure(s).path("token").asString());
        assertEquals(configure(s).path("token").asString(), store.get("gcw.dep.token"));
        assertTrue(seen.errors.isEmpty());
    }

    @Test
    void aGuestPageGivenASignedInCustomersTokenGoesOnAsAGuestOnANewOne() {
        session = session(EndOnPageExit.LEAVE, "dep"); // a page that signs nobody in
        store.put("gcw.dep.token", "signed-in-token");
        Fakes.Socket s = opened();
        JsonNode refused = s.lastOf("configureSession");
        assertEquals("configureSession", refused.path("action").asString());
        s.receive(error(4017, "Cannot downgrade to unauthenticated", refused.path("tracingId").asString()));
        JsonNode again = s.lastOf("configureSession");
        assertEquals("configureSession", again.path("action").asString(), "still a guest");
        assertNotEquals("signed-in-token", again.path("token").asString());
        assertEquals(again.path("token").asString(), store.get("gcw.dep.token"));
        assertTrue(seen.errors.isEmpty(), "nothing to tell the customer");
    }

    @Test
    void logoutEventStopsTheSessionAndForgetsItsTokens() {
        grants.add(code());
        Fakes.Socket s = connected(true);
        s.receive(event("LogoutEvent"));
        assertEquals(SessionState.SUSPENDED, session.state());
        assertEquals("signed-out", seen.errors.get(0).reason());
        assertTrue(s.closedByClient);
        assertNull(store.get("gcw.dep.token"));
        assertNull(store.get("gcw.dep.auth.jwt"));
        assertNull(store.get("gcw.dep.auth.refresh"));
    }

    @Test
    void signOutRevokesAndStops() {
        grants.add(code());
        Fakes.Socket s = connected(true);
        session.signOut();
        assertEquals(SessionState.SUSPENDED, session.state());
        assertEquals("signed-out", seen.errors.get(0).reason());
        assertTrue(s.closedByClient);
        assertNull(store.get("gcw.dep.auth.jwt"));
    }

    @Test
    void signingInOnAnotherDeviceIsSaidPlainlyAndNothingReconnects() {
        grants.add(code());
        Fakes.Socket s = connected(true);
        s.receive("{\"type\":\"message\",\"class\":\"ConnectionClosedEvent\",\"code\":200,\"body\":{\"reason\":\"signedIn\"}}");
        assertEquals(SessionState.SUSPENDED, session.state());
        assertEquals("signed-in-elsewhere", seen.errors.get(0).reason());
        int sockets = this.sockets.opened.size();
        clock.advance(120_000);
        assertEquals(sockets, this.sockets.opened.size());
        assertFalse(store.get("gcw.dep.auth.jwt") == null, "still signed in: Continue here takes the chat back");
    }

    @Test
    void endChatClearsASignedInConversationAsAGuestsAndTheCustomerStaysSignedIn() {
        grants.add(code());
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        java.util.List<Boolean> outcome = new java.util.ArrayList<>();
        session.end((ended, error) -> outcome.add(ended));
        assertEquals("Clear", presence(s.last()));
        s.receive(event("SessionClearedEvent"));
        s.receive(event("ConnectionClosedEvent"));
        assertEquals(SessionState.ENDED, session.state());
        assertEquals(java.util.List.of(true), outcome);
        assertEquals("jwt-1", store.get("gcw.dep.auth.jwt"), "ending the chat is not signing out");
    }

    @Test
    void anEndAskedWhileOfflineIsSentAfterTheSignedInConfigure() {
        grants.add(code());
        Fakes.Socket s = connected(true);
        chat(s, "hello");
        s.drop(1006);
        session.end((ended, error) -> { });
        clock.advance(1_500);
        Fakes.Socket again = sockets.last();
        again.opened();
        assertEquals("jwt-1", configure(again).path("data").path("code").asString());
        assertFalse(again.sentClear(), "nothing before the session is configured");
        again.receive(sessionResponse(false, false));
        assertTrue(again.sentClear());
    }

    @Test
    void aGuestsSessionIsUntouchedByTheSignInPart() {
        GuestSession guest = new GuestSession(new SessionConfig("dep", "wss://host/v1", EndOnPageExit.LEAVE, false),
                clock, sockets, store, history, deploymentConfig, ids, tabs, JacksonJson.PARSER, seen, Fakes.log(warnings),
                new Backoff(() -> 0.5), uploader, null);
        guest.ensureConnected();
        Fakes.Socket s = sockets.last();
        s.opened();
        assertEquals("configureSession", s.last().path("action").asString());
        s.receive(event("LogoutEvent"));
        guest.signOut();
        assertTrue(seen.errors.isEmpty());
        assertEquals(SessionState.CONNECTING, guest.state());
    }
}
