package dev.guestchat.simulator;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.JWTVerifier;
import java.security.SecureRandom;
import java.time.Instant;

/** Issues and verifies the history JWT (§3.5, §6), bound to the guest token; a fresh key per simulator run. */
final class JwtIssuer {
    static final long LIFETIME_SECONDS = 600;
    private final Algorithm algorithm;
    private final JWTVerifier verifier;

    JwtIssuer() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        algorithm = Algorithm.HMAC256(key);
        verifier = JWT.require(algorithm).withIssuer("guest-api-simulator").build();
    }

    /** A signed JWT for {@code token}, and its expiry in epoch seconds. */
    String issue(String token, long expEpochSeconds) {
        return JWT.create().withIssuer("guest-api-simulator").withSubject(token)
                .withExpiresAt(Instant.ofEpochSecond(expEpochSeconds)).sign(algorithm);
    }

    /** The token the JWT was issued for, or null when it is missing, forged or expired. */
    String verify(String jwt) {
        if (jwt == null || jwt.isBlank()) {
            return null;
        }
        try {
            return verifier.verify(jwt).getSubject();
        } catch (JWTVerificationException e) {
            return null;
        }
    }
}
