package dev.guestchat.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Files through the simulator over real sockets and HTTP (PROTOCOL.md §3.6–3.8, §4.7–4.10, §7). The first test
 * sends the frames exactly as the official Genesys Java SDK writes them ({@code WebMessagingClient.attachment},
 * {@code sendMessage(text, attachmentIds…)}, {@code getAttachment}, {@code deleteAttachment}: Jackson with
 * NON_EMPTY, no {@code attachmentId} or {@code fileMd5} on the upload request, an attachment named by id only)
 * and PUTs as its {@code uploadFile} does — they must work unchanged.
 */
class SimulatorAttachmentsTest extends SimulatorHarness {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final byte[] BYTES = "not really a png, but 48 bytes of it will do....".getBytes();

    static HttpResponse<byte[]> put(JsonNode presigned, byte[] body, boolean withHeaders) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(presigned.path("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "image/png");
        if (withHeaders) {
            presigned.path("headers").properties().forEach(e -> b.header(e.getKey(), e.getValue().asString()));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@code WebMessagingClient.attachment(fileName, fileSize, fileType, tracingId)} as the SDK serialises it. */
    static String sdkAttachment(String token, String name, int size, String type) {
        return "{\"token\":\"" + token + "\",\"action\":\"onAttachment\",\"fileName\":\"" + name + "\",\"fileSize\":" + size
                + ",\"fileType\":\"" + type + "\",\"tracingId\":\"" + UUID.randomUUID() + "\"}";
    }

    /** {@code WebMessagingClient.sendMessage(text, null, tracingId, attachmentId)}. */
    static String sdkSendMessage(String token, String text, String attachmentId) {
        return "{\"token\":\"" + token + "\",\"action\":\"onMessage\",\"message\":{\"type\":\"Text\",\"text\":\"" + text
                + "\",\"content\":[{\"contentType\":\"Attachment\",\"attachment\":{\"id\":\"" + attachmentId + "\"}}]},"
                + "\"tracingId\":\"" + UUID.randomUUID() + "\"}";
    }

    static String sdkAttachmentAction(String action, String token, String attachmentId) {
        return "{\"token\":\"" + token + "\",\"action\":\"" + action + "\",\"attachmentId\":\"" + attachmentId
                + "\",\"tracingId\":\"" + UUID.randomUUID() + "\"}";
    }

    /** Asks for an upload of {@link #BYTES} as the official SDK does; answers the presigned body. */
    static JsonNode presigned(GuestClient c, String token) throws Exception {
        c.sendRaw(sdkAttachment(token, "label.png", BYTES.length, "image/png"));
        return c.next("PresignedUrlResponse").path("body");
    }

    /** Upload request → PUT → verdict; answers the presigned body. */
    static JsonNode uploaded(GuestClient c, String token) throws Exception {
        JsonNode presigned = presigned(c, token);
        assertEquals(200, put(presigned, BYTES, true).statusCode());
        return presigned;
    }

    @Test
    void theOfficialSdksAttachmentCallsWorkUnchanged() throws Exception {
        String dep = deployment("{\"routingDelayMillis\":60000}");
        String token = GuestClient.newToken();
        try (GuestClient c = client(dep, token)) {
            c.ready();
            c.sendRaw(sdkAttachment(token, "label.png", BYTES.length, "image/png"));
            JsonNode answer = c.next("PresignedUrlResponse");
            assertEquals("response", answer.path("type").asString());
            JsonNode presigned = answer.path("body");
            String id = presigned.path("attachmentId").asString();
            assertTrue(!id.isEmpty(), "the service chose the id");
            assertTrue(presigned.path("headers").path("x-amz-tagging").isString());
            assertEquals(403, put(presigned, BYTES, false).statusCode(), "the returned headers must go with the PUT");
            assertEquals(200, put(presigned, BYTES, true).statusCode());
            JsonNode ok = c.next("UploadSuccessEvent");
            assertEquals("message", ok.path("type").asString());
            assertEquals(id, ok.path("body").path("attachmentId").asString());
            assertTrue(ok.path("body").path("timestamp").isString());
            assertArrayEquals(BYTES, get(ok.path("body").path("downloadUrl").asString()).body());

            c.sendRaw(sdkSendMessage(token, "Photo of the label", id));
            JsonNode echo = c.next("StructuredMessage").path("body");
            JsonNode attachment = echo.path("content").path(0).path("attachment");
            assertEquals(id, attachment.path("id").asString());
            assertEquals("Image", attachment.path("mediaType").asString());
            assertEquals("label.png", attachment.path("filename").asString());
            assertEquals(BYTES.length, attachment.path("fileSize").asInt());
            assertArrayEquals(BYTES, get(attachment.path("url").asString()).body());
            assertTrue(conversation(dep).path("transcript").toString().contains("label.png"),
                    "the agent sees the file");

            c.sendRaw(sdkAttachmentAction("getAttachment", token, id));
            JsonNode fresh = c.next("PresignedUrlResponse").path("body");
            assertEquals(0, fresh.path("headers").size(), "a download address has no headers (§3.7)");
            assertEquals(BYTES.length, fresh.path("fileSize").asInt());
            assertArrayEquals(BYTES, get(fresh.path("url").asString()).body());

            c.sendRaw(sdkAttachmentAction("deleteAttachment", token, id));
            assertEquals(400, c.next("string").path("code").asInt(), "a sent file cannot be deleted");
        }
    }

    @Test
    void typeSizeAndNameAreChecked() {
        String dep = deployment("{\"maxFileSizeKB\":1,\"fileTypes\":[\"image/*\"]}");
        String token = GuestClient.newToken();
        try (GuestClient c = client(dep, token)) {
            c.ready();
            Map<String, Integer> refusals = Map.of(
                    sdkAttachment(token, "notes.txt", 10, "text/plain"), 4001,
                    sdkAttachment(token, "virus.exe", 10, "image/png"), 4001,
                    sdkAttachment(token, "big.png", 1025, "image/png"), 4002,
                    sdkAttachment(token, "empty.png", 0, "image/png"), 4002,
                    sdkAttachment(token, "a/b.png", 10, "image/png"), 4004,
                    sdkAttachment(token, "x".repeat(300) + ".png", 10, "image/png"), 4005);
            for (Map.Entry<String, Integer> e : refusals.entrySet()) {
                c.sendRaw(e.getKey());
                JsonNode error = c.next("GenerateUrlError");
                assertEquals(e.getValue().intValue(), error.path("body").path("errorCode").asInt(), e.getKey());
            }
            c.sendRaw(sdkAttachment(token, "ok.jpeg", 1024, "image/jpeg"));
            c.next("PresignedUrlResponse");
        }
    }

    @Test
    void aFailedCheckAnEarlySendAnUnknownIdAndADeletedFile() throws Exception {
        String dep = deployment("{\"uploadsFail\":true,\"uploadCheckMillis\":300}");
        String token = GuestClient.newToken();
        try (GuestClient c = client(dep, token)) {
            c.ready();
            JsonNode first = uploaded(c, token);
            c.sendRaw(sdkSendMessage(token, "too soon", first.path("attachmentId").asString()));
            assertEquals(4010, c.next("string").path("code").asInt(), "not before the check passed");
            JsonNode failed = c.next("UploadFailureEvent").path("body");
            assertEquals(4003, failed.path("errorCode").asInt());
            c.sendRaw(sdkSendMessage(token, "unknown", "no-such-id"));
            assertEquals(4009, c.next("string").path("code").asInt());

            sim.deployment(dep).set("{\"uploadsFail\":false}");
            JsonNode presigned = presigned(c, token);
            String id = presigned.path("attachmentId").asString();
            c.sendRaw(sdkAttachmentAction("deleteAttachment", token, id));
            assertEquals(id, c.next("AttachmentDeletedResponse").path("body").path("attachmentId").asString());
            assertEquals(403, put(presigned, BYTES, true).statusCode(), "a deleted file takes no PUT");
            String again = uploaded(c, token).path("attachmentId").asString();
            assertEquals(again, c.next("UploadSuccessEvent").path("body").path("attachmentId").asString(),
                    "with the switch off, the next upload passes");
        }
    }

    @Test
    void theBodyMustBeTheAnnouncedSize() throws Exception {
        String dep = deployment("{}");
        String token = GuestClient.newToken();
        try (GuestClient c = client(dep, token)) {
            c.ready();
            JsonNode presigned = presigned(c, token);
            assertEquals(400, put(presigned, new byte[3], true).statusCode());
        }
    }

    @Test
    void downloadAddressesExpireAndGetAttachmentRenewsThem() throws Exception {
        String dep = deployment("{\"downloadUrlMillis\":300}");
        String token = GuestClient.newToken();
        try (GuestClient c = client(dep, token)) {
            c.ready();
            String id = uploaded(c, token).path("attachmentId").asString();
            String url = c.next("UploadSuccessEvent").path("body").path("downloadUrl").asString();
            assertEquals(200, get(url).statusCode());
            Thread.sleep(500);
            assertEquals(404, get(url).statusCode(), "expired, as S3 answers");
            c.sendRaw(sdkAttachmentAction("getAttachment", token, id));
            assertEquals(200, get(c.next("PresignedUrlResponse").path("body").path("url").asString()).statusCode());
            c.sendRaw(sdkAttachmentAction("getAttachment", GuestClient.newToken(), id));
            assertEquals(4007, c.next("string").path("code").asInt(), "only on the session's own token");
        }
    }

    @Test
    void agentsSendFilesCardsAndCarouselsThroughTheControlApi() throws Exception {
        String dep = deployment("{\"routingDelayMillis\":0}");
        String token = GuestClient.newToken();
        try (GuestClient c = client(dep, token)) {
            c.ready();
            c.text("hello");
            c.next("StructuredMessage");
            String conv = conversation(dep).path("id").asString();
            assertEquals(200, http("POST", "/sim/conversations/" + conv + "/messages",
                    "{\"text\":\"Here are the steps\",\"file\":{\"name\":\"steps.png\"}}", null).statusCode());
            JsonNode picture = c.next("StructuredMessage").path("body");
            assertEquals("Outbound", picture.path("direction").asString());
            JsonNode a = picture.path("content").path(0).path("attachment");
            assertEquals("Image", a.path("mediaType").asString());
            assertEquals("steps.png", a.path("filename").asString());
            byte[] png = get(a.path("url").asString()).body();
            assertEquals((byte) 0x89, png[0]);
            assertEquals('P', png[1], "a real PNG");
            c.sendRaw(sdkAttachmentAction("getAttachment", token, a.path("id").asString()));
            assertEquals(200, get(c.next("PresignedUrlResponse").path("body").path("url").asString()).statusCode(),
                    "the guest may renew an agent's file too");

            assertEquals(200, http("POST", "/sim/conversations/" + conv + "/messages", "{\"text\":\"Pick one\",\"bot\":true,"
                    + "\"content\":[{\"contentType\":\"Carousel\",\"carousel\":{\"cards\":[{\"title\":\"A\",\"actions\":[{\"type\":"
                    + "\"Postback\",\"text\":\"Choose A\",\"payload\":\"A\"}]},{\"title\":\"B\"}]}}]}", null).statusCode());
            JsonNode carousel = c.next("StructuredMessage").path("body");
            assertEquals("Structured", carousel.path("type").asString());
            assertEquals("Bot", carousel.path("originatingEntity").asString());
            assertEquals(2, carousel.path("content").path(0).path("carousel").path("cards").size());
        }
    }
}
