package dev.guestchat.core;

import dev.guestchat.protocol.RichContent;
import dev.guestchat.protocol.WireMessage;
import java.util.List;

/**
 * One row of the transcript as the customer sees it.
 *
 * @param key          identity for de-duplication: the server message id, or the tracingId while our own
 *                     message is not yet acknowledged
 * @param sender       who wrote it
 * @param name         agent or bot display name; null for the customer and the system
 * @param text         what to show, always rendered as text
 * @param time         ISO-8601 server time; null until the server gave one
 * @param delivery     for the customer's own messages; {@link Delivery#DELIVERED} for everything else
 * @param content      buttons, cards and files the message carries; {@link RichContent#NONE} when none
 * @param localId      the tracingId this page gave a message the customer sent from it (what {@code send} returned),
 *                     kept after the acknowledgement changes the key; null for every other row
 */
public record ChatEntry(String key, Sender sender, String name, String text, String time, Delivery delivery,
                        RichContent content, String localId) {

    /** Quick replies offered with an agent/bot message; empty otherwise. */
    public List<RichContent.Button> quickReplies() {
        return content.quickReplies();
    }

    /** Who wrote a row (constants, not an enum, as {@link SessionState} says why). */
    public static final class Sender {
        public static final Sender CUSTOMER = new Sender("customer");
        public static final Sender AGENT = new Sender("agent");
        public static final Sender BOT = new Sender("bot");
        public static final Sender SYSTEM = new Sender("system");

        /** The name hosts see in {@code message} events and the CSS class suffix. */
        public final String wire;

        private Sender(String wire) {
            this.wire = wire;
        }
    }

    /** Where a customer's row is on its way (constants, not an enum, as {@link SessionState} says why). */
    public static final class Delivery {
        public static final Delivery SENDING = new Delivery();
        public static final Delivery DELIVERED = new Delivery();
        public static final Delivery FAILED = new Delivery();

        private Delivery() {
        }
    }

    /** A note from the widget itself; {@code text} is a message-catalogue key (the UI translates it). */
    public static ChatEntry system(String key, String text) {
        return new ChatEntry(key, Sender.SYSTEM, null, text, null, Delivery.DELIVERED, RichContent.NONE, null);
    }

    static ChatEntry fromWire(WireMessage m) {
        Sender sender = m.inbound() ? Sender.CUSTOMER : m.bot() ? Sender.BOT : Sender.AGENT;
        String text = m.text() != null ? m.text() : "";
        String extra = m.content().extraText();
        return new ChatEntry(m.id(), sender, m.inbound() ? null : m.nickname(),
                extra.isEmpty() ? text : text.isEmpty() ? extra : text + "\n" + extra, m.time(), Delivery.DELIVERED,
                m.content(), null);
    }

    ChatEntry withDelivery(Delivery d) {
        return new ChatEntry(key, sender, name, text, time, d, content, localId);
    }

    /** The server took it: its id and time, and its copy of the files (with their download addresses) when any. */
    ChatEntry acknowledged(String serverId, String serverTime, RichContent served) {
        return new ChatEntry(serverId != null ? serverId : key, sender, name, text,
                serverTime != null ? serverTime : time, Delivery.DELIVERED,
                served != null && !served.attachments().isEmpty() ? served : content, localId);
    }

    /** This row with a file's fresh download address (§3.7). */
    ChatEntry withAttachmentUrl(String attachmentId, String url) {
        return new ChatEntry(key, sender, name, text, time, delivery, content.withUrl(attachmentId, url), localId);
    }
}
