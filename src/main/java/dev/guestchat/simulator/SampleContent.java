package dev.guestchat.simulator;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's structured messages (§4.2.1 shapes): a product card, a carousel of shops, a picture — sent by the
 * scripted agent when the customer picks its quick replies, and by the agent console's buttons
 * ({@code {"sample": "card" | "carousel" | "picture"}} on the control API). Card pictures come from
 * {@code /sim/sample.png}, which never expires (presigned addresses do).
 */
final class SampleContent {
    /** The scripted agent's quick replies, each answered with the sample of the same position. */
    static final List<String> OFFERS = List.of("Show me a product", "Find a shop", "How do returns work?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SampleContent() {
    }

    /** The content items of a sample, or null for an unknown name; {@code picture} needs {@code file} (an agent file). */
    static List<JsonNode> items(String name, String httpBase, java.util.function.Supplier<ObjectNode> picture) {
        return switch (name) {
            case "card" -> List.of(card(httpBase));
            case "carousel" -> List.of(carousel(httpBase));
            case "picture" -> List.of(picture.get());
            default -> null;
        };
    }

    /** What the agent says with each sample. */
    static String words(String name) {
        return switch (name) {
            case "card" -> "Here is the one most customers pick:";
            case "carousel" -> "These shops have it in stock:";
            default -> "Print this label, stick it on the parcel and drop it at any shop. Returns are free for **30 days**.";
        };
    }

    private static ObjectNode card(String httpBase) {
        ObjectNode item = NODES.objectNode().put("contentType", "Card");
        ObjectNode card = item.putObject("card");
        card.put("title", "Trail Runner 2 — 89 €");
        card.put("description", "Waterproof, 280 g, sizes 36–47. Free delivery and returns.");
        card.put("image", httpBase + "/sim/sample.png?trail-runner-2");
        card.putObject("defaultAction").put("type", "Link").put("text", "Details").put("url", "https://example.com/trail-runner-2");
        ArrayNode actions = card.putArray("actions");
        actions.addObject().put("type", "Postback").put("text", "Add to basket").put("payload", "ADD_TRAIL_RUNNER_2");
        actions.addObject().put("type", "Link").put("text", "Size guide").put("url", "https://example.com/size-guide");
        return item;
    }

    private static ObjectNode carousel(String httpBase) {
        ObjectNode item = NODES.objectNode().put("contentType", "Carousel");
        ArrayNode cards = item.putObject("carousel").putArray("cards");
        String[][] shops = {{"Berlin Mitte", "Open until 20:00"}, {"Hamburg Altona", "Open until 19:00"},
                {"Munich Centre", "Open until 20:00, Sundays closed"}};
        for (String[] shop : shops) {
            ObjectNode card = cards.addObject();
            card.put("title", shop[0]);
            card.put("description", shop[1]);
            card.put("image", httpBase + "/sim/sample.png?" + shop[0].replace(' ', '-'));
            card.putArray("actions").addObject().put("type", "Postback").put("text", "Reserve in " + shop[0])
                    .put("payload", "RESERVE_" + shop[0].toUpperCase().replace(' ', '_'));
            ((ArrayNode) card.get("actions")).addObject().put("type", "Link").put("text", "Directions")
                    .put("url", "https://example.com/shops/" + shop[0].toLowerCase().replace(' ', '-'));
        }
        return item;
    }
}
