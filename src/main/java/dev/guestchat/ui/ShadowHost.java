package dev.guestchat.ui;

import org.teavm.flavour.templates.Component;
import org.teavm.flavour.templates.Templates;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Puts the panel into a shadow root on the host page, so page CSS cannot break the widget and widget CSS
 * cannot leak out; also owns the few DOM details a template cannot express (composer keys, focus, scroll).
 */
public final class ShadowHost {
    /** The element added to the page (or the host's container); removed by {@link #destroy()}. */
    private final HTMLElement hostElement;
    /** The shadow root everything renders into. */
    private final JSObject root;
    /** Flavour's binding of the panel; destroyed with the host. */
    private final Component component;
    /** Removes the keyboard listener. */
    private final JSObject keyListenerRemover;

    public interface Keys {
        void enter();

        void escape();
    }

    public ShadowHost(ChatPanel panel, Keys keys) {
        hostElement = createHost();
        root = attachShadow(hostElement, Styles.CSS);
        HTMLElement mount = appendDiv(root);
        component = Templates.bind(panel, mount);
        keyListenerRemover = listenKeys(root, keys::enter, keys::escape);
    }

    /** Re-renders from the model and keeps the newest message in view. */
    public void update() {
        Templates.update();
        scrollLog(root);
    }

    /** Reads and clears the composer. */
    public String takeComposerText() {
        return takeText(root);
    }

    public void focusComposer() {
        focus(root, ".gcw-input");
    }

    public void focusLauncher() {
        focus(root, ".gcw-launcher");
    }

    public void destroy() {
        component.destroy();
        call(keyListenerRemover);
        hostElement.getParentNode().removeChild(hostElement);
    }

    @JSFunctor
    interface Key extends JSObject {
        void run();
    }

    @JSBody(script = "var h=document.createElement('div');h.setAttribute('data-guest-chat','');"
            + "document.body.appendChild(h);return h;")
    static native HTMLElement createHost();

    @JSBody(params = {"h", "css"}, script = "var r=h.attachShadow({mode:'open'});"
            + "try{var s=new CSSStyleSheet();s.replaceSync(css);r.adoptedStyleSheets=[s];}"
            + "catch(e){var st=document.createElement('style');st.textContent=css;r.appendChild(st);}return r;")
    static native JSObject attachShadow(HTMLElement host, String css);

    @JSBody(params = "r", script = "var d=document.createElement('div');r.appendChild(d);return d;")
    static native HTMLElement appendDiv(JSObject root);

    @JSBody(params = {"r", "enter", "escape"}, script = "function k(e){"
            + "if(e.key==='Escape'){escape();return;}"
            + "var t=e.target;if(e.key==='Enter'&&!e.shiftKey&&!e.isComposing&&t&&t.classList&&t.classList.contains('gcw-input'))"
            + "{e.preventDefault();enter();}}"
            + "r.addEventListener('keydown',k);return function(){r.removeEventListener('keydown',k);};")
    static native JSObject listenKeys(JSObject root, Key enter, Key escape);

    @JSBody(params = "r", script = "var t=r.querySelector('.gcw-input');if(!t)return '';var v=t.value;t.value='';return v;")
    static native String takeText(JSObject root);

    @JSBody(params = {"r", "sel"}, script = "var e=r.querySelector(sel);if(e)e.focus();")
    static native void focus(JSObject root, String selector);

    @JSBody(params = "r", script = "var l=r.querySelector('.gcw-log');if(l)l.scrollTop=l.scrollHeight;")
    static native void scrollLog(JSObject root);

    @JSBody(params = "f", script = "f();")
    static native void call(JSObject f);
}
