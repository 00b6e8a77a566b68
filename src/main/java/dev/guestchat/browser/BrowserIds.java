package dev.guestchat.browser;

import dev.guestchat.core.Ports;
import org.teavm.jso.JSBody;

/** Random UUIDs from the browser's crypto (tokens must not be guessable: they are the guest's identity). */
public final class BrowserIds implements Ports.IdSource {
    @Override
    public String newId() {
        return uuid();
    }

    @JSBody(script = "var _c=self.crypto;if(_c&&_c.randomUUID)return _c.randomUUID();"
            + "var _b=new Uint8Array(16);_c.getRandomValues(_b);_b[6]=_b[6]&15|64;_b[8]=_b[8]&63|128;var _h='';"
            + "for(var _i=0;_i<16;_i++){_h+=(_b[_i]+256).toString(16).slice(1);if(_i==3||_i==5||_i==7||_i==9)_h+='-';}"
            + "return _h;")
    static native String uuid();
}
