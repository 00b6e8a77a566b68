package dev.guestchat.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Build step after TeaVM: wraps each compiled program so that a plain {@code <script>} gets exactly one global,
 * {@code window.GuestChat}, runs the script-tag auto-init, minifies the result with terser, prints the raw and gzip
 * size, and fails the build when a bundle outgrows its gzip budget. Runs on the JVM during the build; never part of
 * a bundle.
 *
 * <p>Three programs, two forms each: the first stage ({@code dev.guestchat.loader}, what pages load: {@code guest-chat.js} and
 * {@code guest-chat.mjs}), the full widget ({@code guest-chat-full.js}, {@code guest-chat-full.mjs}), which the
 * first stage fetches on intent, and the headless session ({@code guest-chat-headless.js}, {@code .mjs}). Usage:
 * {@code BundleFinisher <form> <teavm-output> <bundle> <element.js> <gzip-budget-bytes> <terser-cli.js> <glue>}, where
 * {@code form} is {@code script} or {@code module} (the full widget), {@code loader} or {@code loader-module} (the
 * first stage), or {@code headless} or {@code headless-module} (the session without UI, which takes no element), {@code element.js} is the hand-written {@code <guest-chat>}
 * custom element put inside the wrapper, and {@code glue} names, comma-separated, the folders (or files) of the
 * program's browser glue: JavaScript modules whose exported functions the Java code's {@code @JSBody} one-liners
 * call by name. They go in front of TeaVM's output, inside the same wrapper, with {@code export} and {@code import}
 * taken out (all glue of a program shares one scope), so terser minifies and renames them with the calls.
 *
 * <p>Why terser after TeaVM: TeaVM minifies names but leaves its runtime's unused helpers and long forms in; terser's
 * compressor takes ~10 % off the gzip size of each bundle, which the first stage needs to fit its 6 KB.
 */
public final class BundleFinisher {
    /**
     * terser's compressor options: two passes, nothing that assumes more about the code than ECMAScript does.
     * {@code hoist_funs} moves function declarations to the top of their scope, as the language itself does, and
     * lets gzip find TeaVM's many same-shaped constructors side by side: ~240 B gzip off the full widget.
     */
    static final List<String> TERSER_OPTIONS = List.of("--compress", "passes=2,hoist_funs=true", "--mangle",
            "--comments", "some");

    /** Kept by terser ({@code --comments some}): the licence line every bundle starts with. */
    static final String HEADER = "/*! guest-chat-widget | MIT */\n";

    /** Both script forms end alike: the script tag's data-* initialise the chat, and a failure stays on the console. */
    static final String SCRIPT_TAG_INIT =
            "\ntry{g.widget=g.autoInit();}catch(e){console.error('guest-chat: init failed',e);}})();\n";

