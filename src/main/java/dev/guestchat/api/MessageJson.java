package dev.guestchat.api;

import dev.guestchat.core.ChatEntry;
import dev.guestchat.protocol.JsonText;
import dev.guestchat.protocol.RichContent;
import java.util.List;

/**
 * A transcript row as the plain object a page's own UI draws (documented as {@code SessionMessage} in
 * {@code web/headless.d.ts}): who, the text as written, status, files, quick replies and cards — data only; nothing
 * in it is markup. The formatted blocks are added in the page ({@link Payloads#message}). Quick replies and Postback
 * buttons carry what {@code reply()} needs.
 */
final class MessageJson {
    private MessageJson() {
    }

    static String of(ChatEntry e, boolean restored) {
        return write(new JsonText(), e, restored).toString();
    }

    /** Every row, oldest first, as a JSON array. */
    static String all(List<ChatEntry> rows) {
        JsonText j = new JsonText().begin().openArray("m");
        for (ChatEntry e : rows) {
            j.element();
            fields(j, e, true);
            j.end();
        }
        return j.closeArray().end().toString();
    }

    private static JsonText write(JsonText j, ChatEntry e, boolean restored) {
        return fields(j.begin(), e, restored).end();
    }

    private static JsonText fields(JsonText j, ChatEntry e, boolean restored) {
        ChatEntry.Sender from = e.sender();
        RichContent content = e.content();
        j.field("id", e.key()).field("localId", e.localId()).field("sender", from.wire).field("name", e.name())
                .field("text", e.text()).field("time", e.time())
                .field("status", e.delivery() == ChatEntry.Delivery.SENDING ? "sending"
                        : e.delivery() == ChatEntry.Delivery.FAILED ? "failed" : "sent")
                .field("restored", restored).openArray("files");
        for (RichContent.Attachment a : content.attachments()) {
            j.element().field("id", a.id()).field("name", a.filename()).field("url", a.url()).field("image", a.image()).end();
        }
        j.closeArray().openArray("quickReplies");
        for (RichContent.Button b : content.quickReplies()) {
            button(j, b, e.key(), "QuickReply");
        }
        j.closeArray().openArray("cards");
        for (RichContent.Card c : content.cards()) {
            j.element().field("title", c.title()).field("text", c.description()).field("image", c.image())
                    .field("url", c.url()).openArray("buttons");
            for (RichContent.Button b : c.actions()) {
                button(j, b, e.key(), "Button");
            }
            j.closeArray().end();
        }
        return j.closeArray().field("carousel", content.carousel());
    }

    /** A button as the page draws it and hands back to {@code reply()}: a Link button has a url and no kind. */
    private static void button(JsonText j, RichContent.Button b, String messageId, String kind) {
        j.element().field("text", b.text()).field("payload", b.payload()).field("url", b.url())
                .field("messageId", messageId).field("kind", b.url() == null ? kind : null).end();
    }
}
