package dev.guestchat.simulator;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Authenticated web messaging's two outside parties (PROTOCOL.md §3.2): a mock identity provider that hands out
 * OAuth codes (PKCE checked) and OIDC id tokens for a customer picked by name, and the Genesys token service that
 * exchanges them for the messaging JWT ({@code oauthcodegrantjwtexchange}), refreshes it and revokes it. Knows
 * nothing of sockets; {@link SignedInSessions} acts on what it verifies.
 *
 * <p>Every method holds the simulator's {@link SimState} lock, as every other part does.
 */
final class SimAuth {
    /** Who signed in: the JWT's subject, the name the agent sees, and the deployment the JWT is good for. */
    record Customer(String userId, String name, String deploymentId) {
        String firstName() {
            int space = name.indexOf(' ');
            return space < 0 ? name : name.substring(0, space);
        }

        String lastName() {
            int space = name.indexOf(' ');
            return space < 0 ? "" : name.substring(space + 1);
        }
    }

    /** A status and JSON body for an HTTP endpoint to answer with. */
    record Answer(int status, JsonNode body) {
    }

    /** An OAuth code or id token not yet exchanged: for whom, and what the exchange must show to get it. */
    private record Grant(String user, String codeChallenge, String redirectUri, String nonce) {
    }

    /** A refresh token's customer and deployment, and when it stops working (epoch ms). */
    private record Refresh(Customer customer, long expiresAt) {
    }

    /** The simulator's own issuer name, in every JWT it signs. */
    static final String ISSUER = "guest-api-simulator-auth";
    /** Messaging JWTs live this long unless a test says otherwise (Genesys: at most 15 min, often 5). */
    static final long DEFAULT_JWT_SECONDS = 300;
    /** Refresh tokens live this long unless a test says otherwise. */
    static final long DEFAULT_REFRESH_SECONDS = 86_400;

    private final SimState state;
    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    /** OAuth codes and id tokens handed out and not yet exchanged; each works once. */
    private final Map<String, Grant> grants = new HashMap<>();
    /** Refresh tokens issued and not revoked. */
    private final Map<String, Refresh> refreshTokens = new HashMap<>();
    /** Per user id: the ids of the messaging JWTs issued and not revoked. */
    private final Map<String, Set<String>> liveJwts = new HashMap<>();
    /** Lifetime of the messaging JWTs issued from now on; tests shorten it to see expiry. */
    long jwtSeconds = DEFAULT_JWT_SECONDS;
    /** Lifetime of the refresh tokens issued from now on. */
    long refreshSeconds = DEFAULT_REFRESH_SECONDS;
    /** Grants exchanged for a JWT so far: a client that continues on stored tokens makes none. */
    long exchanges;
    /** JWTs issued by refresh so far: a client refreshing before expiry makes one per lifetime. */
    long refreshes;

    SimAuth(SimState state) {
        this.state = state;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        algorithm = Algorithm.HMAC256(key);
        verifier = JWT.require(algorithm).withIssuer(ISSUER).build();
    }

    // ------------------------------------------------------------------ the identity provider

    /**
     * An OAuth code for {@code user} (and, for the id token flow, an id token bound to {@code nonce}). With a
     * {@code codeChallenge} (S256 of the verifier) the exchange must show the verifier; with a {@code redirectUri}
     * it must show the same one.
     */
    ObjectNode authorize(String user, String codeChallenge, String redirectUri, String nonce) {
        synchronized (state) {
            String code = "code-" + UUID.randomUUID();
            grants.put(code, new Grant(user, codeChallenge, redirectUri, null));
            String idToken = JWT.create().withIssuer("sim-idp").withSubject(userId(user)).withClaim("name", user)
                    .withClaim("nonce", nonce).withJWTId(UUID.randomUUID().toString()).sign(algorithm);
            grants.put(idToken, new Grant(user, null, null, nonce));
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("code", code);
            body.put("idToken", idToken);
            return body;
        }
    }

