package dev.guestchat.simulator;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Files, the way the service handles them (PROTOCOL.md §3.6–3.8, §4.7–4.10, §7): {@code onAttachment} checks
 * name, type and size against the deployment and answers a presigned PUT URL on this server that only takes the
 * returned headers and the announced size; after the PUT a content check pushes {@code UploadSuccessEvent} (or
 * {@code UploadFailureEvent} when the deployment's {@code uploadsFail} switch is on); download URLs expire
 * ({@code downloadUrlMillis}); {@code getAttachment} makes a fresh one; {@code deleteAttachment} drops an unsent file.
 * Agents' files are stored here too, so every attachment URL a guest sees is one this server answers.
 */
final class SimAttachments {
    /** Upload names longer than this answer 4005 (the service's limit is undocumented; 255 is the usual file-system one). */
    static final int MAX_NAME_LENGTH = 255;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Where an attachment is in its life; only {@code READY} ones may be sent or downloaded. */
    enum Status { AWAITING_PUT, CHECKING, READY, FAILED, SENT }

    /** One file: what was announced, what was stored, and the download signatures handed out (→ expiry time). */
    static final class SimFile {
        final String id;
        final String token;
        final String name;
        final String type;
        final long size;
        /** The {@code x-amz-tagging} value the PUT must carry verbatim. */
        final String tagging;
        /** The PUT URL's signature; null for agents' files. */
        final String uploadSignature;
        Status status = Status.AWAITING_PUT;
        /** The stored bytes; null until the PUT arrived. */
        byte[] bytes;
        final Map<String, Long> downloadSignatures = new HashMap<>();

        SimFile(String id, String token, String name, String type, long size, String tagging, String uploadSignature) {
            this.id = id;
            this.token = token;
            this.name = name;
            this.type = type;
            this.size = size;
            this.tagging = tagging;
            this.uploadSignature = uploadSignature;
        }
    }

    private final SimState state;
    private final SimWire wire;
    private final EventLog log;
    /** Attachment id → file, guests' and agents'; cleared with the simulator. */
    private final Map<String, SimFile> files = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    SimAttachments(SimState state, SimWire wire, EventLog log) {
        this.state = state;
        this.wire = wire;
        this.log = log;
    }

    /** §3.6 — called under the state lock. */
    void onAttachment(SimConnection c, SimSession s, JsonNode frame, String tracingId) {
        SimDeployment d = state.deployments.get(s.deploymentId);
        String name = frame.path("fileName").asString("");
        String type = frame.path("fileType").asString("").toLowerCase(Locale.ROOT);
        long size = frame.path("fileSize").asLong(-1);
        String id = frame.path("attachmentId").isString() ? frame.get("attachmentId").asString()
                : UUID.randomUUID().toString(); // the official Java SDK lets the service choose (§3.6)
        int refused = refusal(d, name, type, size);
        if (refused != 0) {
            log.event("upload-refused", s.token, refused + " " + name + " " + type + " " + size);
            ObjectNode body = NODES.objectNode().put("attachmentId", id).put("errorCode", refused)
                    .put("errorMessage", REFUSALS.get(refused));
            wire.send(c, "response", "GenerateUrlError", refused, body, tracingId);
            return;
        }
        String signature = signature();
        String tagging = "deployment=" + s.deploymentId + "&attachment=" + id;
        files.put(id, new SimFile(id, s.token, name, type, size, tagging, signature));
        ObjectNode body = NODES.objectNode();
        body.put("attachmentId", id);
        body.put("url", c.httpBase + "/uploads/" + id + "?X-Amz-Signature=" + signature);
        body.putObject("headers").put("x-amz-tagging", tagging);
        body.put("fileName", name).put("fileSize", size).put("fileType", type);
        wire.send(c, "response", "PresignedUrlResponse", 200, body, tracingId);
    }

    /** The service's words for each refusal (§5.13). */
    static final Map<Integer, String> REFUSALS = Map.of(
            4001, "File type not allowed", 4002, "File size invalid", 4004, "File name invalid",
            4005, "File name too long", 4009, "Attachment not found", 4010, "Attachment not successfully uploaded");

    /** The §5.13 code that refuses this upload, 0 when it may go ahead. */
    private static int refusal(SimDeployment d, String name, String type, long size) {
        if (name.isBlank() || name.chars().anyMatch(ch -> ch < 0x20 || ch == '/' || ch == '\\')) {
            return 4004;
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return 4005;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean blocked = SimFrames.BLOCKED_EXTENSIONS.stream().anyMatch(lower::endsWith);
        boolean typeAllowed = d.fileTypes.stream().anyMatch(t -> t.equals(type) || t.equals("*/*")
                || (t.endsWith("/*") && type.startsWith(t.substring(0, t.length() - 1))));
        if (!d.attachmentsEnabled || blocked || !typeAllowed) {
            return 4001;
        }
        return size <= 0 || size > d.maxFileSizeKB * 1024L ? 4002 : 0;
    }

    /** {@code PUT /uploads/{id}?X-Amz-Signature=…}: S3's part of the flow; needs the signature, headers and size. */
    void put(Context ctx) {
        cors(ctx);
        byte[] bytes = ctx.bodyAsBytes();
        synchronized (state) {
            SimFile f = files.get(ctx.pathParam("id"));
            if (f == null || f.uploadSignature == null || !f.uploadSignature.equals(ctx.queryParam("X-Amz-Signature"))
                    || f.status != Status.AWAITING_PUT) {
                ctx.status(403).result("SignatureDoesNotMatch");
                return;
            }
            if (!f.tagging.equals(ctx.header("x-amz-tagging"))) {
                ctx.status(403).result("x-amz-tagging missing or changed");
                return;
            }
            if (bytes.length != f.size) {
                ctx.status(400).result("IncompleteBody: " + bytes.length + " of " + f.size + " bytes");
                return;
            }
            f.bytes = bytes;
            f.status = Status.CHECKING;
            SimDeployment d = state.deployments.get(state.sessions.containsKey(f.token)
                    ? state.sessions.get(f.token).deploymentId : "");
            boolean fails = d != null && d.uploadsFail;
            long delay = d != null ? d.uploadCheckMillis : 0;
            log.event("uploaded", f.token, f.id + " " + f.name + " " + bytes.length + " bytes");
            state.timers.schedule(() -> checked(f.id, !fails), delay, TimeUnit.MILLISECONDS);
            ctx.status(200);
        }
    }

    /** The content check's verdict, pushed to the connections the token has now (a dropped socket misses it). */
    private void checked(String id, boolean passed) {
        synchronized (state) {
            SimFile f = files.get(id);
            SimSession s = f != null ? state.sessions.get(f.token) : null;
            if (f == null || f.status != Status.CHECKING) {
                return;
            }
            f.status = passed ? Status.READY : Status.FAILED;
            ObjectNode body = NODES.objectNode().put("attachmentId", id);
            if (passed) {
                body.put("downloadUrl", downloadUrl(f, s != null && !s.connections.isEmpty()
                        ? s.connections.get(0).httpBase : "http://localhost"));
            } else {
                body.put("errorCode", 4003).put("errorMessage", "File content is not valid");
            }
            body.put("timestamp", SimFrames.iso(System.currentTimeMillis()));
            log.event(passed ? "upload-succeeded" : "upload-failed", f.token, id);
            if (s != null) {
                for (SimConnection each : s.connections) {
                    wire.send(each, "message", passed ? "UploadSuccessEvent" : "UploadFailureEvent", 200, body, null);
                }
            }
        }
    }

    /** §3.7: a fresh download URL, with empty headers and the file's facts. */
    void getAttachment(SimConnection c, SimSession s, JsonNode frame, String tracingId) {
        SimFile f = files.get(frame.path("attachmentId").asString(""));
        int code = f == null || !f.token.equals(s.token) && !isAgentFileOf(f, s) ? 4009
                : f.status == Status.READY || f.status == Status.SENT ? 0 : 4010;
        if (code != 0) {
            wire.sendError(c, code, REFUSALS.get(code), tracingId);
            return;
        }
        ObjectNode body = NODES.objectNode();
        body.put("attachmentId", f.id);
        body.put("url", downloadUrl(f, c.httpBase));
        body.putObject("headers");
        body.put("fileName", f.name).put("fileSize", f.size).put("fileType", f.type);
        wire.send(c, "response", "PresignedUrlResponse", 200, body, tracingId);
    }

    private static boolean isAgentFileOf(SimFile f, SimSession s) {
        return f.token.equals("agent:" + s.token);
    }

    /** §3.8: only a file not yet sent in a message. */
    void deleteAttachment(SimConnection c, SimSession s, JsonNode frame, String tracingId) {
        String id = frame.path("attachmentId").asString("");
        SimFile f = files.get(id);
        if (f == null || !f.token.equals(s.token)) {
            wire.sendError(c, 4009, REFUSALS.get(4009), tracingId);
            return;
        }
        if (f.status == Status.SENT) {
            wire.sendError(c, 400, "Request failed. The attachment was sent already", tracingId);
            return;
        }
        files.remove(id);
        log.event("attachment-deleted", s.token, id);
        wire.send(c, "message", "AttachmentDeletedResponse", 200, NODES.objectNode().put("attachmentId", id), tracingId);
    }

    /**
     * Checks the attachments an {@code onMessage} names (§3.3.2) and fills them in the way the Inbound copy carries
     * them; answers the §5.13 code that refuses the message (4009 unknown, 4010 not uploaded), 0 when it may go.
     */
    int attachToMessage(SimSession s, ObjectNode message, String httpBase) {
        JsonNode content = message.path("content");
        for (JsonNode item : content) {
            if ("Attachment".equals(item.path("contentType").asString())) {
                SimFile f = files.get(item.path("attachment").path("id").asString(""));
                if (f == null || !f.token.equals(s.token)) {
                    return 4009;
                }
                if (f.status != Status.READY) {
                    return 4010;
                }
            }
        }
        for (JsonNode item : content) {
            if ("Attachment".equals(item.path("contentType").asString())) {
                SimFile f = files.get(item.path("attachment").path("id").asString());
                f.status = Status.SENT;
                ((ObjectNode) item).set("attachment", describe(f, httpBase));
            }
        }
        return 0;
    }

    /** The names of a message's attachments, for the agent's transcript; empty when it has none. */
    static String names(JsonNode message) {
        StringBuilder out = new StringBuilder();
        for (JsonNode item : message.path("content")) {
            JsonNode a = item.path("attachment");
            if (a.isObject()) {
                out.append(out.isEmpty() ? "" : ", ").append(a.path("filename").asString("file"))
                        .append(" <").append(a.path("url").asString("")).append('>');
            }
        }
        return out.toString();
    }

    /** Stores an agent's file for this session and answers its content item (§4.2.1, "Outbound attachment"). */
    ObjectNode agentFile(SimSession s, String name, String type, byte[] bytes, String httpBase) {
        SimFile f = new SimFile(UUID.randomUUID().toString(), "agent:" + s.token, name, type, bytes.length, "", null);
        f.bytes = bytes;
        f.status = Status.SENT;
        files.put(f.id, f);
        ObjectNode item = NODES.objectNode().put("contentType", "Attachment");
        item.set("attachment", describe(f, httpBase));
        return item;
    }

    private ObjectNode describe(SimFile f, String httpBase) {
        ObjectNode a = NODES.objectNode();
        a.put("id", f.id);
        a.put("mediaType", f.type.startsWith("image/") ? "Image" : f.type.startsWith("video/") ? "Video"
                : f.type.startsWith("audio/") ? "Audio" : "File");
        a.put("mime", f.type);
        a.put("filename", f.name);
        a.put("fileSize", f.size);
        a.put("url", downloadUrl(f, httpBase));
        return a;
    }

    /** {@code GET /downloads/{id}?sig=…}: the file while the URL is fresh, else 404 as S3 answers an expired one. */
    void download(Context ctx) {
        cors(ctx);
        synchronized (state) {
            SimFile f = files.get(ctx.pathParam("id"));
            Long expires = f != null ? f.downloadSignatures.get(ctx.queryParam("sig")) : null;
            if (f == null || f.bytes == null || expires == null || System.currentTimeMillis() > expires) {
                ctx.status(404).result("NoSuchKey or expired");
                return;
            }
            ctx.contentType(f.type).header("Content-Disposition", "inline").result(f.bytes);
        }
    }

    /** The upload endpoint is cross-origin for every page (the service's bucket is too): CORS for PUT and GET. */
    static void cors(Context ctx) {
        HistoryEndpoint.allowOrigin(ctx, "GET, PUT, OPTIONS", "Content-Type, x-amz-tagging");
    }

    private String downloadUrl(SimFile f, String httpBase) {
        String sig = signature();
        SimDeployment d = null;
        SimSession s = state.sessions.get(f.token.startsWith("agent:") ? f.token.substring(6) : f.token);
        if (s != null) {
            d = state.deployments.get(s.deploymentId);
        }
        f.downloadSignatures.put(sig, System.currentTimeMillis() + (d != null ? d.downloadUrlMillis : 600_000));
        return httpBase + "/downloads/" + f.id + "?sig=" + sig;
    }

    private String signature() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    void reset() {
        files.clear();
    }

    /** How many files are stored and in which state, for the console and tests. */
    ObjectNode summary(String token) {
        ObjectNode out = NODES.objectNode();
        synchronized (state) {
            files.values().stream().filter(f -> token == null || f.token.equals(token))
                    .forEach(f -> out.putObject(f.id).put("name", f.name).put("status", f.status.name())
                            .put("size", f.size).put("stored", f.bytes != null ? f.bytes.length : -1));
        }
        return out;
    }
}
