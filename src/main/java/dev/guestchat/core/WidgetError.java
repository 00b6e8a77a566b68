package dev.guestchat.core;

/**
 * A failure reported to the host page ({@code error} event) and, in words, to the customer.
 *
 * @param code    the server code (§5.13) or a WebSocket close code; 0 for client-side failures
 * @param reason  stable machine name, e.g. {@code clear-disabled}, {@code end-timeout}, {@code unreachable}
 * @param message detail for people: the server's own text or the widget's numbers; null when the reason says it
 *                all (the UI's message catalogue words every reason for the customer)
 * @param ids     the customer's messages it is about (their ids on this page, space-separated: ids hold no
 *                spaces), null when none
 */
public record WidgetError(int code, String reason, String message, String ids) {
    public WidgetError(int code, String reason, String message) {
        this(code, reason, message, null);
    }
}
