package dev.guestchat.ui;

import dev.guestchat.core.ChatEntry;
import dev.guestchat.protocol.WireMessage;
import java.util.ArrayList;
import java.util.List;

/** One transcript row as the template reads it. Text only: nothing from the wire becomes markup. */
public final class RowView {
    private final ChatEntry entry;
    /** Quick-reply labels; only on the newest row, since older offers are spent. */
    private final List<String> choices;

    RowView(ChatEntry entry, boolean newest) {
        this.entry = entry;
        this.choices = new ArrayList<>();
        if (newest) {
            for (WireMessage.QuickReply qr : entry.quickReplies()) {
                choices.add(qr.text());
            }
        }
    }

    public String getCssClass() {
        String base = "gcw-row gcw-" + entry.sender().wire;
        return entry.delivery() == ChatEntry.Delivery.FAILED ? base + " gcw-failed" : base;
    }

    public String getWho() {
        return switch (entry.sender()) {
            case CUSTOMER -> "You";
            case SYSTEM -> "";
            case BOT -> entry.name() != null ? entry.name() : "Assistant";
            case AGENT -> entry.name() != null ? entry.name() : "Agent";
        };
    }

    public boolean isNamed() {
        return entry.sender() != ChatEntry.Sender.SYSTEM;
    }

    public String getText() {
        return entry.text();
    }

    public String getDelivery() {
        return switch (entry.delivery()) {
            case SENDING -> "Sending…";
            case FAILED -> "Not sent";
            case DELIVERED -> "";
        };
    }

    public List<String> getChoices() {
        return choices;
    }
}
