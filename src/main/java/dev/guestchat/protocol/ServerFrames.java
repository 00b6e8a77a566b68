package dev.guestchat.protocol;

/** Decodes server frame text; total — every input gives a frame, nothing throws. */
public final class ServerFrames {
    private final JsonParser parser;

    public ServerFrames(JsonParser parser) {
        this.parser = parser;
    }

    public ServerFrame decode(String text) {
        JsonObjectView frame;
        try {
            frame = text == null ? null : parser.parseObject(text);
        } catch (RuntimeException e) {
            frame = null; // a parser that throws is treated like one that says "not an object"
        }
        if (frame == null) {
            return malformed(null, text);
        }
        try {
            return decode(frame, text);
        } catch (RuntimeException e) {
            return malformed(frame.string("tracingId"), text);
        }
    }

    /** What {@code code} reads as when the frame has none (status codes are never negative). */
    private static final int NO_CODE = -1;

    private static ServerFrame decode(JsonObjectView frame, String text) {
        String tracingId = frame.string("tracingId");
        String cls = frame.string("class");
        int given = (int) frame.number("code", NO_CODE);
        int code = given == NO_CODE ? 200 : given;
        if (cls == null) {
            return malformed(tracingId, text);
        }
        JsonObjectView body = frame.object("body");
        if ("string".equals(cls) || "Error".equals(cls)) {
            String message = frame.string("body");
            if (message == null && body != null) {
                message = body.string("errorMessage", body.string("message"));
                if (given == NO_CODE) {
                    code = (int) body.number("errorCode", code);
                }
            }
            return new ServerFrame.ErrorReply(tracingId, code, message);
        }
        if ("GenerateUrlError".equals(cls) || "UploadFailureEvent".equals(cls) || "UploadSuccessEvent".equals(cls)) {
            // before the generic error branch: a refused upload comes with an error code and a body (§4.9)
            return new ServerFrame.UploadResult(tracingId, body != null ? body.string("attachmentId") : null,
                    "UploadSuccessEvent".equals(cls), body != null ? body.string("downloadUrl") : null,
                    body != null ? (int) body.number("errorCode", code) : code);
        }
        if ("TooManyRequestsErrorMessage".equals(cls)) {
            return body == null ? new ServerFrame.TooManyRequests(tracingId, 1, 4029, null)
                    : new ServerFrame.TooManyRequests(tracingId, (int) body.number("retryAfter", 1),
                            (int) body.number("errorCode", 4029), body.string("errorMessage"));
        }
        if (code != 200 && body == null) {
            return new ServerFrame.ErrorReply(tracingId, code, null);
        }
        // if-chains, not a string switch: in the bundle a switch on a string is a table of hash codes on top
        if ("SessionClearedEvent".equals(cls)) {
            return new ServerFrame.SessionCleared(tracingId);
        }
        if ("ConnectionClosedEvent".equals(cls)) {
            // the schema says reasonCode, KT reads reason (§4.5): accept both
            return new ServerFrame.ConnectionClosed(tracingId,
                    body == null ? null : body.string("reason", body.string("reasonCode")));
        }
        if ("SessionExpiredEvent".equals(cls)) {
            return new ServerFrame.SessionExpired(tracingId);
        }
        if ("LogoutEvent".equals(cls)) {
            return new ServerFrame.LoggedOut(tracingId);
        }
        // a class this decoder reads, without the body it must have, is malformed
        if ("SessionResponse".equals(cls)) {
            return body == null ? malformed(tracingId, text) : new ServerFrame.SessionResponse(tracingId,
                    body.flag("connected"), body.flag("newSession"), body.flag("readOnly"),
                    (int) body.number("maxCustomDataBytes", 2048), body.number("durationSeconds", 0),
                    body.number("expirationDate", 0), AllowedMedia.fromSession(body));
        }
        if ("StructuredMessage".equals(cls)) {
            return body == null ? malformed(tracingId, text) : new ServerFrame.StructuredMessage(tracingId,
                    "response".equals(frame.string("type")), WireMessage.decode(body));
        }
        if ("PresignedUrlResponse".equals(cls)) {
            return body == null || body.string("url") == null ? malformed(tracingId, text)
                    : new ServerFrame.PresignedUrl(tracingId, body.string("attachmentId"), body.string("url"),
                            body.strings("headers"));
        }
        if ("JwtResponse".equals(cls)) {
            return body == null || body.string("jwt") == null ? malformed(tracingId, text)
                    : new ServerFrame.JwtResponse(tracingId, body.string("jwt"), body.number("exp", 0));
        }
        return new ServerFrame.Unknown(tracingId, cls);
    }

    private static ServerFrame malformed(String tracingId, String text) {
        return new ServerFrame.Malformed(tracingId, excerpt(text));
    }

    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
