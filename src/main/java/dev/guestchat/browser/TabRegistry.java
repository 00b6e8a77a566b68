package dev.guestchat.browser;

import dev.guestchat.core.Ports;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Knows which other tabs of this browser show the same chat, over a BroadcastChannel per deployment:
 * a tab says {@code hello} when it appears, the others answer {@code here}, a leaving tab says {@code bye}.
 * The answer is kept in memory so {@code pagehide} can ask synchronously. Without BroadcastChannel the
 * widget assumes it is alone — the safe side for ending abandoned chats.
 */
public final class TabRegistry implements Ports.TabPresence {
    /** This tab's random id. */
    private final String self;
    /** Ids of the other tabs that said hello/here and not yet bye. */
    private final List<String> others = new ArrayList<>();
    /** The channel; null when the browser has no BroadcastChannel or after {@link #close()}. */
    private JSObject channel;

    public TabRegistry(String deploymentId, String selfId) {
        this.self = selfId;
        this.channel = open("gcw." + deploymentId, this::onMessage);
        announce("hello");
    }

    @Override
    public boolean othersHoldChat() {
        return !others.isEmpty();
    }

    /** The page is going away (maybe into the back/forward cache): the others must stop counting on it. */
    public void leaving() {
        announce("bye");
    }

    /** The page came back from the back/forward cache. */
    public void returned() {
        others.clear();
        announce("hello");
    }

    public void close() {
        announce("bye");
        if (channel != null) {
            closeChannel(channel);
            channel = null;
        }
    }

    private void onMessage(String kind, String from) {
        if (from == null || from.equals(self)) {
            return;
        }
        if ("bye".equals(kind)) {
            others.remove(from);
        } else {
            if (!others.contains(from)) {
                others.add(from);
            }
            if ("hello".equals(kind)) {
                announce("here");
            }
        }
    }

    private void announce(String kind) {
        if (channel != null) {
            post(channel, kind, self);
        }
    }

    @JSFunctor
    interface Heard extends JSObject {
        void run(String kind, String from);
    }

    @JSBody(params = {"name", "heard"}, script = "if(typeof BroadcastChannel!=='function')return null;"
            + "var _c=new BroadcastChannel(name);_c.onmessage=function(_e){var _d=_e.data;"
            + "if(_d&&typeof _d.k==='string'&&typeof _d.f==='string')heard(_d.k,_d.f);};return _c;")
    static native JSObject open(String name, Heard heard);

    @JSBody(params = {"c", "k", "f"}, script = "try{c.postMessage({k:k,f:f});}catch(_e){}")
    static native void post(JSObject c, String kind, String from);

    @JSBody(params = "c", script = "c.onmessage=null;c.close();")
    static native void closeChannel(JSObject c);
}
