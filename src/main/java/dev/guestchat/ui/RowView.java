package dev.guestchat.ui;

import dev.guestchat.core.ChatEntry;
import dev.guestchat.protocol.WireMessage;
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

    /** The catalogue, for names and delivery notes. */
    private final Strings strings;
    /** The text as lines of spans, parsed on the first render of this row; null before it. */
    private List<FormattedText.Block> blocks;

    RowView(ChatEntry entry, boolean newest, Strings strings) {
        this.entry = entry;
        this.strings = strings;
        this.choices = new ArrayList<>();
        if (newest) {
            for (WireMessage.QuickReply qr : entry.quickReplies()) {
                choices.add(new Choice(qr.text(), qr.payload(), entry.key()));
            }
        }
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

    /** One quick reply as offered: its label, the payload it answers with, the id of the message that offered it. */
    public static final class Choice {
        private final String text;
        final String payload;
        final String messageId;

        Choice(String text, String payload, String messageId) {
            this.text = text;
            this.payload = payload;
            this.messageId = messageId;
        }

        public String getText() {
            return text;
        }
    }
}
