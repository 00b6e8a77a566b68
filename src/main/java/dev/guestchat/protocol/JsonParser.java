package dev.guestchat.protocol;

/** Parses text into an object view; the one place where JSON text becomes structure. */
public interface JsonParser {
    /** Returns the view of a JSON object, or null when the text is not a JSON object at all. */
    JsonObjectView parseObject(String text);
}
