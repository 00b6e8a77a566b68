package dev.guestchat.simulator;

/** Query parameters read leniently: a missing or malformed number means the default, never an error page. */
final class Params {
    private Params() {
    }

    static int integer(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static long longInteger(String s, long fallback) {
        try {
            return s == null ? fallback : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
