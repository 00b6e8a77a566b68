package dev.guestchat.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Authenticated web messaging in the simulator (PROTOCOL.md §3.2, §4.5, §4.6, §5.13, §5.15): the identity provider's
 * codes with PKCE, the Genesys token exchange, refresh and revoke, and {@code configureAuthenticatedSession} as the
 * official Java SDK sends it, over real sockets.
 */
class SignedInSessionTest extends SimulatorHarness {
    static final String EXCHANGE = "/api/v2/webdeployments/token/oauthcodegrantjwtexchange";

    /** {@code WebMessagingClient.configureAuthenticatedSession(deploymentId, token, origin, data)} as the SDK writes it. */
    static String sdkConfigureAuthenticated(String token, String deploymentId, String jwt) {
        return "{\"action\":\"configureAuthenticatedSession\",\"token\":\"" + token + "\",\"tracingId\":\""
                + UUID.randomUUID() + "\",\"deploymentId\":\"" + deploymentId + "\",\"data\":{\"code\":\"" + jwt + "\"}}";
    }

    static JsonNode json(HttpResponse<String> response) {
        return GuestClient.JSON.readTree(response.body());
    }

    /** A code for {@code user} from the identity provider, exchanged for {jwt, refreshToken}. */
    static JsonNode signIn(String dep, String user) throws Exception {
        String code = json(http("POST", "/sim/oauth/codes", "{\"user\":\"" + user + "\"}", null)).path("code").asString();
        HttpResponse<String> tokens = http("POST", EXCHANGE,
                "{\"deploymentId\":\"" + dep + "\",\"oauth\":{\"code\":\"" + code + "\"}}", null);
        assertEquals(200, tokens.statusCode(), tokens.body());
        return json(tokens);
    }

    static GuestClient device(String dep, String token, String jwt) {
        GuestClient c = client(dep, token);
        c.sendRaw(sdkConfigureAuthenticated(token, dep, jwt));
        return c;
    }

    @Test
    void aCodeWithPkceIsExchangedOnlyWithItsVerifierAndOnlyOnce() throws Exception {
        String dep = deployment("{}");
        String verifier = "verifier-" + UUID.randomUUID();
        String body = "{\"user\":\"Ada Lovelace\",\"codeChallenge\":\"" + SimAuth.s256(verifier)
                + "\",\"redirectUri\":\"http://shop.test/back\"}";
        String wrongFirst = json(http("POST", "/sim/oauth/codes", body, null)).path("code").asString();
        assertEquals(400, http("POST", EXCHANGE, "{\"deploymentId\":\"" + dep + "\",\"oauth\":{\"code\":\"" + wrongFirst
                + "\",\"redirectUri\":\"http://shop.test/back\",\"codeVerifier\":\"another\"}}", null).statusCode());
        assertEquals(400, http("POST", EXCHANGE, "{\"deploymentId\":\"" + dep + "\",\"oauth\":{\"code\":\"" + wrongFirst
                + "\",\"redirectUri\":\"http://shop.test/back\",\"codeVerifier\":\"" + verifier + "\"}}", null).statusCode(),
                "a code that was tried once is spent");

        String code = json(http("POST", "/sim/oauth/codes", body, null)).path("code").asString();
        String exchange = "{\"deploymentId\":\"" + dep + "\",\"oauth\":{\"code\":\"" + code
                + "\",\"redirectUri\":\"http://shop.test/back\",\"codeVerifier\":\"" + verifier + "\"}}";
        HttpResponse<String> tokens = http("POST", EXCHANGE, exchange, null);
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertTrue(json(tokens).path("jwt").asString().split("\\.").length == 3, "a JWT");
        assertFalse(json(tokens).path("refreshToken").asString("").isEmpty());
        assertEquals(400, http("POST", EXCHANGE, exchange, null).statusCode(), "once only");
        assertEquals(400, http("POST", EXCHANGE, exchange.replace(dep, "d-unknown"), null).statusCode());
    }

    @Test
    void anIdTokenNeedsItsNonceAndGetsNoRefreshToken() throws Exception {
        String dep = deployment("{}");
        String idToken = json(http("POST", "/sim/oauth/codes", "{\"user\":\"Grace Hopper\",\"nonce\":\"n-1\"}", null))
                .path("idToken").asString();
        HttpResponse<String> tokens = http("POST", EXCHANGE,
                "{\"deploymentId\":\"" + dep + "\",\"oauth\":{\"idToken\":\"" + idToken + "\",\"nonce\":\"n-1\"}}", null);
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertFalse(json(tokens).path("jwt").asString("").isEmpty());
        assertTrue(json(tokens).path("refreshToken").isMissingNode(), "the implicit flow cannot refresh");
        String another = json(http("POST", "/sim/oauth/codes", "{\"user\":\"Grace Hopper\",\"nonce\":\"n-2\"}", null))
                .path("idToken").asString();
        assertEquals(400, http("POST", EXCHANGE,
                "{\"deploymentId\":\"" + dep + "\",\"oauth\":{\"idToken\":\"" + another + "\",\"nonce\":\"n-1\"}}", null)
                .statusCode());
    }