    /** The user id a name signs in as: the same name is the same customer on every device. */
    static String userId(String name) {
        return "user-" + name.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    // ------------------------------------------------------------------ the Genesys token service

    /**
     * {@code POST /api/v2/webdeployments/token/oauthcodegrantjwtexchange}:
     * {@code {deploymentId, oauth: {code, redirectUri?, codeVerifier?} | {idToken, nonce}}} → {@code {jwt,
     * refreshToken}}; the id token flow gets no refresh token. 400 for an unknown or used code, a wrong verifier,
     * redirect address or nonce, or an unknown deployment.
     */
    Answer exchange(JsonNode request) {
        synchronized (state) {
            String deploymentId = request.path("deploymentId").asString("");
            JsonNode oauth = request.path("oauth");
            String code = oauth.path("code").asString(null);
            String idToken = oauth.path("idToken").asString(null);
            String key = code != null ? code : idToken;
            Grant grant = key != null ? grants.remove(key) : null; // a code works once, right or wrong
            String problem = !state.deployments.containsKey(deploymentId) ? "unknown deployment"
                    : grant == null ? "invalid or used authorization code"
                    : code != null ? codeProblem(grant, oauth) : idTokenProblem(grant, oauth);
            if (problem != null) {
                return error(400, "bad.request", problem);
            }
            Customer customer = new Customer(userId(grant.user()), grant.user(), deploymentId);
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("jwt", jwt(customer));
            if (code != null) {
                String refresh = "refresh-" + UUID.randomUUID();
                refreshTokens.put(refresh, new Refresh(customer, System.currentTimeMillis() + refreshSeconds * 1000));
                body.put("refreshToken", refresh);
            }
            exchanges++;
            return new Answer(200, body);
        }
    }

    private static String codeProblem(Grant grant, JsonNode oauth) {
        if (grant.codeChallenge() == null && grant.redirectUri() == null) {
            return grant.nonce() != null ? "not an authorization code" : null;
        }
        String verifier = oauth.path("codeVerifier").asString(null);
        if (grant.codeChallenge() != null && (verifier == null || !grant.codeChallenge().equals(s256(verifier)))) {
            return "PKCE verification failed";
        }
        if (grant.redirectUri() != null && !grant.redirectUri().equals(oauth.path("redirectUri").asString(null))) {
            return "redirectUri does not match the authorization request";
        }
        return null;
    }

    private static String idTokenProblem(Grant grant, JsonNode oauth) {
        return grant.nonce() == null || !grant.nonce().equals(oauth.path("nonce").asString(null)) ? "nonce mismatch" : null;
    }

    /** {@code POST /token/refresh} {@code {refreshToken}} → {@code {jwt}}; 401 once it expired or was revoked. */
    Answer refresh(JsonNode request) {
        synchronized (state) {
            Refresh r = refreshTokens.get(request.path("refreshToken").asString(""));
            if (r == null || r.expiresAt() <= System.currentTimeMillis()) {
                return error(401, "unauthorized", "refresh token is invalid or expired");
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("jwt", jwt(r.customer()));
            refreshes++;
            return new Answer(200, body);
        }
    }

    /**
     * {@code DELETE /token/revoke} with {@code Authorization: bearer <jwt>}: signs the customer out everywhere
     * (every JWT issued so far and every refresh token stop working). The customer, or null (401) when the JWT is
     * not a valid one.
     */
    Customer revoke(String authorization) {
        synchronized (state) {
            String jwt = authorization != null && authorization.regionMatches(true, 0, "bearer ", 0, 7)
                    ? authorization.substring(7).trim() : null;
            Customer customer = verify(jwt);
            if (customer == null) {
                return null;
            }
            liveJwts.remove(customer.userId());
            refreshTokens.values().removeIf(r -> r.customer().userId().equals(customer.userId()));
            return customer;
        }
    }

    /** The customer a messaging JWT stands for; null when it is missing, forged, expired or revoked. */
    Customer verify(String jwt) {
        if (jwt == null || jwt.isBlank()) {
            return null;
        }
        synchronized (state) {
            try {
                DecodedJWT decoded = verifier.verify(jwt);
                if (!liveJwts.getOrDefault(decoded.getSubject(), Set.of()).contains(decoded.getId())) {
                    return null; // revoked: the customer signed out
                }
                return new Customer(decoded.getSubject(), decoded.getClaim("name").asString(),
                        decoded.getClaim("deploymentId").asString());
            } catch (JWTVerificationException e) {
                return null;
            }
        }
    }

    /** Forgets every code, refresh token and sign-out; lifetimes go back to their defaults. */
    void reset() {
        synchronized (state) {
            grants.clear();
            refreshTokens.clear();
            liveJwts.clear();
            jwtSeconds = DEFAULT_JWT_SECONDS;
            refreshSeconds = DEFAULT_REFRESH_SECONDS;
        }
    }

    private String jwt(Customer customer) {
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        liveJwts.computeIfAbsent(customer.userId(), u -> new HashSet<>()).add(id);
        return JWT.create().withIssuer(ISSUER).withSubject(customer.userId()).withClaim("name", customer.name())
                .withClaim("deploymentId", customer.deploymentId()).withIssuedAt(now)
                .withExpiresAt(now.plusSeconds(jwtSeconds)).withJWTId(id).sign(algorithm);
    }

    private static Answer error(int status, String code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", status);
        body.put("code", code);
        body.put("message", message);
        return new Answer(status, body);
    }

    /** PKCE's S256: base64url, unpadded, of the verifier's SHA-256. */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
