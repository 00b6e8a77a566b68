package dev.guestchat.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Checks on the built bundle and on the JS the Java code embeds. */
class BundleTest {
    /** What pages load: the first stage, which fetches the full widget on intent. */
    static final Path FIRST_STAGE = Path.of("web/dist/guest-chat.js");
    /** The full widget as a classic script. */
    static final Path FULL = Path.of("web/dist/guest-chat-full.js");
    /** The session without UI, as a classic script. */
    static final Path HEADLESS = Path.of("web/dist/guest-chat-headless.js");

    @Test
    void bothStagesAreBuiltWrappedAndWithinTheirBudgets() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        for (String[] bundle : new String[][] {{FIRST_STAGE.toString(), "loader.gzip.budget"},
                {"web/dist/guest-chat.mjs", "loader.gzip.budget"}, {FULL.toString(), "bundle.gzip.budget"},
                {"web/dist/guest-chat-full.mjs", "bundle.gzip.budget"},
                {HEADLESS.toString(), "headless.gzip.budget"}, {"web/dist/guest-chat-headless.mjs", "headless.gzip.budget"},
                {"web/dist/guest-chat-full-signed-in.js", "signedin.gzip.budget"},
                {"web/dist/guest-chat-full-signed-in.mjs", "signedin.gzip.budget"},
                {"web/dist/guest-chat-headless-signed-in.js", "headless.signedin.gzip.budget"},
                {"web/dist/guest-chat-headless-signed-in.mjs", "headless.signedin.gzip.budget"}}) {
            String js = Files.readString(Path.of(bundle[0]));
            long budget = Long.parseLong(between(pom, "<" + bundle[1] + ">", "</" + bundle[1] + ">"));
            long gzip = BundleFinisher.gzipSize(js.getBytes(StandardCharsets.UTF_8));
            assertTrue(gzip <= budget, bundle[0] + ": " + gzip + " bytes gzip, budget " + budget);
            assertTrue(js.startsWith(BundleFinisher.HEADER), bundle[0] + " keeps its licence line");
            assertFalse(js.contains("eval("), bundle[0] + ": no eval (strict CSP)");
            assertFalse(js.contains("new Function"), bundle[0] + ": no new Function (strict CSP)");
        }
        assertTrue(Files.readString(FIRST_STAGE).contains("window.GuestChat="), "one global, GuestChat");
        assertTrue(Files.readString(FULL).contains(".adopt("), "the full widget hands itself to a first stage");
        assertTrue(Long.parseLong(between(pom, "<loader.gzip.budget>", "</loader.gzip.budget>")) <= 6 * 1024,
                "a page pays at most 6 KB gzip before the customer shows intent");
        assertTrue(Long.parseLong(between(pom, "<bundle.gzip.budget>", "</bundle.gzip.budget>")) <= 44_000,
                "the full widget stays within issue 9's 44 KB gzip");
    }

    /** A page with its own UI gets no DOM, styles, title changes or custom element from the headless build. */
    @Test
    void theHeadlessSessionDrawsNothing() throws IOException {
        for (Path bundle : List.of(HEADLESS, Path.of("web/dist/guest-chat-headless.mjs"))) {
            String js = Files.readString(bundle);
            for (String drawing : List.of("attachShadow", "adoptedStyleSheets", "document.title=", "customElements",
                    "createElement(", "gcw-")) {
                assertFalse(js.contains(drawing), bundle + " must not contain " + drawing);
            }
        }
        assertTrue(Files.readString(HEADLESS).contains(".session="), "GuestChat.session");
        assertTrue(Files.readString(Path.of("web/dist/guest-chat-headless.mjs")).contains(" as session}"),
                "export { session }");
    }

    @Test
    void noBundleCarriesJavaObjectFormatting() throws IOException {
        for (Path bundle : List.of(FIRST_STAGE, FULL, HEADLESS)) {
            assertFalse(Files.readString(bundle).contains("<java_object>"), bundle + ": ConstantObjectToString ran");
        }
    }

    /**
     * Guests pay nothing for signed-in customers: only the signed-in bundles carry the token service and its storage;
     * the first stage only looks whether the browser holds tokens, to fetch the right one.
     */
    @Test
    void onlyTheSignedInBundlesCarryTheSignIn() throws IOException {
        for (String name : List.of("guest-chat.js", "guest-chat.mjs", "guest-chat-full.js", "guest-chat-full.mjs",
                "guest-chat-headless.js", "guest-chat-headless.mjs")) {
            String js = Files.readString(Path.of("web/dist", name));
            assertFalse(js.contains("oauthcodegrantjwtexchange"), name + " must not carry the token service");
            assertFalse(js.contains(".auth.") && !name.startsWith("guest-chat."), name + " must not carry the token storage");
        }
        for (String name : List.of("guest-chat-full-signed-in.js", "guest-chat-full-signed-in.mjs",
                "guest-chat-headless-signed-in.js", "guest-chat-headless-signed-in.mjs")) {
            String js = Files.readString(Path.of("web/dist", name));
            assertTrue(js.contains("oauthcodegrantjwtexchange") && js.contains(".auth."), name + " signs customers in");
        }
        String firstStage = Files.readString(FIRST_STAGE);
        assertTrue(firstStage.contains("guest-chat-full-signed-in.js"), "the first stage fetches it for auth");
        assertFalse(firstStage.contains("oauthcodegrantjwtexchange"), "the first stage only looks for stored tokens");
        assertTrue(firstStage.contains(BundleFinisher.integrity(
                Files.readAllBytes(Path.of("web/dist/guest-chat-full-signed-in.js")))), "with its integrity");
    }

    /** A page that draws its own chat gets the failures' words, and carries none of the panel's labels. */
    @Test
    void theHeadlessSessionCarriesTheFailureTextsAndNoPanelLabels() throws IOException {
        String js = Files.readString(HEADLESS);
        assertTrue(js.contains("The chat service reported an error."), "a failure's English words");
        for (String label : List.of("Open chat", "Minimise chat", "Type a message", "Show earlier messages")) {
            assertFalse(js.contains(label), "headless must not carry the label " + label);
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from)).trim();
    }

    /**
     * TeaVM renames {@code @JSBody} parameters to short names (a, b, c…) without renaming the script's own locals,
     * so a local called {@code c} can silently shadow a parameter (this broke tab detection once). Every local,
     * inner function and catch variable in a script must therefore start with an underscore.
     */
    @Test
    void jsBodyScriptsUseOnlyUnderscoreLocals() throws IOException {
        // possessive quantifiers: a plain (a|b)* recurses once per character and overflows on long scripts
        Pattern script = Pattern.compile("script\\s*=\\s*((?:\"(?:[^\"\\\\]++|\\\\.)*+\"\\s*+\\+?\\s*+)++)");
        Pattern local = Pattern.compile("(?:\\bvar\\s+|\\bfunction\\s+|\\bfunction\\s*\\(|\\bcatch\\s*\\(|,)\\s*([A-Za-z$][A-Za-z0-9$]*)\\s*(?=[=;,)(])");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = script.matcher(Files.readString(f));
                while (m.find()) {
                    String body = m.group(1).replaceAll("\"\\s*\\+\\s*\"", "");
                    Matcher v = local.matcher(body);
                    while (v.find()) {
                        String name = v.group(1);
                        String before = body.substring(Math.max(0, v.start() - 1), v.start() + 1);
                        boolean declaration = !v.group(0).startsWith(",") || declaresAfterComma(body, v.start());
                        if (declaration && !name.startsWith("_")) {
                            offenders.add(f.getFileName() + ": " + name + " in " + body.substring(0, Math.min(60, body.length())));
                        }
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    /** The TeaVM programs (their output before BundleFinisher) and the pom property naming each one's glue. */
    private static final String[][] PROGRAMS = {{"target/teavm/guest-chat.js", "glue.full"},
        {"target/teavm-esm/guest-chat.mjs", "glue.full"}, {"target/teavm-loader/guest-chat.js", "glue.loader"},
        {"target/teavm-loader-esm/guest-chat.mjs", "glue.loader"},
        {"target/teavm-headless/guest-chat-headless.js", "glue.headless"},
        {"target/teavm-headless-esm/guest-chat-headless.mjs", "glue.headless"}};

    /**
     * Every glue function a program's {@code @JSBody} scripts call is in that program's glue, and no glue name is
     * also one of TeaVM's own (all glue shares the program's scope): a missing or shadowed one fails only in the
     * browser, at the first call.
     */
    @Test
    void everyProgramCarriesTheGlueItCalls() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Map<String, Path> declaredIn = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/js"))) {
            for (Path f : files.filter(BundleTest::isGlue).sorted().toList()) {
                for (String name : topLevelNames(Files.readString(f))) {
                    Path earlier = declaredIn.putIfAbsent(name, f);
                    assertTrue(earlier == null, name + " is declared in both " + earlier + " and " + f);
                }
            }
        }
        for (String[] program : PROGRAMS) {
            String compiled = Files.readString(Path.of(program[0]));
            List<String> glue = List.of(between(pom, "<" + program[1] + ">", "</" + program[1] + ">")
                    .replace("${project.basedir}/", "").split(","));
            for (Map.Entry<String, Path> name : declaredIn.entrySet()) {
                Matcher use = Pattern.compile("(.)\\b" + Pattern.quote(name.getKey()) + "\\b(.)").matcher(compiled);
                while (use.find()) {
                    assertTrue(use.group(2).equals("(") && !use.group(1).equals("."),
                            program[0] + " uses " + name.getKey() + " other than as a call to the glue");
                    assertTrue(glue.stream().anyMatch(g -> name.getValue().startsWith(Path.of(g))),
                            program[0] + " calls " + name.getKey() + " of " + name.getValue() + ", not in its "
                                    + program[1] + " " + glue);
                }
            }
        }
    }

    /** What is left of JS inside Java strings is one-liners calling the glue: under 3,000 characters in all. */
    @Test
    void theJavaCodeEmbedsOnlyOneLiners() throws IOException {
        Pattern script = Pattern.compile("script\\s*=\\s*((?:\"(?:[^\"\\\\]++|\\\\.)*+\"\\s*+\\+?\\s*+)++)");
        int characters = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = script.matcher(Files.readString(f));
                while (m.find()) {
                    String body = m.group(1).replaceAll("\"\\s*\\+\\s*\"", "").trim();
                    characters += body.length() - 2;
                    assertTrue(body.length() - 2 <= 120, f.getFileName() + ": a long script belongs in src/main/js: " + body);
                }
            }
        }
        assertTrue(characters <= 3_000, characters + " characters of JS in @JSBody strings");
    }

    private static boolean isGlue(Path p) {
        return p.toString().endsWith(".js") && !p.getFileName().toString().equals("guest-chat-element.js");
    }

    /** The names a glue module declares at its top level (functions and constants). */
    private static List<String> topLevelNames(String module) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^(?:export\\s+)?(?:function\\s+|const\\s+|let\\s+)([A-Za-z_$][\\w$]*)").matcher(module);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** A comma continues a declaration only inside {@code var a=…,b=…}. */
    private static boolean declaresAfterComma(String body, int at) {
        int var = body.lastIndexOf("var ", at);
        int end = body.lastIndexOf(';', at);
        return var > end && body.lastIndexOf('(', at) < var;
    }
}