    @Test
    void theOfficialSdksFrameSignsInAndTheAgentSeesTheCustomersName() throws Exception {
        String dep = deployment("{}");
        JsonNode tokens = signIn(dep, "Ada Lovelace");
        String token = GuestClient.newToken();
        try (GuestClient ada = client(dep, token)) {
            ada.sendRaw("{\"action\":\"configureAuthenticatedSession\",\"token\":\"" + token + "\",\"deploymentId\":\""
                    + dep + "\",\"tracingId\":\"t0\"}");
            assertEquals(400, ada.next("string").path("code").asInt(), "the schema asks for data.code");
            ada.sendRaw(sdkConfigureAuthenticated(token, dep, tokens.path("jwt").asString()));
            JsonNode session = ada.next("SessionResponse");
            assertTrue(session.path("body").path("connected").asBoolean());
            assertTrue(session.path("body").path("newSession").asBoolean());
            assertFalse(session.path("body").path("clearedExistingSession").asBoolean());
            ada.text("hello, it's Ada");
            ada.next("StructuredMessage");
            assertEquals("Ada Lovelace", conversation(dep).path("customer").asString());
        }
    }

    @Test
    void theSameCustomerOnASecondDeviceJoinsTheConversationAndItsHistory() throws Exception {
        String dep = deployment("{}");
        try (GuestClient laptop = device(dep, GuestClient.newToken(), signIn(dep, "Ada Lovelace").path("jwt").asString())) {
            laptop.next("SessionResponse");
            laptop.text("from the laptop");
            laptop.next("StructuredMessage");
            try (GuestClient phone = device(dep, GuestClient.newToken(), signIn(dep, "Ada Lovelace").path("jwt").asString())) {
                JsonNode session = phone.next("SessionResponse");
                assertFalse(session.path("body").path("newSession").asBoolean(), "the customer's session, resumed");
                phone.sendRaw("{\"action\":\"getJwt\",\"token\":\"" + phone.token + "\",\"tracingId\":\"j1\"}");
                String bearer = phone.next("JwtResponse").path("body").path("jwt").asString();
                JsonNode history = json(http("GET", "/api/v2/webmessaging/messages", null, bearer));
                assertEquals("from the laptop", history.path("entities").path(0).path("text").asString());

                String conv = conversation(dep).path("id").asString();
                assertEquals(200, http("POST", "/sim/conversations/" + conv + "/messages", "{\"text\":\"hi both\"}", null)
                        .statusCode());
                assertEquals("hi both", laptop.next("StructuredMessage").path("body").path("text").asString());
                assertEquals("hi both", phone.next("StructuredMessage").path("body").path("text").asString());
                assertNull(laptop.poll(300), "the laptop was not closed by the phone's sign-in");
            }
        }
    }

    @Test
    void startNewOnOneDeviceStartsOverForEveryDeviceOfTheCustomer() throws Exception {
        String dep = deployment("{}");
        String jwt = signIn(dep, "Grace Hopper").path("jwt").asString();
        String laptopToken = GuestClient.newToken();
        try (GuestClient laptop = device(dep, laptopToken, jwt);
             GuestClient phone = device(dep, GuestClient.newToken(), jwt)) {
            laptop.next("SessionResponse");
            phone.next("SessionResponse");
            laptop.text("the old conversation");
            laptop.next("StructuredMessage");
            laptop.sendRaw("{\"action\":\"configureAuthenticatedSession\",\"token\":\"" + laptopToken
                    + "\",\"deploymentId\":\"" + dep + "\",\"startNew\":true,\"data\":{\"code\":\"" + jwt + "\"}}");
            assertTrue(laptop.next("SessionResponse").path("body").path("newSession").asBoolean());
            phone.sendRaw("{\"action\":\"getJwt\",\"token\":\"" + phone.token + "\",\"tracingId\":\"j2\"}");
            String bearer = phone.next("JwtResponse").path("body").path("jwt").asString();
            assertEquals(0, json(http("GET", "/api/v2/webmessaging/messages", null, bearer)).path("entities").size(),
                    "the phone's token leads to the fresh session too");
        }
    }

