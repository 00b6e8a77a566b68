package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Download addresses expire after ~10 minutes (§3.7): the ones shown are renewed in time, or when an image fails. */
class AttachmentLinksTest extends SessionHarness {
    static String agentFile(String id, String url) {
        return "{\"type\":\"message\",\"class\":\"StructuredMessage\",\"code\":200,\"body\":{\"id\":\"m-" + id + "\","
                + "\"type\":\"Text\",\"direction\":\"Outbound\",\"channel\":{\"time\":\"2026-01-05T10:44:10.250Z\","
                + "\"from\":{\"nickname\":\"Dana\"}},\"content\":[{\"contentType\":\"Attachment\",\"attachment\":{\"id\":\""
                + id + "\",\"mediaType\":\"Image\",\"filename\":\"steps.png\",\"url\":\"" + url + "\"}}]}}";
    }

    private static JsonNode lastAsk(Fakes.Socket s) {
        return s.frames().stream().filter(f -> "getAttachment".equals(f.path("action").asString()))
                .reduce((a, b) -> b).orElseThrow();
    }

    /** Lets time pass on a healthy connection: every heartbeat is answered, as the service does. */
    private void live(Fakes.Socket s, long millis) {
        int answered = 0;
        for (long t = 0; t < millis; t += 1_000) {
            clock.advance(Math.min(1_000, millis - t));
            List<JsonNode> echoes = s.frames().stream().filter(f -> "echo".equals(f.path("action").asString())).toList();
            for (; answered < echoes.size(); answered++) {
                s.receive("{\"type\":\"response\",\"class\":\"StructuredMessage\",\"code\":200,\"tracingId\":\""
                        + echoes.get(answered).path("tracingId").asString()
                        + "\",\"body\":{\"type\":\"Text\",\"text\":\"ping\",\"direction\":\"Inbound\"}}");
            }
        }
    }

    private static long asks(Fakes.Socket s) {
        return s.frames().stream().filter(f -> "getAttachment".equals(f.path("action").asString())).count();
    }

    @Test
    void anAgentsFileIsRenewedBeforeItsAddressExpires() {
        Fakes.Socket s = connected(true);
        s.receive(agentFile("a1", "https://down.example/old"));
        assertEquals("https://down.example/old", seen.rows.get(0).content().attachments().get(0).url());
        live(s, AttachmentLinks.RENEW_AFTER_MILLIS - 1);
        assertEquals(0, asks(s));
        live(s, 1);
        JsonNode ask = FileUploadTest.valid(lastAsk(s)); // among heartbeats
        assertEquals("getAttachment", ask.path("action").asString());
        assertEquals("a1", ask.path("attachmentId").asString());
        s.receive(FileUploadTest.presigned(ask.path("tracingId").asString(), "a1", false)
                .replace("https://up.example/a1?sig=1", "https://down.example/new"));
        assertEquals("https://down.example/new", seen.rows.get(0).content().attachments().get(0).url());
        live(s, AttachmentLinks.RENEW_AFTER_MILLIS);
        assertEquals(2, asks(s), "and again nine minutes later");
    }

    @Test
    void anImageThatFailsToLoadAsksAtOnceButNotOverAndOver() {
        Fakes.Socket s = connected(true);
        s.receive(agentFile("a2", "https://down.example/expired"));
        session.fileFailedToLoad("a2");
        assertEquals(1, asks(s));
        session.fileFailedToLoad("a2"); // still on its way
        s.receive(error(4009, "Attachment not found", lastAsk(s).path("tracingId").asString()));
        session.fileFailedToLoad("a2");
        assertEquals(1, asks(s), "a file that is really gone is not asked about on every error");
        live(s, AttachmentLinks.RETRY_MILLIS);
        session.fileFailedToLoad("a2");
        assertEquals(2, asks(s));
        session.fileFailedToLoad("unknown");
        assertEquals(2, asks(s), "only files in the transcript");
    }

    @Test
    void filesRestoredFromHistoryAreRenewedAtOnceAndNothingAfterTheTranscriptIsGone() {
        Fakes.Socket s = connected(false); // a known session: history is fetched
        JsonNode jwt = s.last();
        s.receive(jwtResponse(jwt.path("tracingId").asString()));
        String body = agentFile("h1", "https://down.example/h");
        body = body.substring(body.indexOf("\"body\":") + 7, body.length() - 1);
        history.requests.get(0).callback().onPage("{\"entities\":[" + body
                + "],\"pageSize\":25,\"pageNumber\":1,\"total\":1,\"pageCount\":1}");
        clock.advance(0);
        assertEquals(1, asks(s), "of unknown age: renewed at once");
        session.startNew();
        clock.advance(AttachmentLinks.RENEW_AFTER_MILLIS * 2);
        assertEquals(1, asks(s));
    }
}
