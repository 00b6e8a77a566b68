package dev.guestchat.core;

/**
 * What the customer's sign-in at the site's identity provider gave the page, to exchange for the messaging JWT: an
 * OAuth code ({@code code}, {@code redirectUri}, and {@code codeVerifier} with PKCE) or an OIDC id token
 * ({@code idToken}, {@code nonce}); the fields of the other kind are null.
 */
public record AuthGrant(String code, String redirectUri, String codeVerifier, String idToken, String nonce) {
}
