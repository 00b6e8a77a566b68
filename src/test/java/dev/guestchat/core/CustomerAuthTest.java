package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every refresh, retry and sign-out rule of {@link CustomerAuth}, on a fake clock with a scripted token service. */
class CustomerAuthTest {
    static final long MINUTE = 60_000;

    final Fakes.Clock clock = new Fakes.Clock();
    final Fakes.Store storage = new Fakes.Store();
    /** What the session heard, in order. */
    final List<String> heard = new ArrayList<>();
    /** Requests the token service got and has not answered yet, oldest first. */
    final Deque<Request> requests = new ArrayDeque<>();
    /** Grants the host gives when asked, in turn; null: it has none. */
    final Deque<AuthGrant> hostGrants = new ArrayDeque<>();
    int asked;

    record Request(String kind, String argument, Ports.TokenCallback callback) {
        void answer(int status, AuthTokens tokens) {
            callback.done(status, tokens);
        }
    }

    final Ports.TokenService service = new Ports.TokenService() {
        @Override
        public void exchange(AuthGrant grant, Ports.TokenCallback callback) {
            requests.add(new Request("exchange", grant.code() != null ? grant.code() : grant.idToken(), callback));
        }

        @Override
        public void refresh(String refreshToken, Ports.TokenCallback callback) {
            requests.add(new Request("refresh", refreshToken, callback));
        }

        @Override
        public void revoke(String jwt, Ports.TokenCallback callback) {
            requests.add(new Request("revoke", jwt, callback));
        }
    };

    final Ports.GrantSource grants = (Consumer<AuthGrant> answer) -> {
        asked++;
        answer.accept(hostGrants.poll());
    };

    final CustomerAuth.Listener listener = new CustomerAuth.Listener() {
        @Override
        public void authorized(String jwt) {
            heard.add("authorized " + jwt);
        }

        @Override
        public void authRequired() {
            heard.add("auth-required");
        }

        @Override
        public void signedOut() {
            heard.add("signed-out");
        }
    };

    CustomerAuth auth() {
        return new CustomerAuth(storage, "dep", clock, service, grants, listener, new Backoff(() -> 0.5));
    }

    static AuthGrant code(String code) {
        return new AuthGrant(code, "https://shop.test/", "verifier", null, null);
    }

    AuthTokens tokens(String jwt, long lifeMillis, String refresh) {
        return new AuthTokens(jwt, clock.now() + lifeMillis, refresh);
    }

    Request next(String kind) {
        Request r = requests.poll();
        assertTrue(r != null && r.kind().equals(kind), "expected a " + kind + " request, got " + r);
        return r;
    }

    /** Signed in by a code: jwt-1 for 5 min with refresh token r-1. */
    CustomerAuth signedIn() {
        hostGrants.add(code("c-1"));
        CustomerAuth auth = auth();
        auth.requestJwt();
        next("exchange").answer(200, tokens("jwt-1", 5 * MINUTE, "r-1"));
        assertEquals(List.of("authorized jwt-1"), heard);
        heard.clear();
        return auth;
    }

    @Test
    void theHostsCodeIsExchangedOnceAndTheJwtHandedOut() {
        signedIn();
        assertEquals(1, asked);
        assertTrue(requests.isEmpty());
        assertEquals("r-1", storage.get("gcw.dep.auth.refresh"));
    }

    @Test
    void withoutAGrantTheHostHearsAuthRequired() {
        auth().requestJwt();
        assertEquals(List.of("auth-required"), heard);
        assertTrue(requests.isEmpty());
    }

    @Test
    void aRefusedGrantIsAuthRequiredAndAFailedExchangeIsRetriedWithBackoff() {
        hostGrants.add(code("bad"));
        CustomerAuth auth = auth();
        auth.requestJwt();
        next("exchange").answer(400, null);
        assertEquals(List.of("auth-required"), heard);

        heard.clear();
        hostGrants.add(code("c-2"));
        auth.requestJwt();
        next("exchange").answer(503, null);
        assertTrue(requests.isEmpty());
        clock.advance(999);
        assertTrue(requests.isEmpty(), "the first retry waits about a second");
        clock.advance(1);
        next("exchange").answer(0, null);
        clock.advance(2_000);
        next("exchange").answer(200, tokens("jwt-2", 5 * MINUTE, "r-2"));
        assertEquals(List.of("authorized jwt-2"), heard);
        assertEquals(2, asked, "the same grant is retried, the host is not asked again");
    }

