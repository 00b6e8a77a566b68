package dev.guestchat.core;

/**
 * Clock times in storage, as decimal digits, written and read by hand: {@code Long} and {@code Double}'s own
 * formatting and parsing would each bring the class library's number code into the bundle (kilobytes gzip).
 */
final class ClockDigits {
    private ClockDigits() {
    }

    /** A clock time's whole milliseconds as decimal digits (exact: clock times are integers below 2^53). */
    static String of(double millis) {
        String s = "";
        double n = Math.floor(millis);
        do {
            s = (char) ('0' + (int) (n % 10)) + s;
            n = Math.floor(n / 10);
        } while (n > 0);
        return s;
    }

    /** The time written by {@link #of}; 0 for anything that is not one. */
    static double parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 18) {
            return 0;
        }
        double n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
