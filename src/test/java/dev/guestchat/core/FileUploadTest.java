package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guestchat.protocol.JacksonJson;
import dev.guestchat.simulator.FrameValidator;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer's file on its way (PROTOCOL.md §7) on the fake clock, socket and uploader: every step, every
 * refusal, cancel, and a socket that drops at each step. Every frame the widget sends is checked against the
 * service's schema.
 */
class FileUploadTest extends SessionHarness {
    static final FrameValidator SCHEMA = FrameValidator.load(JsonMapper.builder().build());
    static final Fakes.File LABEL = new Fakes.File("label.png", "image/png", 48_213);

    static String sessionWithMedia(String types, int maxKb) {
        return "{\"type\":\"response\",\"class\":\"SessionResponse\",\"code\":200,\"body\":{\"connected\":true,"
                + "\"newSession\":true,\"readOnly\":false,\"allowedMedia\":{\"inbound\":{\"fileTypes\":[" + types
                + "],\"maxFileSizeKB\":" + maxKb + "}},\"blockedExtensions\":[\".exe\"]}}";
    }

    static String presigned(String tracingId, String attachmentId, boolean upload) {
        return "{\"type\":\"response\",\"class\":\"PresignedUrlResponse\",\"code\":200,\"tracingId\":\"" + tracingId
                + "\",\"body\":{\"attachmentId\":\"" + attachmentId + "\",\"url\":\"https://up.example/" + attachmentId
                + "?sig=1\",\"headers\":" + (upload ? "{\"x-amz-tagging\":\"a=b\"}" : "{}")
                + ",\"fileName\":\"label.png\",\"fileSize\":48213,\"fileType\":\"image/png\"}}";
    }

    static String verdict(String attachmentId, boolean ok) {
        return "{\"type\":\"message\",\"class\":\"" + (ok ? "UploadSuccessEvent" : "UploadFailureEvent")
                + "\",\"code\":200,\"body\":{\"attachmentId\":\"" + attachmentId + "\"," + (ok
                ? "\"downloadUrl\":\"https://down.example/x\"" : "\"errorCode\":4003,\"errorMessage\":\"File content is not valid\"")
                + ",\"timestamp\":\"2026-01-05T10:45:03.221Z\"}}";
    }

    /** Connected with image/png and application/pdf up to 100 KB allowed. */
    Fakes.Socket ready() {
        session.ensureConnected();
        Fakes.Socket s = sockets.last();
        s.opened();
        s.receive(sessionWithMedia("{\"type\":\"image/png\"},{\"type\":\"application/pdf\"}", 100));
        return s;
    }

    static JsonNode valid(JsonNode frame) {
        List<String> problems = SCHEMA.problems(frame.path("action").asString(), frame);
        assertTrue(problems.isEmpty(), frame + " " + problems);
        return frame;
    }

    /** Attaches LABEL and answers the upload address; returns the onAttachment frame. */
    JsonNode uploading(Fakes.Socket s) {
        assertTrue(session.attach(LABEL));
        JsonNode ask = valid(s.last());
        assertEquals("onAttachment", ask.path("action").asString());
        s.receive(presigned(ask.path("tracingId").asString(), ask.path("attachmentId").asString(), true));
        return ask;
    }

    @Test
    void aFileGoesAskPutCheckThenWithTheNextMessage() {
        Fakes.Socket s = ready();
        assertEquals(Boolean.TRUE, seen.uploadsAllowed);
        JsonNode ask = uploading(s);
        assertEquals("label.png", ask.path("fileName").asString());
        assertEquals("image/png", ask.path("fileType").asString());
        assertEquals(48_213, ask.path("fileSize").asInt());
        String id = ask.path("attachmentId").asString();
        Fakes.Put put = uploader.last();
        assertEquals("https://up.example/" + id + "?sig=1", put.url);
        assertEquals("a=b", put.headers.get("x-amz-tagging"), "the service's headers go with the PUT verbatim");
        put.progress.onProgress(0.5);
        assertEquals(50, seen.lastUpload().percent());
        assertFalse(seen.lastUpload().ready());
        assertFalse(session.send("here it is"), "not before the service checked it");
        assertEquals("upload-busy", seen.lastErrorReason());
        put.progress.onDone(200);
        assertEquals(100, seen.lastUpload().percent());
        assertFalse(seen.lastUpload().ready(), "stored is not checked");
        s.receive(verdict(id, true));
        assertTrue(seen.lastUpload().ready());
        assertTrue(session.send(""), "a file may go without words");
        JsonNode message = valid(s.last());
        assertEquals("Attachment", message.path("message").path("content").path(0).path("contentType").asString());
        assertEquals(id, message.path("message").path("content").path(0).path("attachment").path("id").asString());
        assertNull(seen.lastUpload(), "the file left with the message");
        assertEquals("label.png", seen.rows.get(0).content().attachments().get(0).filename());
        // the service's copy brings the download address
        s.receive("{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"tracingId\":\""
                + message.path("tracingId").asString() + "\",\"body\":{\"id\":\"m1\",\"type\":\"Text\",\"direction\":"
                + "\"Inbound\",\"text\":\"\",\"channel\":{\"time\":\"2026-01-05T10:45:04.000Z\"},\"content\":[{\"contentType\":"
                + "\"Attachment\",\"attachment\":{\"id\":\"" + id + "\",\"mediaType\":\"Image\",\"filename\":\"label.png\","
                + "\"url\":\"https://down.example/x\"}}]}}");
        assertEquals("https://down.example/x", seen.rows.get(0).content().attachments().get(0).url());
        assertEquals(ChatEntry.Delivery.DELIVERED, seen.rows.get(0).delivery());
    }

