package dev.guestchat.api;

import org.teavm.flavour.templates.BindTemplate;
import org.teavm.flavour.templates.Templates;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

public class GuestChatEntry {
    public static void main(String[] args) {
    }

    @JSExport
    public static Handle init(String name) {
        HTMLElement host = Window.current().getDocument().createElement("div");
        Window.current().getDocument().getBody().appendChild(host);
        HTMLElement inner = Window.current().getDocument().createElement("div");
        attach(host).appendChild(inner);
        Probe p = new Probe();
        Templates.bind(p, inner);
        return new Handle(p);
    }

    @JSBody(params = "h", script = "return h.attachShadow({mode:'open'});")
    static native HTMLElement attach(HTMLElement h);

    public static class Handle {
        final Probe p;
        Handle(Probe p) { this.p = p; }
        @JSExport public int count() { return p.count; }
        @JSExport public void bump() { p.count++; Templates.update(); }
    }

    @BindTemplate("templates/probe.html")
    public static class Probe {
        int count;
        public int getCount() { return count; }
        public void inc() { count++; }
    }
}
