package dev.guestchat.browser;

import dev.guestchat.core.Ports;
import org.teavm.jso.JSBody;

/** Random UUIDs from the browser's crypto (tokens must not be guessable: they are the guest's identity). */
public final class BrowserIds implements Ports.IdSource {
    @Override
    public String newId() {
        return uuid();
    }

    @JSBody(script = "return randomUuid();")
    static native String uuid();
}
