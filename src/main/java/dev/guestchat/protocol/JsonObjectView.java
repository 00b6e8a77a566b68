package dev.guestchat.protocol;

/**
 * Read-only view of one parsed JSON object. The browser backs it with {@code JSON.parse}, the JVM tests with
 * Jackson, so the frame decoder itself never parses text and never pulls a JSON library into the bundle.
 * Every accessor answers null (or its fallback) for a missing key or a value of another type: servers send
 * surprising shapes, and a surprise must never throw out of the socket handler.
 */
public interface JsonObjectView {
    String string(String key);

    /**
     * The number, or {@code fallback} when the key is missing or holds another type. Numbers are doubles in
     * JavaScript; SessionResponse numbers may be integers or doubles (§2.5). Primitive, not {@code Double}: a
     * boxed number would bring the class library's {@code Double} into the bundle.
     */
    double number(String key, double fallback);

    /** The boolean, or {@code fallback} when the key is missing or holds another type. */
    boolean flag(String key, boolean fallback);

    JsonObjectView object(String key);

    /** The objects of an array value, skipping elements that are not objects; empty when absent. */
    java.util.List<JsonObjectView> objects(String key);

    /** The strings of an array value, skipping elements that are not strings; empty when absent. */
    java.util.List<String> texts(String key);

    /** The string-valued entries of an object value, for {@code metadata}-like maps; empty when absent. */
    StringPairs strings(String key);

    default String string(String key, String fallback) {
        String value = string(key);
        return value != null ? value : fallback;
    }

    /** True only for a boolean {@code true}. */
    default boolean flag(String key) {
        return flag(key, false);
    }
}
