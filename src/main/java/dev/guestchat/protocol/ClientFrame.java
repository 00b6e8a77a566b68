package dev.guestchat.protocol;

/**
 * Frames the widget sends (PROTOCOL.md §3). Every frame carries the guest token and a fresh tracingId so
 * that its reply — and for onMessage the Inbound copy — can be matched (§2.4).
 */
public sealed interface ClientFrame {
    String token();

    String tracingId();

    String toJson();

    /** §3.1: binds this connection to the guest session; first frame after every (re)connect. */
    record ConfigureSession(String token, String tracingId, String deploymentId, boolean startNew)
            implements ClientFrame {
        @Override
        public String toJson() {
            return envelope("configureSession", token, tracingId)
                    .field("deploymentId", deploymentId).field("startNew", startNew).end().toString();
        }
    }

    /** §3.2: the same for a signed-in customer, with the messaging JWT in {@code data.code}. */
    record ConfigureAuthenticatedSession(String token, String tracingId, String deploymentId, boolean startNew,
                                         String jwt) implements ClientFrame {
        @Override
        public String toJson() {
            return envelope("configureAuthenticatedSession", token, tracingId).field("deploymentId", deploymentId)
                    .field("startNew", startNew).open("data").field("code", jwt).end().end().toString();
        }
    }

    /**
     * §3.3.1: a guest text message, optionally with custom attributes inside {@code message.channel}, a button's
     * answer ({@code reply}, §3.3.3) or an uploaded file ({@code attachmentId}, §3.3.2; one per message).
     */
    record SendText(String token, String tracingId, String text, StringPairs customAttributes, ButtonReply reply,
                    String attachmentId) implements ClientFrame {
        public SendText(String token, String tracingId, String text, StringPairs customAttributes) {
            this(token, tracingId, text, customAttributes, null, null);
        }

        @Override
        public String toJson() {
            JsonText json = envelope("onMessage", token, tracingId).open("message")
                    .field("type", reply != null ? "Structured" : "Text").field("text", text);
            if (attachmentId != null) { // by id only, as the official SDK sends it
                json.openArray("content").element().field("contentType", "Attachment").open("attachment")
                        .field("id", attachmentId).end().end().closeArray();
            }
            if (reply != null) { // §3.3.3: the choice, as the button offered it
                json.openArray("content").element().field("contentType", "ButtonResponse").open("buttonResponse")
                        .field("type", reply.type()).field("text", text).field("payload", reply.payload());
                if (reply.originatingMessageId() != null) {
                    json.field("originatingMessageId", reply.originatingMessageId());
                }
                json.end().end().closeArray();
            }
            writeCustomAttributes(json, customAttributes);
            return json.end().end().toString();
        }
    }

    /**
     * A frame written earlier and kept as its JSON: a customer message that waited in storage for the next page, so
     * it goes out exactly as it was first built.
     */
    record Prepared(String token, String tracingId, String toJson) implements ClientFrame {
    }

    /**
     * A button's answer (§3.3.3): {@code type} is {@code QuickReply} or {@code Button}, {@code payload} what the
     * button carried, {@code originatingMessageId} the id of the message that offered it (null when unknown).
     */
    record ButtonReply(String type, String payload, String originatingMessageId) {
    }

    /** §3.6: asks where to upload a file; the answer is a PresignedUrl or an UploadResult refusal. */
    record RequestUpload(String token, String tracingId, String attachmentId, String fileName, String fileType,
                         int fileSize) implements ClientFrame {
        @Override
        public String toJson() {
            return envelope("onAttachment", token, tracingId).field("attachmentId", attachmentId)
                    .field("fileName", fileName).field("fileType", fileType).field("fileSize", fileSize)
                    .field("errorsAsJson", true).end().toString();
        }
    }

    /** §3.7 {@code getAttachment} (a fresh download address) and §3.8 {@code deleteAttachment} (an unsent upload). */
    record AttachmentAction(String action, String token, String tracingId, String attachmentId) implements ClientFrame {
        @Override
        public String toJson() {
            return envelope(action, token, tracingId).field("attachmentId", attachmentId).end().toString();
        }
    }

    /** §3.3.5 / §3.3.6: Presence Join (autostart) and Clear (ends the conversation). */
    record SendPresence(String token, String tracingId, PresenceType presence, StringPairs customAttributes)
            implements ClientFrame {
        @Override
        public String toJson() {
            JsonText json = envelope("onMessage", token, tracingId).open("message").field("type", "Event")
                    .openArray("events").element().field("eventType", "Presence")
                    .open("presence").field("type", presence.wire()).end().end().closeArray();
            writeCustomAttributes(json, customAttributes);
            return json.end().end().toString();
        }
    }

    /** §3.3.4: guest typing indicator. */
    record SendTyping(String token, String tracingId) implements ClientFrame {
        @Override
        public String toJson() {
            return envelope("onMessage", token, tracingId).open("message").field("type", "Event")
                    .openArray("events").element().field("eventType", "Typing")
                    .open("typing").field("type", "On").end().end().closeArray().end().end().toString();
        }
    }

    /** §3.4: application-level heartbeat; browsers cannot send ping frames. */
    record Echo(String token, String tracingId) implements ClientFrame {
        @Override
        public String toJson() {
            return envelope("echo", token, tracingId).open("message")
                    .field("type", "Text").field("text", "ping").end().end().toString();
        }
    }

    /** §3.5: credential for the history REST API. */
    record GetJwt(String token, String tracingId) implements ClientFrame {
        @Override
        public String toJson() {
            return envelope("getJwt", token, tracingId).end().toString();
        }
    }

    /** The Presence event's type (constants, not an enum: an enum's names and base class would cost the bundle). */
    final class PresenceType {
        public static final PresenceType JOIN = new PresenceType("Join");
        public static final PresenceType CLEAR = new PresenceType("Clear");

        private final String wire;

        private PresenceType(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private static JsonText envelope(String action, String token, String tracingId) {
        return new JsonText().begin().field("action", action).field("token", token).field("tracingId", tracingId);
    }

    private static void writeCustomAttributes(JsonText json, StringPairs attributes) {
        if (attributes != null && !attributes.isEmpty()) {
            json.open("channel").open("metadata").strings("customAttributes", attributes).end().end();
        }
    }
}
