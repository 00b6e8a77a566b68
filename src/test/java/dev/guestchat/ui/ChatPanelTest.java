package dev.guestchat.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guestchat.core.ChatEntry;
import dev.guestchat.core.SessionState;
import dev.guestchat.protocol.JacksonJson;
import dev.guestchat.protocol.RichContent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the panel's view model hands the DOM builder: the state as JSON, and rows that keep their identity. */
class ChatPanelTest {
    private final List<String> done = new ArrayList<>();
    private final ChatPanel panel = new ChatPanel(new PanelActions() {
        @Override
        public void open() {
            done.add("open");
        }

        @Override
        public void minimize() {
            done.add("minimize");
        }

        @Override
        public void end() {
            done.add("end");
        }

        @Override
        public void startNew() {
            done.add("startNew");
        }

        @Override
        public void send(String text) {
            done.add("send " + text);
        }

        @Override
        public void choose(String text, String payload, String messageId, String kind) {
            done.add(kind + " " + text + " " + payload + " " + messageId);
        }

        @Override
        public void removeFile() {
            done.add("removeFile");
        }

        @Override
        public void reconnect() {
            done.add("reconnect");
        }
    }, new ChatPanel.Composer() {
        @Override
        public String take() {
            return "typed words";
        }

        @Override
        public void focusSoon(String selector) {
            done.add("focus " + selector);
        }

        @Override
        public void pickFile() {
            done.add("pick");
        }
    }, new Strings("en"), null, true, false);

    private static ChatEntry agent(String key, String text, String... quickReplies) {
        List<RichContent.Button> offers = new ArrayList<>();
        for (String q : quickReplies) {
            offers.add(new RichContent.Button(q, q + "-payload", null));
        }
        RichContent content = new RichContent(offers, new ArrayList<>(), false, new ArrayList<>(), "");
        return new ChatEntry(key, ChatEntry.Sender.AGENT, "Dana", text, null, ChatEntry.Delivery.DELIVERED, content, null);
    }

    private JsonNode view() {
        return JacksonJson.MAPPER.readTree(panel.view());
    }

    @Test
    void quickRepliesAreOfferedOnlyWhileTheirMessageIsTheNewest() {
        ChatEntry offer = agent("m1", "Pick one", "Yes", "No");
        panel.setRows(new ArrayList<>(List.of(offer)));
        JsonNode q = view().path("quick");
        assertEquals("m1", q.path("message").asString());
        assertEquals("Yes", q.path("buttons").get(0).path("text").asString());
        assertEquals("No-payload", q.path("buttons").get(1).path("payload").asString());
        String rowBefore = panel.rows().get(0).json();

        panel.setRows(new ArrayList<>(List.of(offer, agent("m2", "And then"))));
        assertTrue(view().path("quick").isMissingNode(), "an older offer is spent");
        assertEquals(rowBefore, panel.rows().get(0).json(), "the offering row itself does not change");

        panel.chooseReply("Yes", "Yes-payload", "m1");
        assertEquals("QuickReply Yes Yes-payload m1", done.get(0));
    }

    @Test
    void rowsKeepTheirIdentityWhileTheirEntryIsTheSameAndLanguageChangesRedrawThem() {
        ChatEntry first = agent("m1", "Hello **there**");
        panel.setRows(new ArrayList<>(List.of(first)));
        RowView row = panel.rows().get(0);
        JsonNode json = JacksonJson.MAPPER.readTree(row.json());
        assertEquals("gcw-row gcw-agent", json.path("c").asString());
        assertEquals("Dana", json.path("w").asString());
        assertEquals("Hello **there**", json.path("t").asString(), "the text as written, formatted where it is drawn");
        assertTrue(json.path("f").asBoolean(), "an agent's text is formatted");

        ChatEntry second = new ChatEntry("c1", ChatEntry.Sender.CUSTOMER, null, "<b>hi</b>", null,
                ChatEntry.Delivery.SENDING, RichContent.NONE, null);
        panel.setRows(new ArrayList<>(List.of(first, second)));
        assertSame(row, panel.rows().get(0), "an unchanged entry keeps its row (and its drawn element)");
        JsonNode mine = JacksonJson.MAPPER.readTree(panel.rows().get(1).json());
        assertEquals("<b>hi</b>", mine.path("t").asString());
        assertFalse(mine.path("f").asBoolean(), "customer text is shown as typed");
        assertEquals("Sending…", mine.path("d").asString());

        panel.relocalized();
        assertNotSame(row, panel.rows().get(0), "a new language draws every row again");
    }

    @Test
    void aChatStoppedForTheSignInOffersNeitherContinueHereNorEndUntilItRunsAgain() {
        panel.setRows(new ArrayList<>(List.of(agent("m1", "Pick one", "Yes", "No"))));
        panel.setState(SessionState.SUSPENDED);
        assertTrue(view().has("quick"));
        assertTrue(view().path("resume").asBoolean(), "another window took the chat: continue here");
        panel.signInEnded();
        panel.setNotice("You signed out. Sign in again to continue the chat.");
        JsonNode v = view();
        assertFalse(v.path("resume").asBoolean(), "not another window's chat");
        assertFalse(v.path("end").asBoolean(), "nothing to end without a sign-in");
        assertEquals("", v.path("status").asString());
        assertEquals("You signed out. Sign in again to continue the chat.", v.path("notice").asString());
        assertFalse(v.has("quick"), "no quick reply to answer");
        panel.setState(SessionState.CONNECTING);
        panel.setState(SessionState.SUSPENDED);
        assertTrue(view().path("resume").asBoolean(), "a later suspension is another window's again");
    }

    @Test
    void theViewFollowsTheSessionAndTheControls() {
        panel.setState(SessionState.CONNECTING);
        JsonNode v = view();
        assertFalse(v.path("open").asBoolean());
        assertEquals("Connecting…", v.path("status").asString());
        assertTrue(v.path("composer").asBoolean(), "the composer shows while connecting");
        assertTrue(v.path("hint").asBoolean(), "an empty transcript shows the hint");

        panel.setOpen(true);
        panel.pressed("askEnd");
        assertTrue(view().path("confirm").asBoolean(), "End chat asks first");
        panel.pressed("confirm");
        assertEquals(List.of("focus .gcw-confirm-end", "end", "focus .gcw-log"), done);
        panel.setState(SessionState.ENDED);
        v = view();
        assertFalse(v.path("confirm").asBoolean());
        assertFalse(v.path("composer").asBoolean());
        assertFalse(v.path("end").asBoolean());
        assertEquals("This chat has ended.", v.path("ended").asString());

        panel.setNotice("It went wrong");
        assertEquals("It went wrong", view().path("notice").asString());
        panel.pressed("dismiss");
        assertTrue(view().path("notice").isMissingNode());
        panel.pressed("send");
        assertEquals("send typed words", done.get(done.size() - 1));
    }
}