    @Test
    void typeAndSizeAreCheckedBeforeAnythingLeaves() {
        Fakes.Socket s = ready();
        int before = s.frames().size();
        assertFalse(session.attach(new Fakes.File("run.exe", "application/x-msdownload", 10)));
        assertEquals("upload-refused", seen.lastErrorReason());
        assertEquals(4001, seen.errors.get(seen.errors.size() - 1).code());
        assertFalse(session.attach(new Fakes.File("big.png", "image/png", 100 * 1024 + 1)));
        assertEquals(4002, seen.errors.get(seen.errors.size() - 1).code(), "too large: the size message");
        assertFalse(session.attach(new Fakes.File("empty.pdf", "application/pdf", 0)));
        assertEquals(before, s.frames().size(), "nothing was asked");
        assertTrue(uploader.puts.isEmpty());
        assertTrue(session.attach(new Fakes.File("manual.PDF", "application/pdf", 100 * 1024)), "the limit itself is fine");
    }

    @Test
    void aDeploymentWithoutUploadsShowsNoAttachButtonAndRefuses() {
        session.ensureConnected();
        Fakes.Socket s = sockets.last();
        s.opened();
        s.receive("{\"type\":\"response\",\"class\":\"SessionResponse\",\"code\":200,\"body\":{\"connected\":true,"
                + "\"newSession\":true,\"readOnly\":false,\"allowedMedia\":{}}}");
        assertEquals(Boolean.FALSE, seen.uploadsAllowed);
        assertFalse(session.attach(LABEL));
        assertEquals("upload-refused", seen.lastErrorReason());
    }

    @Test
    void theServiceCanStillRefuseAndTheCheckCanFail() {
        Fakes.Socket s = ready();
        assertTrue(session.attach(LABEL));
        JsonNode ask = s.last();
        s.receive("{\"type\":\"response\",\"class\":\"GenerateUrlError\",\"code\":4002,\"tracingId\":\""
                + ask.path("tracingId").asString() + "\",\"body\":{\"attachmentId\":\"" + ask.path("attachmentId").asString()
                + "\",\"errorCode\":4002,\"errorMessage\":\"File size invalid\"}}");
        assertEquals(4002, seen.errors.get(seen.errors.size() - 1).code());
        assertNull(seen.lastUpload());
        assertTrue(uploader.puts.isEmpty());

        JsonNode second = uploading(s);
        uploader.last().progress.onDone(200);
        s.receive(verdict(second.path("attachmentId").asString(), false));
        assertEquals("upload-failed", seen.lastErrorReason());
        assertEquals(4003, seen.errors.get(seen.errors.size() - 1).code());
        assertNull(seen.lastUpload());
        assertFalse(session.send(""), "nothing to send: the file is gone and there are no words");

        uploading(s);
        uploader.last().progress.onDone(403); // the store refused the PUT
        assertEquals("upload-failed", seen.lastErrorReason());
        assertNull(seen.lastUpload());
    }

