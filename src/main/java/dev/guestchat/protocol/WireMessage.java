package dev.guestchat.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of a {@code StructuredMessage} frame or a history entity (§4.2, §6): the same shape on both paths.
 *
 * @param id          server message id; null only when the server omitted it
 * @param type        {@code Text}, {@code Structured}, {@code Event}, or whatever the server sent
 * @param inbound     true for the guest's own messages coming back (Genesys's point of view, §4.2)
 * @param text        message text; null for events and pure attachments
 * @param time        {@code channel.time}, ISO-8601; null when absent (echo replies, some history entries)
 * @param nickname    {@code channel.from.nickname}: agent or bot display name; null when absent
 * @param bot         true when {@code originatingEntity} is {@code Bot}
 * @param events      typing and presence events, in order
 * @param content     buttons, cards and files the message carries; {@link RichContent#NONE} when none
 * @param metadata    string metadata (readOnly flag on Disconnect, echo expiry data)
 */
public record WireMessage(String id, String type, boolean inbound, String text, String time, String nickname,
                          boolean bot, List<Event> events, RichContent content,
                          StringPairs metadata) {

    /** One {@code events[]} item; {@code kind} is the presence or typing subtype ({@code Join}, {@code On}, …). */
    public record Event(String eventType, String kind) {
        public boolean isPresence(String presenceType) {
            return "Presence".equals(eventType) && presenceType.equals(kind);
        }
    }

    /** Quick replies offered by an Outbound Structured message (V1 and V2). */
    public List<RichContent.Button> quickReplies() {
        return content.quickReplies();
    }

    public boolean hasPresence(String presenceType) {
        for (Event e : events) {
            if (e.isPresence(presenceType)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasTyping() {
        for (Event e : events) {
            if ("Typing".equals(e.eventType())) {
                return true;
            }
        }
        return false;
    }

    /** True when the message carries something a person should read (not just events). */
    public boolean isDisplayable() {
        return (text != null && !text.isEmpty()) || !content.isEmpty();
    }

    static WireMessage decode(JsonObjectView body) {
        JsonObjectView channel = body.object("channel");
        JsonObjectView from = channel != null ? channel.object("from") : null;
        List<Event> events = new ArrayList<>();
        for (JsonObjectView e : body.objects("events")) {
            String eventType = e.string("eventType", "Unknown");
            JsonObjectView detail = "Presence".equals(eventType) ? e.object("presence")
                    : "Typing".equals(eventType) ? e.object("typing") : null;
            events.add(new Event(eventType, detail != null ? detail.string("type", "") : ""));
        }
        return new WireMessage(body.string("id"), body.string("type", "Unknown"),
                "Inbound".equals(body.string("direction")), body.string("text"),
                channel != null ? channel.string("time") : null, from != null ? from.string("nickname") : null,
                "Bot".equals(body.string("originatingEntity")), events, RichContent.decode(body.objects("content")),
                body.strings("metadata"));
    }
}
