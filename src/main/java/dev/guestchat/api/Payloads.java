package dev.guestchat.api;

import dev.guestchat.core.WidgetError;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/** Event payloads as plain JS objects (documented in the README and web/index.d.ts). */
final class Payloads {
    private Payloads() {
    }

    /** {@code message}: the words shown to the customer; {@code detail}: the server's text or the widget's numbers. */
    static JSObject error(WidgetError e, String message) {
        return error(e.code(), e.reason(), message, e.message(), e.ids());
    }

    /** The widget's {@code message} event: a live agent or bot message. */
    @JSBody(params = {"id", "sender", "name", "text", "time"},
            script = "return {id:id,sender:sender,name:name,text:text,time:time};")
    static native JSObject message(String id, String sender, String name, String text, String time);

    /**
     * A message written by {@link MessageJson}, with its text's formatted blocks (formatted-text.js): plain data,
     * nothing in it is markup.
     */
    @JSBody(params = "json", script = "return sessionMessage(json);")
    static native JSObject message(String json);

    /** The transcript, oldest first, from {@link MessageJson#all}, each message with its blocks. */
    @JSBody(params = "json", script = "return sessionMessages(json);")
    static native JSObject messages(String json);

    @JSBody(params = "typing", script = "return {typing:typing};")
    static native JSObject typing(boolean typing);

    @JSBody(params = "allowed", script = "return {allowed:allowed};")
    static native JSObject allowed(boolean allowed);

    /** {@code upload-progress}: the file on its way ({@code file: null} once there is none). */
    @JSBody(params = {"name", "percent", "ready", "some"},
            script = "return {file:some?{name:name,percent:percent,ready:ready}:null};")
    static native JSObject upload(String name, int percent, boolean ready, boolean some);

    /** {@code ids}: the messages' ids, space-separated; null when the error is about none. */
    @JSBody(params = {"code", "reason", "message", "detail", "ids"},
            script = "return {code:code,reason:reason,message:message,detail:detail,ids:ids?ids.split(' '):[]};")
    static native JSObject error(int code, String reason, String message, String detail, String ids);

    @JSBody(params = "state", script = "return {state:state};")
    static native JSObject state(String state);

    @JSBody(params = "byCustomer", script = "return {byCustomer:byCustomer};")
    static native JSObject ended(boolean byCustomer);

    /** {@code unread} and {@code restored}. */
    @JSBody(params = "count", script = "return {count:count};")
    static native JSObject count(int count);

    @JSBody(script = "return {};")
    static native JSObject empty();
}
