package dev.guestchat.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * The panel's DOM, drawn by {@code src/main/js/ui/panel-dom.js} (which documents the view's keys and how hidden
 * parts, rows and buttons work): it builds the panel once, then on every update draws {@link ChatPanel#view()} with
 * the rows' JSON ({@link RowView#json()}); files and cards are drawn by {@link RichParts}.
 */
final class PanelDom {
    private PanelDom() {
    }

    /**
     * Builds the panel into {@code r} with the catalogue {@code t} and {@code rich}, {@link RichParts}'s drawing
     * function for files and cards; returns its handle: {@code draw(view, rows)}, {@code fill()} (the static texts
     * again after a language change), {@code remove()}.
     */
    @JSBody(params = {"r", "t", "on", "rich"}, script = "return installPanel(r,t,on,rich);")
    static native JSObject install(JSObject root, JSObject texts, RichParts.Input on, JSObject rich);

    /** Draws {@code view} ({@link ChatPanel#view()}) with these rows' JSON, oldest first. */
    static void draw(JSObject drawn, ChatPanel panel) {
        JSObject rows = newArray();
        for (RowView row : panel.rows()) {
            push(rows, row.json());
        }
        draw(drawn, panel.view(), rows);
    }

    @JSBody(params = {"p", "s", "rows"}, script = "p.draw(s,rows);")
    static native void draw(JSObject panel, String view, JSObject rows);

    /** Fills the static texts from the catalogue object again: the language changed. */
    @JSBody(params = "p", script = "p.fill();")
    static native void refill(JSObject panel);

    /** Removes the panel. */
    @JSBody(params = "p", script = "p.remove();")
    static native void remove(JSObject panel);

    @JSBody(script = "return [];")
    private static native JSObject newArray();

    @JSBody(params = {"a", "s"}, script = "a.push(s);")
    private static native void push(JSObject array, String s);
}
