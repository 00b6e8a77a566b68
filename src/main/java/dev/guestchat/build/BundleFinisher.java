package dev.guestchat.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Build step after TeaVM: wraps the compiled module so that a plain {@code <script>} gets exactly one global,
 * {@code window.GuestChat}, runs the script-tag auto-init, prints the raw and gzip size, and fails the build
 * when the widget outgrows its gzip budget. Runs on the JVM during the build; never part of the bundle.
 *
 * <p>Usage: {@code BundleFinisher <teavm-output.js> <bundle.js> <element.js> <gzip-budget-bytes>}, where
 * {@code element.js} is the hand-written {@code <guest-chat>} custom element appended inside the wrapper.
 */
public final class BundleFinisher {
    private BundleFinisher() {
    }

    public static void main(String[] args) throws IOException {
        Path compiled = Path.of(args[0]);
        Path bundle = Path.of(args[1]);
        long budget = Long.parseLong(args[3]);
        String module = Files.readString(compiled, StandardCharsets.UTF_8);
        String element = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8)
                .replaceAll("(?m)^\\s*//.*\\R", "").replaceAll("(?m)^\\s+", ""); // comments and indentation
        String wrapped = wrap(module, element);
        Files.createDirectories(bundle.getParent());
        Files.writeString(bundle, wrapped, StandardCharsets.UTF_8);
        long raw = wrapped.getBytes(StandardCharsets.UTF_8).length;
        long gzip = gzipSize(wrapped.getBytes(StandardCharsets.UTF_8));
        System.out.println("[bundle] " + bundle + ": " + raw + " bytes raw, " + gzip + " bytes gzip"
                + " (budget " + budget + " bytes gzip)");
        if (gzip > budget) {
            throw new IllegalStateException("widget bundle is " + gzip + " bytes gzip, over the budget of " + budget);
        }
    }

    /**
     * TeaVM's UMD prologue writes its exports to an AMD/CommonJS module when one is around, else to the global
     * object. Shadowing {@code define}, {@code module} and {@code exports} makes it write into our own object
     * instead, which becomes {@code GuestChat}; the host's module loader never sees the widget.
     */
    static String wrap(String module, String element) {
        return "/*! guest-chat-widget | MIT */\n"
                + "(function(){var exports={},module,define;\n"
                + module
                + "\n;var g=exports;delete g.main;window.GuestChat=g;\n"
                + element
                + "\ntry{g.widget=g.autoInit();}catch(e){console.error('guest-chat: init failed',e);}})();\n";
    }

    public static long gzipSize(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(9);
            }
        }) {
            gz.write(data);
        }
        return out.size();
    }
}
