package dev.guestchat.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Test temp directories (a browser profile, the simulator's /flaky files). */
final class TempDirs {
    private TempDirs() {
    }

    /** Deletes the directory and everything in it; a temp dir left behind is harmless, so failures are ignored. */
    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // left behind
        }
    }
}
