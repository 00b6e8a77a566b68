package dev.guestchat.protocol;

/**
 * Case and address checks on text from the wire, in ASCII only: MIME types, language tags, URL schemes and the
 * other words compared here are ASCII, and Java's full case mapping would add Unicode tables to the bundle.
 */
public final class Ascii {
    private Ascii() {
    }

    public static String lower(String s) {
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 'A' && out[i] <= 'Z') {
                out[i] += 32;
            }
        }
        return new String(out);
    }

    /** {@code text} has {@code prefix} (lower-case) at {@code at}, in any case. */
    public static boolean startsIgnoringCase(String text, int at, String prefix) {
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            char c = text.charAt(at + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code target} when it is one address under one of {@code schemes} (lower-case, e.g. {@code "https://"}) with
     * something after the scheme, and no white space, control character, quote, angle bracket or backslash; else null.
     * Links in formatted agent text are checked alike in the page (formatted-text.js, linkTarget): change both.
     */
    public static String address(String target, String[] schemes) {
        if (target == null) {
            return null;
        }
        for (String scheme : schemes) {
            if (startsIgnoringCase(target, 0, scheme) && target.length() > scheme.length()) {
                for (int i = 0; i < target.length(); i++) {
                    char c = target.charAt(i);
                    if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == 0x7f) {
                        return null; // not one address: control characters, spaces, markup
                    }
                }
                return target;
            }
        }
        return null;
    }
}
