package dev.guestchat.ui;

import dev.guestchat.core.ChatEntry;
import dev.guestchat.protocol.JsonText;
import dev.guestchat.protocol.RichContent;

/**
 * One transcript row as {@link PanelDom} draws it. Nothing from the wire becomes markup: agent and bot text is
 * formatted into blocks of text spans (formatted-text.js, as a page's own UI gets them), the customer's own text is
 * shown as typed.
 */
final class RowView {
    private final ChatEntry entry;
    /** The catalogue, for names and delivery notes. */
    private final Strings strings;
    /** The row as JSON, written on the first draw of this row; null before it. */
    private String json;

    RowView(ChatEntry entry, Strings strings) {
        this.entry = entry;
        this.strings = strings;
    }

    ChatEntry entry() {
        return entry;
    }

    /**
     * The row in the shape {@code PanelDom} draws, which is also how it knows a row it has drawn already:
     * {@code {c: classes, m: message id, w: who (absent for system notes), t: text, f: formatted (agent and bot
     * text), r: files and cards ({@link #richJson}), d: delivery note}}.
     */
    String json() {
        if (json == null) { // the panel asks on every update: write once per row
            ChatEntry.Sender from = entry.sender();
            RichContent content = entry.content();
            // system rows carry a catalogue key (core knows no language); everything else is what people wrote
            String text = from == ChatEntry.Sender.SYSTEM ? strings.get(entry.text()) : entry.text();
            json = new JsonText().begin()
                    .field("c", "gcw-row gcw-" + from.wire + (entry.delivery() == ChatEntry.Delivery.FAILED ? " gcw-failed" : ""))
                    .field("m", entry.key()).field("w", who()).field("t", text)
                    .field("f", from == ChatEntry.Sender.AGENT || from == ChatEntry.Sender.BOT)
                    .field("r", content.attachments().isEmpty() && content.cards().isEmpty() ? null : richJson(entry))
                    .field("d", entry.delivery() == ChatEntry.Delivery.SENDING ? strings.get("sending")
                            : entry.delivery() == ChatEntry.Delivery.FAILED ? strings.get("notSent") : "")
                    .end().toString();
        }
        return json;
    }

    private String who() {
        ChatEntry.Sender from = entry.sender(); // compared, not switched on: an enum switch costs a class
        return from == ChatEntry.Sender.CUSTOMER ? strings.get("you") : from == ChatEntry.Sender.SYSTEM ? null
                : entry.name() != null ? entry.name() : strings.get(from == ChatEntry.Sender.BOT ? "assistant" : "agent");
    }

    /**
     * Files and cards in the short shape {@code RichParts} builds DOM from (text and checked http(s) addresses only):
     * {@code {m: message id, r: carousel, f: [{n: name, u: address, i: id, g: image}], c: [{t: title, d: text,
     * g: picture, u: link, b: [{t: label, p: payload, u: link}]}]}}.
     */
    static String richJson(ChatEntry entry) {
        RichContent content = entry.content();
        JsonText json = new JsonText().begin().field("m", entry.key()).field("r", content.carousel())
                .openArray("f");
        for (RichContent.Attachment a : content.attachments()) {
            json.element().field("n", a.filename()).field("u", a.url()).field("i", a.id())
                    .field("g", a.image() && a.url() != null).end();
        }
        json.closeArray().openArray("c");
        for (RichContent.Card c : content.cards()) {
            json.element().field("t", c.title()).field("d", c.description()).field("g", c.image()).field("u", c.url())
                    .openArray("b");
            for (RichContent.Button b : c.actions()) {
                json.element().field("t", b.text()).field("p", b.payload()).field("u", b.url()).end();
            }
            json.closeArray().end();
        }
        return json.closeArray().end().toString();
    }
}