    private BundleFinisher() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String form = args[0];
        String compiled = withGlue(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8), glue(args[6]));
        Path bundle = Path.of(args[2]);
        String element = minifyScript(Files.readString(Path.of(args[3]), StandardCharsets.UTF_8));
        long budget = Long.parseLong(args[4]);
        Path terser = Path.of(args[5]);
        String wrapped = switch (form) {
            case "script" -> wrap(compiled, element);
            case "module" -> module(compiled, element, true);
            case "loader" -> wrapLoader(compiled, element,
                    integrity(Files.readAllBytes(bundle.resolveSibling("guest-chat-full.js"))),
                    integrity(Files.readAllBytes(bundle.resolveSibling("guest-chat-full-signed-in.js"))));
            case "loader-module" -> loaderModule(compiled, element);
            case "headless" -> wrapHeadless(compiled);
            case "headless-module" -> headlessModule(compiled);
            default -> throw new IllegalArgumentException("unknown form " + form);
        };
        write(bundle, minify(wrapped, terser, form.endsWith("module")), budget);
        writeIntegrity(bundle.getParent());
    }

    /**
     * The glue modules in these folders and files (sorted by path, for a reproducible bundle) as one script: an
     * {@code export} keyword is dropped from its declaration and an {@code import} line dropped entirely.
     */
    static String glue(String paths) throws IOException {
        StringBuilder glue = new StringBuilder();
        for (String path : paths.split(",")) {
            List<Path> modules;
            try (var files = Files.walk(Path.of(path.trim()))) {
                modules = files.filter(f -> f.toString().endsWith(".js")).sorted().toList();
            }
            for (Path module : modules) {
                glue.append(scriptOf(Files.readString(module, StandardCharsets.UTF_8))).append('\n');
            }
        }
        return glue.toString();
    }

    /**
     * One glue module as a plain script for the shared scope. Its top-level functions become constants: terser
     * hoists function declarations to the top of the scope (which gzip likes in TeaVM's code), and that would take
     * the glue ~85 KB away from the class names and texts in TeaVM's string pool it repeats, out of gzip's 32 KB
     * window (+290 B gzip on the full widget); as constants they stay where {@link #withGlue} puts them.
     */
    static String scriptOf(String module) {
        return module.replaceAll("(?m)^import\\b[^;]*;[ \\t]*$", "")
                .replaceAll("(?m)^export\\s+(?=function\\b|const\\b|let\\b|class\\b)", "")
                .replaceAll("(?m)^function\\s+([A-Za-z_$][\\w$]*)\\s*\\(", "const $1=function(");
    }

    /**
     * TeaVM's output with the glue at its end (before a module's export list), next to TeaVM's string pool. Nothing
     * calls the glue before it is there: the programs start from the wrapper's tail, after both.
     */
    static String withGlue(String compiled, String glue) {
        int exports = compiled.lastIndexOf("export{");
        return exports < 0 ? compiled + "\n;" + glue : compiled.substring(0, exports) + glue + compiled.substring(exports);
    }

    /** The Subresource Integrity value of these bytes: {@code sha384-} and the base64 of their SHA-384. */
    static String integrity(byte[] bytes) {
        try {
            return "sha384-" + java.util.Base64.getEncoder().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-384").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-384
        }
    }

    /**
     * {@code integrity.json} next to the bundles: the SRI value of every file in {@code dist} (scripts, modules and
     * catalogues), for sites that serve them from a CDN; written again after each bundle, so the last one has all.
     */
    static void writeIntegrity(Path dist) throws IOException {
        List<Path> files = new ArrayList<>();
        try (var all = Files.walk(dist)) {
            all.filter(f -> f.toString().matches(".*\\.(js|mjs|json)$") && !f.getFileName().toString().equals("integrity.json"))
                    .sorted().forEach(files::add);
        }
        StringBuilder json = new StringBuilder("{\n");
        for (int i = 0; i < files.size(); i++) {
            json.append("  \"").append(dist.relativize(files.get(i)).toString().replace('\\', '/')).append("\": \"")
                    .append(integrity(Files.readAllBytes(files.get(i)))).append(i + 1 < files.size() ? "\",\n" : "\"\n");
        }
        Files.writeString(dist.resolve("integrity.json"), json.append("}\n").toString(), StandardCharsets.UTF_8);
    }

    /** {@code text} through terser ({@code node} on the build machine runs it; {@code src/build} installs it). */
    static String minify(String text, Path terserCli, boolean module) throws IOException, InterruptedException {
        Path in = Files.createTempFile("guest-chat", module ? ".mjs" : ".js");
        Path out = Files.createTempFile("guest-chat-min", module ? ".mjs" : ".js");
        try {
            Files.writeString(in, text, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of("node", terserCli.toString(), in.toString(), "-o", out.toString()));
            command.addAll(TERSER_OPTIONS);
            if (module) {
                command.add("--module"); // strict code with top-level names of its own: they may be renamed too
            }
            Process terser = new ProcessBuilder(command).inheritIO().start();
            if (terser.waitFor() != 0) {
                throw new IllegalStateException("terser failed (exit " + terser.exitValue() + "): " + command);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
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
        return HEADER
                + "(function(){var exports={},module,define,s=document.currentScript;\n"
                + module
                + "\n;var g=exports;delete g.main;var w=window.GuestChat;"
                // fetched by the first stage: it owns the global and the element, and gives the widget its options
                + "if(w&&w.adopt){w.adopt(g);return;}"
                + "g.i18nBase=s&&s.src?new URL('i18n/',s.src).href:null;window.GuestChat=g;\n"
                + element
                + SCRIPT_TAG_INIT;
    }

    /**
     * The first stage's script: {@code gcwLoad(signedIn, ok, fail)} fetches {@code guest-chat-full.js} from next to
     * this script (or {@code data-full-url}) once for every chat on the page — {@code guest-chat-full-signed-in.js}
     * (or {@code data-signed-in-url}) when the page signs its customer in ({@code auth}), so guests never pay for it — with this script's nonce for nonce-based CSPs and
     * the full widget's Subresource Integrity ({@code integrity}, built in, with {@code crossorigin="anonymous"}), so a
     * swapped or mismatched file is refused by the browser; the full bundle hands itself over through
     * {@code GuestChat.adopt}. Nothing the first stage does throws into the page.
     */
    static String wrapLoader(String module, String element, String fullIntegrity, String signedInIntegrity) {
        return HEADER
                + "(function(){var exports={},module,define,s=document.currentScript,src=s&&s.src,d=s?s.dataset:{},"
                + "full=null,wait=[];\n"
                + "function done(i,v){var c=wait;wait=[];for(var k=0;k<c.length;k++)try{c[k][i](v);}catch(e){"
                + "console.error('guest-chat:',e);}}\n"
                + "function gcwLoad(a,ok,fail){if(full){ok(full);return;}wait.push([ok,fail]);if(wait.length>1)return;"
                + "var e=document.createElement('script');e.src=a?d.signedInUrl||new URL('guest-chat-full-signed-in.js',"
                + "src||location.href).href:d.fullUrl||new URL('guest-chat-full.js',src||location.href).href;"
                + "e.async=true;if(s&&s.nonce)e.nonce=s.nonce;"
                + "e.integrity=a?'" + signedInIntegrity + "':'" + fullIntegrity + "';e.crossOrigin='anonymous';"
                + "e.onload=function(){if(!full){e.remove();done(1);}};e.onerror=function(){e.remove();done(1);};"
                + "document.head.appendChild(e);}\n"
                + module
                + "\n;var g=exports;delete g.main;g.i18nBase=src?new URL('i18n/',src).href:null;"
                + "g.adopt=function(f){full=f;done(0,f);};window.GuestChat=g;\n"
                + element
                + SCRIPT_TAG_INIT;
    }

    /**
     * The first stage as an ES module (npm {@code import}): {@code gcwLoad} is a dynamic {@code import()} of the full
     * module next to it, which bundlers split into a chunk of its own; exports {@code init} and
     * {@code defineGuestChatElement}.
     */
    static String loaderModule(String module, String elementScript) {
        return HEADER
                + "function gcwLoad(a,ok,fail){(a?import('./guest-chat-full-signed-in.mjs'):import('./guest-chat-full.mjs'))"
                + ".then(function(m){ok(m);},function(e){"
                + "console.error('guest-chat: could not load the chat',e);fail();});}\n"
                + module(module, elementScript, false).substring(HEADER.length());
    }

    /**
     * The headless session's script: adds {@code session} to {@code window.GuestChat} (created when this is the only
     * chat script on the page), nothing else global, no auto-init and no element: it draws nothing.
     */
    static String wrapHeadless(String module) {
        return HEADER
                + "(function(){var exports={},module,define;\n"
                + module
                + "\n;var g=window.GuestChat||(window.GuestChat={});g.session=exports.session;})();\n";
    }

    /** The headless session as an ES module: {@code export function session(options)}, no side effects. */
    static String headlessModule(String module) {
        return HEADER + module.substring(0, module.lastIndexOf("export{"))
                + "\nexport{" + exports(module).get("session") + " as session};\n";
    }

    private static Map<String, String> exports(String module) {
        Matcher exports = Pattern.compile("export\\{([^}]*)\\};?\\s*$").matcher(module);
        if (!exports.find()) {
            throw new IllegalStateException("no export list in the module");
        }
        Map<String, String> locals = new HashMap<>();
        for (String binding : exports.group(1).split(",")) {
            String[] parts = binding.trim().split("\\s+as\\s+");
            locals.put(parts.length == 2 ? parts[1] : parts[0], parts[0]);
        }
        return locals;
    }

    /**
     * The full widget as an ES module for bundlers: TeaVM's {@code export{…}} names its minified locals; we keep
     * {@code init} and {@code ChatWidget}, drop {@code main}/{@code autoInit} (a module has no {@code currentScript}),
     * and add {@code defineGuestChatElement()} so that importing stays free of side effects.
     */
    static String module(String module, String elementScript, boolean withWidgetClass) {
        Map<String, String> locals = exports(module);
        String init = locals.get("init");
        String element = elementScript.replace("})(g);", "})(GuestChat);");
        return HEADER + module.substring(0, module.lastIndexOf("export{"))
                + "\nexport{" + init + " as init" + (withWidgetClass ? "," + locals.get("ChatWidget") + " as ChatWidget" : "")
                + "};\nexport function defineGuestChatElement(){var GuestChat={init:" + init + "};\n" + element + "}\n";
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
