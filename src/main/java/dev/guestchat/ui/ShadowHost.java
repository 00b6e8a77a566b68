package dev.guestchat.ui;

import dev.guestchat.browser.BrowserFiles;
import dev.guestchat.core.Ports;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Puts the panel into a shadow root on the host page, so page CSS cannot break the widget and widget CSS
 * cannot leak out; also owns the DOM details around the drawing (composer keys, focus, scroll, static texts), whose
 * browser side is {@code src/main/js/ui/shadow-host.js}.
 */
public final class ShadowHost {
    /** The element added to the page (or the host's container); removed by {@link #destroy()}. */
    private final HTMLElement hostElement;
    /** The shadow root everything renders into. */
    private final JSObject root;
    /** The view model drawn here. */
    private final ChatPanel panel;
    /** {@link PanelDom}'s handle on the panel it built: draw, fill the texts again, remove. */
    private final JSObject drawn;
    /** Removes the keyboard listener. */
    private final JSObject keyListenerRemover;
    /** The catalogue as a JS object, read by both DOM builders; refilled by {@link #relocalize}. */
    private final JSObject texts;
    /** Removes the file, drop, paste, image-error and carousel-key listeners. */
    private final JSObject contentRemover;
    /**
     * A draw is due at the end of this task: every change of one event (a message, its typing stop, its unread
     * count; a click and what it sets off) is drawn once. False when the DOM shows the model.
     */
    private boolean drawDue;
    /** The due draw also brings the newest message into view; false for "Show earlier messages". */
    private boolean scrollDue;

    public interface Keys {
        void enter();

        void escape();

        /** The customer changed the text in the message box. */
        void typed();
    }

    /** Files coming in (picker, drop, paste) and files in the transcript that failed to load. */
    public interface Files {
        void attached(Ports.LocalFile file);

        /** An image in the transcript did not load: its address may have expired. */
        void failedToLoad(String attachmentId);
    }

    /**
     * @param container inline mode: render inside this element; null for the floating widget on {@code body}
     * @param theme     {@code light}, {@code dark} or {@code auto}
     */
    public ShadowHost(ChatPanel panel, Keys keys, Files files, HTMLElement container, String theme, Strings strings) {
        hostElement = createHost(container, theme, strings.language(), strings.rightToLeft() ? "rtl" : "ltr");
        root = attachShadow(hostElement, Styles.CSS);
        this.panel = panel;
        texts = newObject();
        copy(strings, texts);
        RichParts.Input input = (what, file, a, b, c) -> {
            switch (what) {
                case "file" -> files.attached(BrowserFiles.of(file));
                case "failed" -> files.failedToLoad(a);
                case "choose" -> panel.chooseButton(a, b, c); // a card's Postback button: label, payload, message id
                case "reply" -> panel.chooseReply(a, b, c);
                default -> panel.pressed(what);
            }
            drawSoon(false); // no scroll: "Show earlier messages" must not jump to the newest
        };
        contentRemover = RichParts.listen(root, input);
        drawn = PanelDom.install(root, texts, input, RichParts.builder(root, texts));
        keyListenerRemover = listenKeys(root, keys::enter, keys::escape, keys::typed);
    }

    /**
     * The language changed after the first render (the deployment's configuration arrived and does not offer the
     * browser's language): every static text, the host's {@code lang} and {@code dir}, and the panel again.
     */
    public void relocalize(Strings strings) {
        copy(strings, texts);
        hostElement.setAttribute("lang", strings.language());
        hostElement.setAttribute("dir", strings.rightToLeft() ? "rtl" : "ltr");
        PanelDom.refill(drawn);
        panel.relocalized();
        update();
    }

    private static void copy(Strings strings, JSObject into) {
        for (int i = 0; i < strings.all().size(); i++) {
            put(into, strings.all().key(i), strings.all().value(i));
        }
    }

    /** Opens the file picker (the hidden input next to the attach button). */
    public void pickFile() {
        clickFileInput(root);
    }

    /** Draws the model again, once, at the end of this task, and keeps the newest message in view. */
    public void update() {
        drawSoon(true);
    }

    private void drawSoon(boolean scroll) {
        scrollDue |= scroll;
        if (!drawDue) {
            drawDue = true;
            afterTask(this::flush);
        }
    }

    /** Draws now what is due (before focus moves to an element the draw shows). */
    public void flush() {
        if (!drawDue) {
            return;
        }
        drawDue = false;
        PanelDom.draw(drawn, panel);
        if (scrollDue) {
            scrollDue = false;
            scrollLog(root);
        }
    }

    /** Reads and clears the composer. */
    public String takeComposerText() {
        return takeText(root);
    }

    /** Focus after the current event's drawing (the panel is drawn synchronously after each control). */
    public void focusSoon(String selector) {
        focusLater(root, selector);
    }

    public void focusComposer() {
        flush();
        focus(root, ".gcw-input");
    }

    public void focusLauncher() {
        flush();
        focus(root, ".gcw-launcher");
    }

    public void destroy() {
        drawDue = false; // a draw still due finds nothing to draw into
        PanelDom.remove(drawn);
        call(keyListenerRemover);
        call(contentRemover);
        hostElement.getParentNode().removeChild(hostElement);
    }

    @JSFunctor
    interface Key extends JSObject {
        void run();
    }

    @JSBody(params = {"container", "theme", "lang", "dir"}, script = "return createHost(container,theme,lang,dir);")
    static native HTMLElement createHost(HTMLElement container, String theme, String lang, String dir);

    @JSBody(params = {"h", "css"}, script = "return attachShadow(h,css);")
    static native JSObject attachShadow(HTMLElement host, String css);

    @JSBody(script = "return {};")
    static native JSObject newObject();

    @JSBody(params = {"o", "k", "v"}, script = "o[k]=v;")
    static native void put(JSObject o, String key, String value);

    @JSBody(params = {"r", "enter", "escape", "typed"}, script = "return listenKeys(r,enter,escape,typed);")
    static native JSObject listenKeys(JSObject root, Key enter, Key escape, Key typed);

    @JSBody(params = "r", script = "pickFile(r);")
    static native void clickFileInput(JSObject root);

    @JSBody(params = "r", script = "return takeComposerText(r);")
    static native String takeText(JSObject root);

    @JSBody(params = {"r", "sel"}, script = "focusIn(r,sel,true);")
    static native void focusLater(JSObject root, String selector);

    @JSBody(params = {"r", "sel"}, script = "focusIn(r,sel,false);")
    static native void focus(JSObject root, String selector);

    @JSBody(params = "r", script = "scrollLog(r);")
    static native void scrollLog(JSObject root);

    @JSBody(params = "f", script = "f();")
    static native void call(JSObject f);

    /** Runs {@code f} once the current task's script is done (a microtask): before the browser paints. */
    @JSBody(params = "f", script = "queueMicrotask(function(){f();});")
    static native void afterTask(Key f);
}
