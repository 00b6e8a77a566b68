package dev.guestchat.core;

import dev.guestchat.protocol.WireMessage;
import java.util.ArrayList;
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
 * @param quickReplies buttons offered with an agent/bot message; empty otherwise
 */
public record ChatEntry(String key, Sender sender, String name, String text, String time, Delivery delivery,
                        List<WireMessage.QuickReply> quickReplies) {

    public enum Sender {
        CUSTOMER("customer"), AGENT("agent"), BOT("bot"), SYSTEM("system");

        /** The name hosts see in {@code message} events and the CSS class suffix. */
        public final String wire;

        Sender(String wire) {
            this.wire = wire;
        }
    }

    public enum Delivery { SENDING, DELIVERED, FAILED }

    /** A note from the widget itself; {@code text} is a message-catalogue key (the UI translates it). */
    public static ChatEntry system(String key, String text) {
        return new ChatEntry(key, Sender.SYSTEM, null, text, null, Delivery.DELIVERED, new ArrayList<>());
    }

    static ChatEntry fromWire(WireMessage m) {
        Sender sender = m.inbound() ? Sender.CUSTOMER : m.bot() ? Sender.BOT : Sender.AGENT;
        return new ChatEntry(m.id(), sender, m.inbound() ? null : m.nickname(), m.text() != null ? m.text() : "",
                m.time(), Delivery.DELIVERED, m.quickReplies());
    }

    ChatEntry withDelivery(Delivery d) {
        return new ChatEntry(key, sender, name, text, time, d, quickReplies);
    }

    ChatEntry acknowledged(String serverId, String serverTime) {
        return new ChatEntry(serverId != null ? serverId : key, sender, name, text,
                serverTime != null ? serverTime : time, Delivery.DELIVERED, quickReplies);
    }
}
