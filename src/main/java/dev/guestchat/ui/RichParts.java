package dev.guestchat.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * A message's files and cards, drawn by {@code src/main/js/ui/rich-parts.js} (which documents the rich JSON,
 * {@link RowView#richJson}, and what reaches the DOM), and the listeners for files coming in.
 */
final class RichParts {
    private RichParts() {
    }

    /**
     * What happens in the panel, in one callback (one class in the bundle rather than several):
     * {@code ("file", file)} a file from the picker, dropped on the panel or pasted into it (the first one: one per
     * message); {@code ("failed", null, attachment id)} an image in the transcript that did not load; a panel
     * control's name with its label, payload and message id when it has them ({@link PanelDom}).
     */
    @JSFunctor
    interface Input extends JSObject {
        void on(String what, JSObject file, String a, String b, String c);
    }

    /** The drawing function {@code f(element, json)} for the root {@code r} and the catalogue {@code t}. */
    @JSBody(params = {"r", "t"}, script = "return richBuilder(r,t);")
    static native JSObject builder(JSObject root, JSObject texts);

    /**
     * Listens in {@code root} for files (picker, drop, paste), images that fail and the arrow keys in a carousel;
     * returns the function that stops it all.
     */
    @JSBody(params = {"r", "on"}, script = "return listenRich(r,on);")
    static native JSObject listen(JSObject root, Input on);
}
