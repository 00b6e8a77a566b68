package dev.guestchat.core;

/**
 * The token service's answer: the messaging JWT, when it expires (epoch ms, read from its {@code exp}), and the
 * refresh token, null when there is none (the id token flow gets none).
 */
public record AuthTokens(String jwt, double expiresAt, String refreshToken) {
}