    @Test
    void theJwtIsRefreshedAMinuteBeforeItExpiresWithoutTellingTheSession() {
        signedIn();
        clock.advance(4 * MINUTE - 1);
        assertTrue(requests.isEmpty());
        clock.advance(1);
        next("refresh").answer(200, new AuthTokens("jwt-2", clock.now() + 5 * MINUTE, null));
        assertTrue(heard.isEmpty(), "a quiet refresh: the open socket keeps its session");
        assertEquals("jwt-2", storage.get("gcw.dep.auth.jwt"));
        assertEquals("r-1", storage.get("gcw.dep.auth.refresh"), "the refresh token stays when none came back");
        clock.advance(4 * MINUTE);
        next("refresh");
    }

    @Test
    void aShortLivedJwtIsRefreshedHalfwayAndWithoutARefreshTokenItJustRunsOut() {
        hostGrants.add(code("c-1"));
        CustomerAuth auth = auth();
        auth.requestJwt();
        next("exchange").answer(200, tokens("jwt-1", 40_000, "r-1"));
        clock.advance(19_999);
        assertTrue(requests.isEmpty());
        clock.advance(1);
        next("refresh");

        requests.clear();
        storage.remove("gcw.dep.auth.refresh");
        hostGrants.add(new AuthGrant(null, null, null, "id-token", "n"));
        heard.clear();
        CustomerAuth implicit = auth();
        storage.remove("gcw.dep.auth.jwt");
        implicit.requestJwt();
        next("exchange").answer(200, tokens("jwt-i", 5 * MINUTE, null));
        clock.advance(10 * MINUTE);
        assertTrue(requests.isEmpty(), "nothing to refresh with");
        implicit.requestJwt();
        assertEquals(List.of("authorized jwt-i", "auth-required"), heard, "after expiry only a new sign-in helps");
    }

    @Test
    void aReloadOrANewTabContinuesWithTheStoredTokensWithoutAskingTheHost() {
        signedIn();
        CustomerAuth newTab = auth();
        newTab.requestJwt();
        assertEquals(List.of("authorized jwt-1"), heard, "a good stored JWT is used as it is");
        assertEquals(1, asked);

        heard.clear();
        clock.advance(10 * MINUTE); // the first page's refresh was never answered; the JWT ran out
        requests.clear();
        CustomerAuth later = auth();
        later.requestJwt();
        next("refresh").answer(200, tokens("jwt-3", 5 * MINUTE, null));
        assertEquals(List.of("authorized jwt-3"), heard);
        assertEquals(1, asked, "still no new code");
    }

    @Test
    void aConfigureRefusalRefreshesAndThreeInARowAskForANewGrant() {
        CustomerAuth auth = signedIn();
        auth.configureRefused();
        assertNull(storage.get("gcw.dep.auth.jwt"), "the refused JWT is not handed out again");
        next("refresh").answer(200, tokens("jwt-2", 5 * MINUTE, null));
        auth.configureRefused();
        next("refresh").answer(200, tokens("jwt-3", 5 * MINUTE, null));
        assertEquals(List.of("authorized jwt-2", "authorized jwt-3"), heard);
        heard.clear();
        hostGrants.add(code("c-2"));
        auth.configureRefused();
        assertEquals(2, asked);
        next("exchange").answer(200, tokens("jwt-4", 5 * MINUTE, "r-2"));
        assertEquals(List.of("authorized jwt-4"), heard);

        heard.clear();
        auth.configured();
        auth.configureRefused();
        next("refresh");
        assertTrue(heard.isEmpty(), "a configure that worked starts the count again");
    }

    @Test
    void aRefusedRefreshDropsTheTokensAndAsksTheHostAndNoAnswerIsRetried() {
        CustomerAuth auth = signedIn();
        auth.configureRefused();
        next("refresh").answer(0, null);
        clock.advance(1_000);
        next("refresh").answer(502, null);
        auth.networkMayBeBack();
        next("refresh").answer(401, null);
        assertNull(storage.get("gcw.dep.auth.refresh"));
        assertEquals(List.of("auth-required"), heard, "the host had no new grant");
        assertFalse(auth.signedIn());
    }

