package dev.guestchat.ui;

import dev.guestchat.core.ChatEntry;
import dev.guestchat.protocol.JsonText;
import dev.guestchat.protocol.RichContent;
import java.util.ArrayList;
import java.util.List;

/**
 * One transcript row as the template reads it. Nothing from the wire becomes markup: agent and bot text is
 * formatted into blocks of text spans ({@link FormattedText}), the customer's own text is shown as typed.
 */
public final class RowView {
    private final ChatEntry entry;
    /** Quick replies; only on the newest row, since older offers are spent. */
    private final List<Choice> choices;
    /** Its files and cards as JSON for the panel's small DOM builder ({@code RichParts}); null when it has none. */
    private final String rich;

    /** The catalogue, for names and delivery notes. */
    private final Strings strings;
    /** The text as lines of spans, parsed on the first render of this row; null before it. */
    private List<FormattedText.Block> blocks;

    RowView(ChatEntry entry, boolean newest, Strings strings) {
        this.entry = entry;
        this.strings = strings;
        this.choices = new ArrayList<>();
        RichContent content = entry.content();
        if (newest) {
            for (RichContent.Button b : content.quickReplies()) {
                choices.add(new Choice(b, entry.key()));
            }
        }
        this.rich = content.attachments().isEmpty() && content.cards().isEmpty() ? null : richJson(entry);
    }

    public String getCssClass() {
        String base = "gcw-row gcw-" + entry.sender().wire;
        return entry.delivery() == ChatEntry.Delivery.FAILED ? base + " gcw-failed" : base;
    }

    public String getWho() {
        return switch (entry.sender()) {
            case CUSTOMER -> strings.get("you");
            case SYSTEM -> "";
            case BOT -> entry.name() != null ? entry.name() : strings.get("assistant");
            case AGENT -> entry.name() != null ? entry.name() : strings.get("agent");
        };
    }

    public boolean isNamed() {
        return entry.sender() != ChatEntry.Sender.SYSTEM;
    }

    public String getText() {
        // system rows carry a catalogue key (core knows no language); everything else is what people wrote
        return entry.sender() == ChatEntry.Sender.SYSTEM ? strings.get(entry.text()) : entry.text();
    }

    /** The text as lines of spans: formatted for agents and bots, as typed for the customer and system rows. */
    public List<FormattedText.Block> getBlocks() {
        if (blocks == null) { // the template asks on every update: parse once per row
            ChatEntry.Sender from = entry.sender();
            blocks = from == ChatEntry.Sender.AGENT || from == ChatEntry.Sender.BOT ? FormattedText.format(getText())
                    : FormattedText.plain(getText());
        }
        return blocks;
    }

    public String getDelivery() {
        return switch (entry.delivery()) {
            case SENDING -> strings.get("sending");
            case FAILED -> strings.get("notSent");
            case DELIVERED -> "";
        };
    }

    public List<Choice> getChoices() {
        return choices;
    }

    public boolean isRich() {
        return rich != null;
    }

    public String getRichJson() {
        return rich;
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

    /** One quick reply as offered: its label, the payload it answers with, the id of the message that offered it. */
    public static final class Choice {
        private final RichContent.Button button;
        final String messageId;

        Choice(RichContent.Button button, String messageId) {
            this.button = button;
            this.messageId = messageId;
        }

        public String getText() {
            return button.text();
        }

        String payload() {
            return button.payload();
        }
    }
}
