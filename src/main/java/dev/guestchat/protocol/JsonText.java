package dev.guestchat.protocol;

/**
 * Writes the few JSON shapes client frames need. Client frames are small and fixed, so a writer of
 * quoted strings, booleans and nested objects is all it takes; keeping it here lets the JVM tests check
 * the exact bytes the browser will send.
 */
public final class JsonText {
    private final StringBuilder out = new StringBuilder(128);
    /** True until the first member of the innermost open object was written. */
    private boolean first = true;

    public JsonText begin() {
        out.append('{');
        first = true;
        return this;
    }

    public JsonText end() {
        out.append('}');
        first = false;
        return this;
    }

    public JsonText field(String name, String value) {
        if (value == null) {
            return this; // absent optional fields are omitted, never sent as null
        }
        key(name);
        quote(out, value);
        return this;
    }

    public JsonText field(String name, int value) {
        key(name);
        out.append(value);
        return this;
    }

    public JsonText field(String name, boolean value) {
        key(name);
        out.append(value);
        return this;
    }

    public JsonText open(String name) {
        key(name);
        return begin();
    }

    public JsonText openArray(String name) {
        key(name);
        out.append('[');
        first = true;
        return this;
    }

    public JsonText element() {
        if (!first) {
            out.append(',');
        }
        return begin();
    }

    public JsonText closeArray() {
        out.append(']');
        first = false;
        return this;
    }

    public JsonText strings(String name, StringPairs values) {
        open(name);
        for (int i = 0; i < values.size(); i++) {
            field(values.key(i), values.value(i));
        }
        return end();
    }

    private void key(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(out, name);
        out.append(':');
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** RFC 8259 string escaping: quotes, backslash and every control character. */
    public static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append("\\u");
                        for (int shift = 12; shift >= 0; shift -= 4) {
                            out.append("0123456789abcdef".charAt((c >> shift) & 0xF));
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
