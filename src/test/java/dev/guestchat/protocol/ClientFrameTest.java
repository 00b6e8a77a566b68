package dev.guestchat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guestchat.simulator.FrameValidator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Every frame the widget sends is valid against the official Guest API schema and says what it means. */
class ClientFrameTest {
    static final FrameValidator SCHEMA = FrameValidator.load(JacksonJson.MAPPER);

    static JsonNode valid(ClientFrame frame) {
        JsonNode json = JacksonJson.MAPPER.readTree(frame.toJson());
        String action = json.path("action").asString();
        List<String> problems = SCHEMA.problems(action, json);
        assertTrue(problems.isEmpty(), frame + " → " + problems);
        assertEquals(frame.token(), json.path("token").asString());
        assertEquals(frame.tracingId(), json.path("tracingId").asString());
        return json;
    }

    @Test
    void configureSession() {
        JsonNode j = valid(new ClientFrame.ConfigureSession("tok", "t1", "dep", true));
        assertEquals("configureSession", j.path("action").asString());
        assertEquals("dep", j.path("deploymentId").asString());
        assertTrue(j.path("startNew").asBoolean());
    }

    @Test
    void configureAuthenticatedSessionCarriesTheJwtAsDataCode() {
        JsonNode j = valid(new ClientFrame.ConfigureAuthenticatedSession("tok", "t1", "dep", false, "a.b.c"));
        assertEquals("configureAuthenticatedSession", j.path("action").asString());
        assertEquals("dep", j.path("deploymentId").asString());
        assertEquals("a.b.c", j.path("data").path("code").asString());
        assertFalse(j.path("startNew").asBoolean());
    }

    @Test
    void textWithAndWithoutCustomAttributes() {
        JsonNode plain = valid(new ClientFrame.SendText("tok", "t2", "Hi", null));
        assertEquals("Text", plain.path("message").path("type").asString());
        assertEquals("Hi", plain.path("message").path("text").asString());
        assertFalse(plain.path("message").has("channel"));
        StringPairs attrs = StringPairs.of("orderId", "A-1042");
        JsonNode with = valid(new ClientFrame.SendText("tok", "t3", "Hi", attrs));
        assertEquals("A-1042", with.path("message").path("channel").path("metadata").path("customAttributes")
                .path("orderId").asString());
    }

    @Test
    void aQuickReplyAnswerIsAStructuredButtonResponse() {
        JsonNode j = valid(new ClientFrame.SendText("tok", "t5", "Track my order", StringPairs.of("orderId", "A-1"),
                new ClientFrame.ButtonReply("QuickReply", "TRACK", "4e0b9d2c"), null));
        JsonNode m = j.path("message");
        assertEquals("Structured", m.path("type").asString());
        assertEquals("Track my order", m.path("text").asString());
        JsonNode br = m.path("content").path(0);
        assertEquals("ButtonResponse", br.path("contentType").asString());
        assertEquals("QuickReply", br.path("buttonResponse").path("type").asString());
        assertEquals("Track my order", br.path("buttonResponse").path("text").asString());
        assertEquals("TRACK", br.path("buttonResponse").path("payload").asString());
        assertEquals("4e0b9d2c", br.path("buttonResponse").path("originatingMessageId").asString());
        assertEquals("A-1", m.path("channel").path("metadata").path("customAttributes").path("orderId").asString());
        JsonNode noOrigin = valid(new ClientFrame.SendText("tok", "t6", "Yes", null,
                new ClientFrame.ButtonReply("QuickReply", "YES", null), null));
        assertFalse(noOrigin.path("message").path("content").path(0).path("buttonResponse").has("originatingMessageId"));
    }

    @Test
    void presenceClearAndJoin() {
        JsonNode clear = valid(new ClientFrame.SendPresence("tok", "t4", ClientFrame.PresenceType.CLEAR, null));
        assertEquals("Event", clear.path("message").path("type").asString());
        assertEquals("Presence", clear.path("message").path("events").path(0).path("eventType").asString());
        assertEquals("Clear", clear.path("message").path("events").path(0).path("presence").path("type").asString());
        JsonNode join = valid(new ClientFrame.SendPresence("tok", "t5", ClientFrame.PresenceType.JOIN, StringPairs.of("page", "/x")));
        assertEquals("Join", join.path("message").path("events").path(0).path("presence").path("type").asString());
    }

    @Test
    void typingEchoAndGetJwt() {
        assertEquals("On", valid(new ClientFrame.SendTyping("tok", "t6")).path("message").path("events").path(0)
                .path("typing").path("type").asString());
        JsonNode echo = valid(new ClientFrame.Echo("tok", "t7"));
        assertEquals("echo", echo.path("action").asString());
        assertEquals("ping", echo.path("message").path("text").asString());
        assertEquals("getJwt", valid(new ClientFrame.GetJwt("tok", "t8")).path("action").asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"quote \" and backslash \\", "line\nbreak\ttab\r", "control \u0001\u001f",
            "unicode ✓ 日本 😀", "separators \u2028\u2029", "</script><img src=x>", ""})
    void textSurvivesEscapingExactly(String text) {
        JsonNode j = valid(new ClientFrame.SendText("tok", "t", text, null));
        assertEquals(text, j.path("message").path("text").asString());
    }

    @Test
    void attachmentFramesAsTheServiceAndTheOfficialSdkSendThem() {
        JsonNode ask = valid(new ClientFrame.RequestUpload("tok", "u1", "att-1", "label.png", "image/png", 48_213));
        assertEquals("onAttachment", ask.path("action").asString());
        assertEquals("att-1", ask.path("attachmentId").asString());
        assertEquals(48_213, ask.path("fileSize").asInt());
        assertTrue(ask.path("fileSize").isIntegralNumber());
        JsonNode get = valid(new ClientFrame.AttachmentAction("getAttachment", "tok", "d1", "att-1"));
        assertEquals("att-1", get.path("attachmentId").asString());
        JsonNode delete = valid(new ClientFrame.AttachmentAction("deleteAttachment", "tok", "x1", "att-1"));
        assertEquals("deleteAttachment", delete.path("action").asString());
        JsonNode message = valid(new ClientFrame.SendText("tok", "t9", "", null, null, "att-1"));
        assertEquals("Text", message.path("message").path("type").asString());
        JsonNode content = message.path("message").path("content");
        assertEquals(1, content.size(), "one attachment per message (§3.3.2)");
        assertEquals("Attachment", content.path(0).path("contentType").asString());
        assertEquals("att-1", content.path(0).path("attachment").path("id").asString());
    }
}