    @Test
    void signOutRevokesClearsAndIsHeard() {
        CustomerAuth auth = signedIn();
        auth.signOut();
        next("revoke").answer(204, null);
        assertEquals(List.of("signed-out"), heard);
        assertNull(storage.get("gcw.dep.auth.jwt"));
        assertNull(storage.get("gcw.dep.auth.refresh"));
        assertNull(storage.get("gcw.dep.auth.signOut"));
        clock.advance(10 * MINUTE);
        assertTrue(requests.isEmpty(), "no refresh after sign-out");
    }

    @Test
    void signOutWithAnExpiredJwtRefreshesAndRevokesAgain() {
        CustomerAuth auth = signedIn();
        auth.signOut();
        next("revoke").answer(401, null);
        next("refresh").answer(200, tokens("jwt-2", 5 * MINUTE, null));
        Request revoke = next("revoke");
        assertEquals("jwt-2", revoke.argument());
        revoke.answer(204, null);
        assertEquals(List.of("signed-out"), heard);
    }

    @Test
    void signOutOfflineStaysPendingAndCompletesOnTheNextPage() {
        CustomerAuth auth = signedIn();
        auth.signOut();
        next("revoke").answer(0, null);
        assertTrue(heard.isEmpty());
        assertFalse(auth.signedIn(), "signed out for this page already");
        assertEquals("1", storage.get("gcw.dep.auth.signOut"));
        auth.destroy(); // the customer left before the network came back

        CustomerAuth nextPage = auth();
        nextPage.requestJwt();
        Request again = next("revoke");
        assertEquals("jwt-1", again.argument());
        assertTrue(heard.isEmpty(), "no JWT is handed out while the sign-out is pending");
        nextPage.networkMayBeBack();
        assertTrue(requests.isEmpty(), "no second revoke while the first is under way");
        again.answer(204, null);
        assertEquals(List.of("signed-out"), heard);
        assertNull(storage.get("gcw.dep.auth.signOut"));
    }

    @Test
    void signOutOfflineCompletesWhenTheNetworkIsBack() {
        CustomerAuth auth = signedIn();
        auth.signOut();
        next("revoke").answer(0, null);
        auth.networkMayBeBack();
        next("revoke").answer(204, null);
        assertEquals(List.of("signed-out"), heard);
    }

    @Test
    void aRefreshUnderWayWhenTheCustomerSignsOutHandsNothingOut() {
        CustomerAuth auth = signedIn();
        auth.configureRefused();
        Request refresh = next("refresh");
        auth.signOut();
        Request forRevoke = next("refresh"); // the refused JWT was dropped: a fresh one to revoke with
        refresh.answer(200, tokens("jwt-late", 5 * MINUTE, null));
        assertTrue(heard.isEmpty(), "the answer of the refresh from before the sign-out is not handed out");
        assertNull(storage.get("gcw.dep.auth.jwt"), "nor kept");
        forRevoke.answer(200, tokens("jwt-5", 5 * MINUTE, null));
        Request revoke = next("revoke");
        assertEquals("jwt-5", revoke.argument());
        revoke.answer(204, null);
        assertEquals(List.of("signed-out"), heard);
    }

    @Test
    void theServicesLogoutEventSignsOutWithoutARevoke() {
        CustomerAuth auth = signedIn();
        auth.loggedOut();
        assertEquals(List.of("signed-out"), heard);
        assertTrue(requests.isEmpty());
        assertFalse(auth.signedIn());
        clock.advance(10 * MINUTE);
        assertTrue(requests.isEmpty());
    }

    @Test
    void aRevokeThatKeepsFailingEndsTheSignOutLocally() {
        CustomerAuth auth = signedIn();
        auth.signOut();
        next("revoke").answer(401, null);
        next("refresh").answer(200, tokens("jwt-2", MINUTE, null));
        next("revoke").answer(401, null);
        next("refresh").answer(200, tokens("jwt-3", MINUTE, null));
        next("revoke").answer(401, null);
        next("refresh").answer(200, tokens("jwt-4", MINUTE, null));
        assertEquals(List.of("signed-out"), heard, "after three revokes the tokens are dropped here");
        assertTrue(requests.isEmpty());
    }
}
