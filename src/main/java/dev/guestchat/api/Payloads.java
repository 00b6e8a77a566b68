package dev.guestchat.api;

import dev.guestchat.core.ChatEntry;
import dev.guestchat.core.WidgetError;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** Event payloads as plain JS objects (documented in the README and web/index.d.ts). */
final class Payloads {
    private Payloads() {
    }

    static JSObject message(ChatEntry e) {
        return message(e.key(), e.sender().wire, e.name(), e.text(), e.time());
    }

    /** {@code message}: the words shown to the customer; {@code detail}: the server's text or the widget's numbers. */
    static JSObject error(WidgetError e, String message) {
        return error(e.code(), e.reason(), message, e.message());
    }

    @JSBody(params = {"id", "sender", "name", "text", "time"},
            script = "return {id:id,sender:sender,name:name,text:text,time:time};")
    static native JSObject message(String id, String sender, String name, String text, String time);

    @JSBody(params = {"code", "reason", "message", "detail"},
            script = "return {code:code,reason:reason,message:message,detail:detail};")
    static native JSObject error(int code, String reason, String message, String detail);

    @JSBody(params = "state", script = "return {state:state};")
    static native JSObject state(String state);

    @JSBody(params = "byCustomer", script = "return {byCustomer:byCustomer};")
    static native JSObject ended(boolean byCustomer);

    @JSBody(params = "count", script = "return {count:count};")
    static native JSObject unread(int count);

    @JSBody(script = "return {};")
    static native JSObject empty();
}
