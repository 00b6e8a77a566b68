package dev.guestchat.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of {@code GET /api/v2/webmessaging/messages} (§6), newest first as the server sends it.
 *
 * @param messages  entities in server order (newest first)
 * @param pageNumber the page this is (1-based)
 * @param pageCount how many pages there are; 0 when the server did not say
 */
public record HistoryPage(List<WireMessage> messages, int pageNumber, int pageCount) {

    /** Decodes a response body; null when it is not the expected shape. */
    public static HistoryPage decode(JsonParser parser, String text) {
        JsonObjectView body = text == null ? null : parser.parseObject(text);
        if (body == null) {
            return null;
        }
        List<WireMessage> messages = new ArrayList<>();
        for (JsonObjectView entity : body.objects("entities")) {
            messages.add(WireMessage.decode(entity));
        }
        return new HistoryPage(messages, (int) body.number("pageNumber", 1), (int) body.number("pageCount", 0));
    }

    public boolean hasMore() {
        return !messages.isEmpty() && pageNumber < pageCount;
    }
}