    @Test
    void anExpiredJwtIsRefusedAndTheRefreshTokenGetsAFreshOne() throws Exception {
        String dep = deployment("{}");
        http("PUT", "/sim/auth", "{\"jwtSeconds\":1}", null);
        try {
            JsonNode tokens = signIn(dep, "Alan Turing");
            Thread.sleep(2_100);
            // the refreshed JWT gets the usual lifetime: a 1 s one could expire before a busy machine sends it
            http("PUT", "/sim/auth", "{\"jwtSeconds\":" + SimAuth.DEFAULT_JWT_SECONDS + "}", null);
            String token = GuestClient.newToken();
            try (GuestClient c = device(dep, token, tokens.path("jwt").asString())) {
                JsonNode refused = c.next("string");
                assertEquals(401, refused.path("code").asInt());
                HttpResponse<String> fresh = http("POST", "/api/v2/webdeployments/token/refresh",
                        "{\"refreshToken\":\"" + tokens.path("refreshToken").asString() + "\"}", null);
                assertEquals(200, fresh.statusCode(), fresh.body());
                c.sendRaw(sdkConfigureAuthenticated(token, dep, json(fresh).path("jwt").asString()));
                assertTrue(c.next("SessionResponse").path("body").path("connected").asBoolean());
            }
            assertEquals(401, http("POST", "/api/v2/webdeployments/token/refresh", "{\"refreshToken\":\"forged\"}", null)
                    .statusCode());
        } finally {
            http("PUT", "/sim/auth", "{\"jwtSeconds\":" + SimAuth.DEFAULT_JWT_SECONDS + "}", null);
        }
    }

    @Test
    void signingOutTellsEveryDeviceAndEndsEveryTokenOfTheCustomer() throws Exception {
        String dep = deployment("{}");
        JsonNode first = signIn(dep, "Grace Hopper");
        JsonNode second = signIn(dep, "Grace Hopper");
        String laptopToken = GuestClient.newToken();
        try (GuestClient laptop = device(dep, laptopToken, first.path("jwt").asString());
             GuestClient phone = device(dep, GuestClient.newToken(), second.path("jwt").asString())) {
            laptop.next("SessionResponse");
            phone.next("SessionResponse");
            assertEquals(204, http("DELETE", "/api/v2/webdeployments/token/revoke", null, first.path("jwt").asString())
                    .statusCode());
            laptop.next("LogoutEvent");
            phone.next("LogoutEvent");
            assertEquals(401, http("POST", "/api/v2/webdeployments/token/refresh",
                    "{\"refreshToken\":\"" + second.path("refreshToken").asString() + "\"}", null).statusCode());
            assertEquals(401, http("DELETE", "/api/v2/webdeployments/token/revoke", null, second.path("jwt").asString())
                    .statusCode(), "every JWT of the customer was revoked");
            laptop.sendRaw(sdkConfigureAuthenticated(laptopToken, dep, second.path("jwt").asString()));
            assertEquals(401, laptop.next("string").path("code").asInt());
            laptop.configure(false);
            assertEquals(4017, laptop.next("string").path("code").asInt(), "a signed-in token is not a guest's");
        }
    }

    @Test
    void aGuestStepsUpOnItsOwnTokenAndTheOtherDeviceIsToldWhy() throws Exception {
        String dep = deployment("{}");
        try (GuestClient phone = device(dep, GuestClient.newToken(), signIn(dep, "Ada Lovelace").path("jwt").asString());
             GuestClient guest = client(dep, GuestClient.newToken())) {
            phone.next("SessionResponse");
            guest.ready();
            guest.text("a question before signing in");
            guest.next("StructuredMessage");
            guest.sendRaw(sdkConfigureAuthenticated(guest.token, dep, signIn(dep, "Ada Lovelace").path("jwt").asString()));
            JsonNode signIn = guest.next("StructuredMessage");
            assertEquals("SignIn", signIn.path("body").path("events").path(0).path("presence").path("type").asString());
            assertEquals("Ada", signIn.path("body").path("channel").path("from").path("firstName").asString());
            JsonNode session = guest.next("SessionResponse");
            assertFalse(session.path("body").path("newSession").asBoolean(), "the guest's conversation goes on");
            assertTrue(session.path("body").path("clearedExistingSession").asBoolean());
            JsonNode closed = phone.next("ConnectionClosedEvent");
            assertEquals("signedIn", closed.path("body").path("reason").asString());
            assertEquals("Ada Lovelace", conversation(dep).path("customer").asString());
        }
    }

    @Test
    void theAuthorizePageSendsTheCustomerBackOnlyToTheSimulatorsOwnOrigin() throws Exception {
        String dep = deployment("{}");
        String own = "http://127.0.0.1:" + port + "/shop/";
        assertEquals(400, http("GET", "/sim/oauth/authorize?redirect_uri=https%3A%2F%2Fevil.test%2F", null, null)
                .statusCode());
        HttpResponse<String> page = http("GET", "/sim/oauth/authorize?redirect_uri=" + own + "&state=s1", null, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Grace Hopper"));
        HttpResponse<String> back = http("GET", "/sim/oauth/authorize?redirect_uri=" + own
                + "&state=s1&code_challenge=" + SimAuth.s256("v") + "&user=Grace+Hopper", null, null);
        assertEquals(302, back.statusCode());
        String location = back.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(own + "?code=") && location.endsWith("&state=s1"), location);
        String code = java.net.URLDecoder.decode(location.substring(location.indexOf("code=") + 5, location.indexOf("&state")),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(200, http("POST", EXCHANGE, "{\"deploymentId\":\"" + dep + "\",\"oauth\":{\"code\":\"" + code
                + "\",\"redirectUri\":\"" + own + "\",\"codeVerifier\":\"v\"}}", null).statusCode());
    }
}
