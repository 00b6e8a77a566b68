package dev.guestchat.loader;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;

/**
 * The first stage's entry point (the script tag, the custom element and the npm entry load this): the same
 * {@code GuestChat.init} / {@code autoInit} as the full widget, answering with a {@link FirstStage} that loads
 * the full widget when the customer shows intent. A second, small TeaVM program; nothing of the widget is linked.
 */
public final class LoaderEntry {
    private LoaderEntry() {
    }

    /** {@code GuestChat.init(options)}: the same options as the full widget's, passed on to it unchanged. */
    @JSExport
    public static FirstStage init(JSObject options) {
        return new FirstStage(options);
    }

    /** Script-tag embedding: initialises from the tag's {@code data-*} attributes, or returns null. */
    @JSExport
    public static FirstStage autoInit() {
        JSObject options = scriptDataset();
        return options == null ? null : init(options);
    }

    @JSBody(script = "return scriptOptions();")
    static native JSObject scriptDataset();
}
