package dev.guestchat.protocol;

/**
 * Frames the server sends (PROTOCOL.md §2.2, §4), decoded by {@code class}, never by {@code type} alone.
 * Anything the widget does not understand decodes to {@link Unknown} or {@link Malformed}, which the session
 * logs and ignores (§2.5).
 */
public sealed interface ServerFrame {
    /** Echo of the request's tracingId; null for pushes. */
    String tracingId();

    /** §4.1; {@code media} is null when the response did not say which files are allowed. */
    record SessionResponse(String tracingId, boolean connected, boolean newSession, boolean readOnly,
                           int maxCustomDataBytes, double durationSeconds, double expirationDate, AllowedMedia media)
            implements ServerFrame {
        public SessionResponse(String tracingId, boolean connected, boolean newSession, boolean readOnly,
                               int maxCustomDataBytes, double durationSeconds, double expirationDate) {
            this(tracingId, connected, newSession, readOnly, maxCustomDataBytes, durationSeconds, expirationDate, null);
        }
    }

    /**
     * §4.7: where to PUT a file ({@code headers} must go with it), or — from {@code getAttachment}, with no
     * headers — a fresh download address.
     */
    record PresignedUrl(String tracingId, String attachmentId, String url, StringPairs headers) implements ServerFrame {
    }

    /**
     * §4.8 / §4.9: the verdict on an upload — {@code UploadSuccessEvent} ({@code ok}, with a download address),
     * {@code UploadFailureEvent}, or {@code GenerateUrlError} (no upload address: type, size or name refused).
     */
    record UploadResult(String tracingId, String attachmentId, boolean ok, String downloadUrl, int errorCode)
            implements ServerFrame {
    }

    /** §4.2: agent/bot messages, the Inbound copy of our own, events; {@code response} marks the echo reply. */
    record StructuredMessage(String tracingId, boolean response, WireMessage message) implements ServerFrame {
    }

    /** §4.3: the conversation was cleared; sent to every connection of the token. */
    record SessionCleared(String tracingId) implements ServerFrame {
    }

    /** §4.5: the server ends this connection; do not reconnect. {@code reason} may be null. */
    record ConnectionClosed(String tracingId, String reason) implements ServerFrame {
    }

    /** §4.6: the signed-in customer signed out (their JWT was revoked), here or on another device. */
    record LoggedOut(String tracingId) implements ServerFrame {
    }

    /** §4.4: the guest session expired; fatal for the token. */
    record SessionExpired(String tracingId) implements ServerFrame {
    }

    /** §4.11 */
    record JwtResponse(String tracingId, String jwt, double exp) implements ServerFrame {
    }

    /** §4.13: the request was rejected; resend after {@code retryAfterSeconds}. */
    record TooManyRequests(String tracingId, int retryAfterSeconds, int errorCode, String text) implements ServerFrame {
    }

    /** §2.3: {@code class:"string"} and {@code class:"Error"} failures, branched on {@code code}. */
    record ErrorReply(String tracingId, int code, String text) implements ServerFrame {
        /** KT's one exception to "never branch on the text": this 403 means Clear is disabled (§2.3). */
        public boolean isClearDisabled() {
            return code == 403 && text != null && text.contains("Conversation Clear");
        }
    }

    /** A well-formed frame of a class the widget does not use (upload events, LogoutEvent, …). */
    record Unknown(String tracingId, String frameClass) implements ServerFrame {
    }

    /** Text that is not a frame at all; kept short for the log. */
    record Malformed(String tracingId, String excerpt) implements ServerFrame {
    }
}
