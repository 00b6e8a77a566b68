package dev.guestchat.api;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** The few page facilities the widget reaches for directly: promises, the console, the title, randomness, DOM ready. */
final class PageJs {
    private PageJs() {
    }

    @JSFunctor
    interface Starter extends JSObject {
        void start(JSObject resolve, JSObject reject);
    }

    @JSBody(params = "s", script = "return new Promise(function(_res,_rej){s(_res,_rej);});")
    static native JSObject promise(Starter starter);

    @JSBody(params = {"f", "v"}, script = "f(v);")
    static native void call(JSObject f, JSObject value);

    @JSBody(params = "m", script = "console.warn(m);")
    static native void warn(String message);

    @JSBody(script = "return Math.random();")
    static native double random();

    @JSBody(script = "return document.title;")
    static native String title();

    @JSBody(params = "t", script = "document.title=t;")
    static native void title(String t);

    @JSFunctor
    interface Ready extends JSObject {
        void run();
    }

    @JSBody(params = "f", script = "if(document.body)f();else document.addEventListener('DOMContentLoaded',function(){f();});")
    static native void whenBodyReady(Ready f);
}
