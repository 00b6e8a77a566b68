package dev.guestchat.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * What a message carries besides its text (§4.2 content items): buttons, cards and files. Addresses are kept only
 * when they are {@code http:} or {@code https:} — a {@code javascript:} link or a {@code data:} image from the wire
 * never reaches the page. Content types the widget does not know give their text (or title) to {@code extraText}
 * and nothing else.
 *
 * @param quickReplies quick replies, V1 items and V2 actions alike; empty when none
 * @param cards        cards, in order; a carousel's cards when {@code carousel}
 * @param carousel     true when the cards came as one Carousel (shown one at a time)
 * @param attachments  files, the agent's or the customer's own
 * @param extraText    text of content the widget cannot show otherwise (V2 titles, unknown types); "" when none
 */
public record RichContent(List<Button> quickReplies, List<Card> cards, boolean carousel, List<Attachment> attachments,
                          String extraText) {

    // ArrayLists, not List.of(): the immutable collections would add their own classes to the bundle (about 1 KB)
    public static final RichContent NONE = new RichContent(new ArrayList<>(), new ArrayList<>(), false,
            new ArrayList<>(), "");

    /** Only this file: the customer's own message on its way. */
    public static RichContent ofFile(Attachment file) {
        List<Attachment> files = new ArrayList<>();
        files.add(file);
        return new RichContent(new ArrayList<>(), new ArrayList<>(), false, files, "");
    }

    /** A button: answers with {@code payload} (a quick reply, a Postback), or opens {@code url} (a Link) when set. */
    public record Button(String text, String payload, String url) {
    }

    /** A card (§4.2 Card): every field may be null except {@code actions}; {@code url} is the default Link action. */
    public record Card(String title, String description, String image, String url, List<Button> actions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Card c && StringPairs.same(title, c.title) && StringPairs.same(description, c.description)
                    && StringPairs.same(image, c.image) && StringPairs.same(url, c.url) && sameButtons(actions, c.actions);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(title, description, image, url, actions);
        }
    }

    /**
     * A file: {@code url} is a presigned download address that expires (§3.7), null when absent or unsafe;
     * {@code image} when its mediaType is Image (shown as a thumbnail).
     */
    public record Attachment(String id, String filename, String url, boolean image) {
    }

    /**
     * Field by field with typed loops, not {@code List.equals}: that would call {@code equals} on whatever any list of
     * the bundle holds and so keep every record's generated {@code equals} in it.
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RichContent r) || carousel != r.carousel || !extraText.equals(r.extraText)
                || !sameButtons(quickReplies, r.quickReplies) || cards.size() != r.cards.size()
                || attachments.size() != r.attachments.size()) {
            return false;
        }
        for (int i = 0; i < cards.size(); i++) {
            Card c = cards.get(i);
            if (!c.equals(r.cards.get(i))) {
                return false;
            }
        }
        for (int i = 0; i < attachments.size(); i++) {
            Attachment a = attachments.get(i);
            if (!a.equals(r.attachments.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(quickReplies, cards, carousel, attachments, extraText);
    }

    static boolean sameButtons(List<Button> a, List<Button> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Button x = a.get(i);
            if (!x.equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return quickReplies.isEmpty() && cards.isEmpty() && attachments.isEmpty() && extraText.isEmpty();
    }

    /** The same content with this file's download address replaced (after {@code getAttachment}, §3.7). */
    public RichContent withUrl(String attachmentId, String url) {
        List<Attachment> files = new ArrayList<>();
        for (Attachment a : attachments) {
            files.add(a.id() != null && a.id().equals(attachmentId)
                    ? new Attachment(a.id(), a.filename(), web(url), a.image()) : a);
        }
        return new RichContent(quickReplies, cards, carousel, files, extraText);
    }

    static RichContent decode(List<JsonObjectView> items) {
        if (items.isEmpty()) {
            return NONE;
        }
        List<Button> replies = new ArrayList<>();
        List<Card> cards = new ArrayList<>();
        List<Attachment> files = new ArrayList<>();
        StringBuilder extra = new StringBuilder();
        boolean carousel = false;
        for (JsonObjectView item : items) {
            String type = item.string("contentType", "");
            // an if-chain, not a string switch: in the bundle a switch on a string is a table of hash codes on top
            if (type.equals("QuickReply")) {
                quickReply(item.object("quickReply"), replies);
            } else if (type.equals("QuickReplyV2")) {
                JsonObjectView v2 = item.object("quickReplyV2");
                if (v2 != null) {
                    append(extra, v2.string("title"));
                    for (JsonObjectView action : v2.objects("actions")) {
                        quickReply(action, replies);
                    }
                }
            } else if (type.equals("Card")) {
                card(item.object("card"), cards);
            } else if (type.equals("Carousel")) {
                JsonObjectView c = item.object("carousel");
                if (c != null) {
                    for (JsonObjectView each : c.objects("cards")) {
                        card(each, cards);
                        carousel = true;
                    }
                }
            } else if (type.equals("Attachment")) {
                JsonObjectView a = item.object("attachment");
                if (a != null) {
                    files.add(new Attachment(a.string("id"), a.string("filename", "file"), web(a.string("url")),
                            "Image".equals(a.string("mediaType"))));
                }
            } else if (!type.equals("ButtonResponse") && !type.isEmpty()) {
                // a ButtonResponse is the customer's own answer coming back: its text is the message's text.
                // A type this widget does not draw (ListPicker, DatePicker, …) gives its words, never nothing at all.
                JsonObjectView o = item.object(Ascii.lower(type.substring(0, 1)) + type.substring(1));
                if (o != null) {
                    append(extra, o.string("text", o.string("title")));
                }
            }
        }
        return new RichContent(replies, cards, carousel && cards.size() > 1, files, extra.toString());
    }

    private static void quickReply(JsonObjectView qr, List<Button> into) {
        String text = qr != null ? qr.string("text") : null;
        if (text != null && !text.isEmpty()) {
            into.add(new Button(text, qr.string("payload", text), null));
        }
    }

    private static void card(JsonObjectView c, List<Card> into) {
        if (c == null) {
            return;
        }
        List<Button> actions = new ArrayList<>();
        for (JsonObjectView a : c.objects("actions")) {
            String text = a.string("text");
            String kind = a.string("type", "");
            if (text == null || text.isEmpty()) {
                continue;
            }
            if (kind.equals("Link") && web(a.string("url")) != null) {
                actions.add(new Button(text, null, web(a.string("url"))));
            } else if (kind.equals("Postback")) {
                actions.add(new Button(text, a.string("payload", text), null));
            }
        }
        JsonObjectView action = c.object("defaultAction");
        String url = action != null && "Link".equals(action.string("type")) ? web(action.string("url")) : null;
        into.add(new Card(c.string("title"), c.string("description"), web(c.string("image")), url, actions));
    }

    private static void append(StringBuilder out, String text) {
        if (text != null && !text.isEmpty()) {
            out.append(out.length() == 0 ? "" : "\n").append(text);
        }
    }

    /** Where a card, button or file may point. */
    private static final String[] WEB = {"https://", "http://"};

    /** The address when it is one http(s) address (see {@link Ascii#address}); else null. */
    static String web(String url) {
        return Ascii.address(url, WEB);
    }

}
