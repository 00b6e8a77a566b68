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
        if (args[0].equals("esm")) {
            finishModule(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            return;
        }
        Path compiled = Path.of(args[0]);
        Path bundle = Path.of(args[1]);
        long budget = Long.parseLong(args[3]);
        String module = Files.readString(compiled, StandardCharsets.UTF_8);
        String element = minifyScript(Files.readString(Path.of(args[2]), StandardCharsets.UTF_8));
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
                + "(function(){var exports={},module,define,s=document.currentScript;\n"
                + module
                + "\n;var g=exports;delete g.main;"
                + "g.i18nBase=s&&s.src?new URL('i18n/',s.src).href:null;window.GuestChat=g;\n"
                + element
                + "\ntry{g.widget=g.autoInit();}catch(e){console.error('guest-chat: init failed',e);}})();\n";
    }

    /**
     * The ES module build for bundlers: TeaVM's {@code export{…}} names its minified locals; we keep {@code init}
     * and {@code ChatWidget}, drop {@code main}/{@code autoInit} (a module has no {@code currentScript}), and add
     * {@code defineGuestChatElement()} so that importing stays free of side effects.
     */
    static void finishModule(Path compiled, Path out, Path elementScript) throws IOException {
        String module = Files.readString(compiled, StandardCharsets.UTF_8);
        java.util.regex.Matcher exports = java.util.regex.Pattern.compile("export\\{([^}]*)\\};?\\s*$").matcher(module);
        if (!exports.find()) {
            throw new IllegalStateException("no export list in " + compiled);
        }
        java.util.Map<String, String> locals = new java.util.HashMap<>();
        for (String binding : exports.group(1).split(",")) {
            String[] parts = binding.trim().split("\\s+as\\s+");
            locals.put(parts.length == 2 ? parts[1] : parts[0], parts[0]);
        }
        String init = locals.get("init");
        String element = minifyScript(Files.readString(elementScript, StandardCharsets.UTF_8)).replace("})(g);", "})(GuestChat);");
        String result = "/*! guest-chat-widget | MIT */\n" + module.substring(0, exports.start())
                + "\nexport{" + init + " as init," + locals.get("ChatWidget") + " as ChatWidget};\n"
                + "export function defineGuestChatElement(){var GuestChat={init:" + init + "};\n" + element + "}\n";
        Files.createDirectories(out.getParent());
        Files.writeString(out, result, StandardCharsets.UTF_8);
        byte[] bytes = result.getBytes(StandardCharsets.UTF_8);
        System.out.println("[bundle] " + out + ": " + bytes.length + " bytes raw, " + gzipSize(bytes) + " bytes gzip (ES module)");
    }

    /** The hand-written element script without comments and indentation. */
    static String minifyScript(String script) {
        return script.replaceAll("(?m)^\\s*//.*\\R", "").replaceAll("(?m)^\\s+", "");
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
