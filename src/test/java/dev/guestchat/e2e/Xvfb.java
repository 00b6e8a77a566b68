package dev.guestchat.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A virtual X display for browsers that have no headless mode (WebKitGTK's MiniBrowser). */
final class Xvfb implements AutoCloseable {
    private final Process process;
    /** {@code :N}. */
    private final String name;

    private Xvfb(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    /** Starts Xvfb on a free display number, or returns null when the machine already has a display. */
    static Xvfb startUnlessDisplayed() {
        String existing = System.getenv("DISPLAY");
        if (existing != null && !existing.isEmpty()) {
            return null;
        }
        for (int n = 90; n < 140; n++) {
            if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                continue;
            }
            try {
                Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                int display = n;
                if (SimulatorFixture.eventually(Duration.ofSeconds(10),
                        () -> Files.exists(Path.of("/tmp/.X11-unix/X" + display)) || !p.isAlive()) && p.isAlive()) {
                    return new Xvfb(p, ":" + n);
                }
                p.destroyForcibly();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start Xvfb (Debian package xvfb)", e);
            }
        }
        throw new IllegalStateException("no free X display number");
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
