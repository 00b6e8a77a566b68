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
            return new ServerFrame.Malformed(null, excerpt(text));
        }
        try {
            return decode(frame, text);
        } catch (RuntimeException e) {
            return new ServerFrame.Malformed(frame.string("tracingId"), excerpt(text));
        }
    }

    private static ServerFrame decode(JsonObjectView frame, String text) {
        String tracingId = frame.string("tracingId");
        String cls = frame.string("class");
        double codeValue = frame.number("code", Double.NaN); // NaN: the frame says no code
        int code = Double.isNaN(codeValue) ? 200 : (int) codeValue;
        if (cls == null) {
            return new ServerFrame.Malformed(tracingId, excerpt(text));
        }
        JsonObjectView body = frame.object("body");
        if ("string".equals(cls) || "Error".equals(cls)) {
            String message = frame.string("body");
            if (message == null && body != null) {
                message = body.string("errorMessage", body.string("message"));
                if (Double.isNaN(codeValue)) {
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
        switch (cls) {
            case "SessionResponse":
                if (body == null) {
                    return new ServerFrame.Malformed(tracingId, excerpt(text));
                }
                return new ServerFrame.SessionResponse(tracingId, body.flag("connected"), body.flag("newSession"),
                        body.flag("readOnly"), (int) body.number("maxCustomDataBytes", 2048),
                        body.number("durationSeconds", 0), body.number("expirationDate", 0),
                        AllowedMedia.fromSession(body));
            case "PresignedUrlResponse":
                if (body == null || body.string("url") == null) {
                    return new ServerFrame.Malformed(tracingId, excerpt(text));
                }
                return new ServerFrame.PresignedUrl(tracingId, body.string("attachmentId"), body.string("url"),
                        body.strings("headers"));
            case "StructuredMessage":
                if (body == null) {
                    return new ServerFrame.Malformed(tracingId, excerpt(text));
                }
                return new ServerFrame.StructuredMessage(tracingId, "response".equals(frame.string("type")),
                        WireMessage.decode(body));
            case "SessionClearedEvent":
                return new ServerFrame.SessionCleared(tracingId);
            case "ConnectionClosedEvent":
                // the schema says reasonCode, KT reads reason (§4.5): accept both
                return new ServerFrame.ConnectionClosed(tracingId,
                        body == null ? null : body.string("reason", body.string("reasonCode")));
            case "SessionExpiredEvent":
                return new ServerFrame.SessionExpired(tracingId);
            case "LogoutEvent":
                return new ServerFrame.LoggedOut(tracingId);
            case "JwtResponse":
                if (body == null || body.string("jwt") == null) {
                    return new ServerFrame.Malformed(tracingId, excerpt(text));
                }
                return new ServerFrame.JwtResponse(tracingId, body.string("jwt"), body.number("exp", 0));
            default:
                return new ServerFrame.Unknown(tracingId, cls);
        }
    }

    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
