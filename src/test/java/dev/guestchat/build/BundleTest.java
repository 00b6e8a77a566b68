package dev.guestchat.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Checks on the built bundle and on the JS the Java code embeds. */
class BundleTest {
    static final Path BUNDLE = Path.of("web/dist/guest-chat.js");

    @Test
    void theBundleIsBuiltWrappedAndWithinBudget() throws IOException {
        String js = Files.readString(BUNDLE);
        assertTrue(js.contains("window.GuestChat=g"), "one global, GuestChat");
        assertTrue(BundleFinisher.gzipSize(js.getBytes()) <= 42_496, "≤ 41.5 KiB gzip (the pom's bundle.gzip.budget)");
        assertFalse(js.contains("eval("), "no eval (strict CSP)");
        assertFalse(js.contains("new Function"), "no new Function (strict CSP)");
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

    /** A comma continues a declaration only inside {@code var a=…,b=…}. */
    private static boolean declaresAfterComma(String body, int at) {
        int var = body.lastIndexOf("var ", at);
        int end = body.lastIndexOf(';', at);
        return var > end && body.lastIndexOf('(', at) < var;
    }
}
