package dev.guestchat.browser;

import dev.guestchat.core.Ports;
import org.teavm.jso.JSBody;

/** Random UUIDs from the browser's crypto (tokens must not be guessable: they are the guest's identity). */
public final class BrowserIds implements Ports.IdSource {
    @Override
    public String newId() {
        return uuid();
    }

    @JSBody(script = "var c=self.crypto;if(c&&c.randomUUID)return c.randomUUID();"
            + "var b=new Uint8Array(16);c.getRandomValues(b);b[6]=b[6]&15|64;b[8]=b[8]&63|128;var h='';"
            + "for(var i=0;i<16;i++){h+=(b[i]+256).toString(16).slice(1);if(i==3||i==5||i==7||i==9)h+='-';}return h;")
    static native String uuid();
}
