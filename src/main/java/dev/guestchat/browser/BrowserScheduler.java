package dev.guestchat.browser;

import dev.guestchat.core.Ports;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;

/** Timers on the page's event loop. */
public final class BrowserScheduler implements Ports.Scheduler {
    @Override
    public double now() {
        return dateNow();
    }

    @Override
    public Ports.Cancellable schedule(double delayMillis, Runnable task) {
        int id = Window.setTimeout(() -> task.run(), delayMillis); // not task::run, which adds a null check
        return () -> Window.clearTimeout(id);
    }

    @JSBody(script = "return Date.now();")
    static native double dateNow();
}
