package dev.guestchat.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Build step after TeaVM: wraps each compiled program so that a plain {@code <script>} gets exactly one global,
 * {@code window.GuestChat}, runs the script-tag auto-init, prints the raw and gzip size, and fails the build
 * when a bundle outgrows its gzip budget. Runs on the JVM during the build; never part of a bundle.
 *
 * <p>Two programs, two forms each: the first stage ({@code loader/}, what pages load: {@code guest-chat.js} and
 * {@code guest-chat.mjs}) and the full widget ({@code guest-chat-full.js}, {@code guest-chat-full.mjs}), which the
 * first stage fetches on intent. Usage:
 * <ul>
 *   <li>{@code BundleFinisher <teavm-output.js> <bundle.js> <element.js> <gzip-budget-bytes>} — the full widget;
 *   <li>{@code BundleFinisher loader <teavm-output.js> <bundle.js> <element.js> <gzip-budget-bytes>};
 *   <li>{@code BundleFinisher esm <teavm-output.mjs> <bundle.mjs> <element.js>} — the full widget as a module;
 *   <li>{@code BundleFinisher esm-loader <teavm-output.mjs> <bundle.mjs> <element.js> <gzip-budget-bytes>}.
 * </ul>
 * {@code element.js} is the hand-written {@code <guest-chat>} custom element appended inside the wrapper.
 */
public final class BundleFinisher {
    private BundleFinisher() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "esm" -> finishModule(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "esm-loader" -> {
                String module = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
                write(Path.of(args[2]), loaderModule(module, element(Path.of(args[3]))), Long.parseLong(args[4]));
            }
            case "loader" -> {
                String module = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
                write(Path.of(args[2]), wrapLoader(module, element(Path.of(args[3]))), Long.parseLong(args[4]));
            }
            default -> {
                String module = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
                write(Path.of(args[1]), wrap(module, element(Path.of(args[2]))), Long.parseLong(args[3]));
            }
        }
    }

    private static String element(Path script) throws IOException {
        return minifyScript(Files.readString(script, StandardCharsets.UTF_8));
    }

    /** Writes a bundle, prints its sizes, and fails the build above {@code budget} bytes gzip. */
    private static void write(Path bundle, String text, long budget) throws IOException {
        Files.createDirectories(bundle.getParent());
        Files.writeString(bundle, text, StandardCharsets.UTF_8);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long gzip = gzipSize(bytes);
        System.out.println("[bundle] " + bundle + ": " + bytes.length + " bytes raw, " + gzip + " bytes gzip"
                + " (budget " + budget + " bytes gzip)");
        if (gzip > budget) {
            throw new IllegalStateException(bundle.getFileName() + " is " + gzip + " bytes gzip, over the budget of " + budget);
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
                + "\n;var g=exports;delete g.main;var w=window.GuestChat;"
                // fetched by the first stage: it owns the global and the element, and gives the widget its options
                + "if(w&&w.adopt){w.adopt(g);return;}"
                + "g.i18nBase=s&&s.src?new URL('i18n/',s.src).href:null;window.GuestChat=g;\n"
                + element
                + "\ntry{g.widget=g.autoInit();}catch(e){console.error('guest-chat: init failed',e);}})();\n";
    }

    /**
     * The first stage's script: {@code gcwLoad(ok, fail)} fetches {@code guest-chat-full.js} from next to this script
     * (or {@code data-full-url}) once for every chat on the page, with this script's nonce for nonce-based CSPs; the
     * full bundle hands itself over through {@code GuestChat.adopt}. Nothing the first stage does throws into the page.
     */
    static String wrapLoader(String module, String element) {
        return "/*! guest-chat-widget | MIT */\n"
                + "(function(){var exports={},module,define,s=document.currentScript,src=s&&s.src,"
                + "url=s&&s.dataset.fullUrl||new URL('guest-chat-full.js',src||location.href).href,full=null,wait=[];\n"
                + "function done(i,v){var c=wait;wait=[];for(var k=0;k<c.length;k++)try{c[k][i](v);}catch(e){"
                + "console.error('guest-chat:',e);}}\n"
                + "function gcwLoad(ok,fail){if(full){ok(full);return;}wait.push([ok,fail]);if(wait.length>1)return;"
                + "var e=document.createElement('script');e.src=url;e.async=true;if(s&&s.nonce)e.nonce=s.nonce;"
                + "e.onload=function(){if(!full){e.remove();done(1);}};e.onerror=function(){e.remove();done(1);};"
                + "document.head.appendChild(e);}\n"
                + module
                + "\n;var g=exports;delete g.main;g.i18nBase=src?new URL('i18n/',src).href:null;"
                + "g.adopt=function(f){full=f;done(0,f);};window.GuestChat=g;\n"
                + element
                + "\ntry{g.widget=g.autoInit();}catch(e){console.error('guest-chat: init failed',e);}})();\n";
    }

    /**
     * The first stage as an ES module (npm {@code import}): {@code gcwLoad} is a dynamic {@code import()} of the full
     * module next to it, which bundlers split into a chunk of its own; exports {@code init} and
     * {@code defineGuestChatElement}.
     */
    static String loaderModule(String module, String elementScript) {
        java.util.Map<String, String> locals = exports(module);
        String body = module.substring(0, module.lastIndexOf("export{"));
        String init = locals.get("init");
        String element = elementScript.replace("})(g);", "})(GuestChat);");
        return "/*! guest-chat-widget | MIT */\n"
                + "function gcwLoad(ok,fail){import('./guest-chat-full.mjs').then(function(m){ok(m);},function(e){"
                + "console.error('guest-chat: could not load the chat',e);fail();});}\n"
                + body
                + "\nexport{" + init + " as init};\n"
                + "export function defineGuestChatElement(){var GuestChat={init:" + init + "};\n" + element + "}\n";
    }

    private static java.util.Map<String, String> exports(String module) {
        java.util.regex.Matcher exports = java.util.regex.Pattern.compile("export\\{([^}]*)\\};?\\s*$").matcher(module);
        if (!exports.find()) {
            throw new IllegalStateException("no export list in the module");
        }
        java.util.Map<String, String> locals = new java.util.HashMap<>();
        for (String binding : exports.group(1).split(",")) {
            String[] parts = binding.trim().split("\\s+as\\s+");
            locals.put(parts.length == 2 ? parts[1] : parts[0], parts[0]);
        }
        return locals;
    }

    /**
     * The ES module build for bundlers: TeaVM's {@code export{…}} names its minified locals; we keep {@code init}
     * and {@code ChatWidget}, drop {@code main}/{@code autoInit} (a module has no {@code currentScript}), and add
     * {@code defineGuestChatElement()} so that importing stays free of side effects.
     */
    static void finishModule(Path compiled, Path out, Path elementScript) throws IOException {
        String module = Files.readString(compiled, StandardCharsets.UTF_8);
        java.util.Map<String, String> locals = exports(module);
        String init = locals.get("init");
        String element = minifyScript(Files.readString(elementScript, StandardCharsets.UTF_8)).replace("})(g);", "})(GuestChat);");
        String result = "/*! guest-chat-widget | MIT */\n" + module.substring(0, module.lastIndexOf("export{"))
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
