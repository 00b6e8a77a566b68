package dev.guestchat.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** Fetches a JSON message catalogue (a flat object of strings), giving up after a deadline. */
public final class BrowserCatalogue {
    private BrowserCatalogue() {
    }

    /** The callback gets the parsed object, or null on any failure or timeout; it is called exactly once. */
    @JSFunctor
    public interface Loaded extends JSObject {
        void run(JSObject catalogue);
    }

    public static void load(String url, int timeoutMillis, Loaded loaded) {
        fetch(url, timeoutMillis, loaded);
    }

    @JSBody(params = {"url", "ms", "done"}, script = "var _once=false;function _end(_v){if(!_once){_once=true;done(_v);}}"
            + "var _t=setTimeout(function(){_end(null);},ms);var _x=new XMLHttpRequest();"
            + "try{_x.open('GET',url);_x.onload=function(){clearTimeout(_t);var _v=null;"
            + "try{_v=_x.status>=200&&_x.status<300?JSON.parse(_x.responseText):null;}catch(_e){}"
            + "_end(_v&&typeof _v==='object'?_v:null);};_x.onerror=function(){clearTimeout(_t);_end(null);};_x.send();}"
            + "catch(_e){clearTimeout(_t);setTimeout(function(){_end(null);},0);}")
    static native void fetch(String url, int timeoutMillis, Loaded loaded);
}