    @Test
    void removingAFileStopsThePutAndDeletesWhatTheServiceHolds() {
        Fakes.Socket s = ready();
        JsonNode ask = uploading(s);
        Fakes.Put put = uploader.last();
        session.removeFile();
        assertTrue(put.cancelled);
        JsonNode delete = valid(s.last());
        assertEquals("deleteAttachment", delete.path("action").asString());
        assertEquals(ask.path("attachmentId").asString(), delete.path("attachmentId").asString());
        assertNull(seen.lastUpload());
        put.progress.onDone(200); // a late end of the cancelled PUT changes nothing
        assertNull(seen.lastUpload());

        JsonNode again = uploading(s);
        uploader.last().progress.onDone(200);
        s.receive(verdict(again.path("attachmentId").asString(), true));
        session.removeFile(); // ready, not sent: the service deletes it
        assertEquals("deleteAttachment", s.last().path("action").asString());
        assertTrue(session.send("just text"));
        assertTrue(s.last().path("message").path("content").isMissingNode(), "no file went with it");
    }

    @Test
    void aSocketDropWhileAskingAsksAgainOnTheNextConnection() {
        Fakes.Socket s = ready();
        assertTrue(session.attach(LABEL));
        String id = s.last().path("attachmentId").asString();
        s.drop(1006);
        clock.advance(10_000);
        Fakes.Socket next = sockets.last();
        next.opened();
        next.receive(sessionWithMedia("{\"type\":\"image/png\"}", 100));
        JsonNode ask = next.frames().stream().filter(f -> "onAttachment".equals(f.path("action").asString()))
                .findFirst().orElseThrow();
        assertEquals(id, ask.path("attachmentId").asString(), "the same file, asked again");
        next.receive(presigned(ask.path("tracingId").asString(), id, true));
        assertEquals(1, uploader.puts.size());
    }

    @Test
    void aVerdictMissedOnADroppedSocketIsAskedForAndRetriedWhileStillChecking() {
        Fakes.Socket s = ready();
        JsonNode ask = uploading(s);
        String id = ask.path("attachmentId").asString();
        s.drop(1006); // the PUT is HTTP: it goes on
        uploader.last().progress.onDone(200);
        clock.advance(10_000);
        Fakes.Socket next = sockets.last();
        next.opened();
        next.receive(sessionWithMedia("{\"type\":\"image/png\"}", 100));
        JsonNode question = valid(next.last());
        assertEquals("getAttachment", question.path("action").asString());
        next.receive(error(4010, "Attachment not successfully uploaded", question.path("tracingId").asString()));
        assertFalse(seen.lastUpload().ready());
        clock.advance(1_000);
        JsonNode again = next.last();
        assertEquals("getAttachment", again.path("action").asString(), "still being checked: asked again");
        next.receive(presigned(again.path("tracingId").asString(), id, false));
        assertTrue(seen.lastUpload().ready(), "an answer means it passed");
        assertTrue(session.send("label"));
        assertEquals(id, next.last().path("message").path("content").path(0).path("attachment").path("id").asString());
    }

    @Test
    void aVerdictThatNeverComesIsToldAfterFiveQuestions() {
        Fakes.Socket s = ready();
        uploading(s);
        s.drop(1006);
        uploader.last().progress.onDone(200);
        clock.advance(10_000);
        Fakes.Socket next = sockets.last();
        next.opened();
        next.receive(sessionWithMedia("{\"type\":\"image/png\"}", 100));
        for (int i = 0; i < FileUpload.VERDICT_TRIES; i++) {
            next.receive(error(4010, "Attachment not successfully uploaded", next.last().path("tracingId").asString()));
            clock.advance(1_000);
        }
        assertEquals("upload-failed", seen.lastErrorReason(), "the customer is told");
        assertNull(seen.lastUpload());
    }

    @Test
    void aDeleteTheServiceRefusesIsNoNewsAndAnEndedSessionTakesTheFileWithIt() {
        Fakes.Socket s = ready();
        uploading(s);
        uploader.last().progress.onDone(200);
        session.removeFile();
        int errors = seen.errors.size();
        s.receive(error(4009, "Attachment not found", s.last().path("tracingId").asString()));
        assertEquals(errors, seen.errors.size(), "the file was gone already: nothing to tell the customer");

        JsonNode ask = uploading(s);
        Fakes.Put put = uploader.last();
        s.receive(event("SessionClearedEvent"));
        assertTrue(put.cancelled, "the session ended: the upload stops");
        assertNull(seen.lastUpload());
        assertTrue(s.frames().stream().noneMatch(f -> "deleteAttachment".equals(f.path("action").asString())
                && ask.path("attachmentId").asString().equals(f.path("attachmentId").asString())),
                "nothing to delete on a session that is gone");
    }
}
