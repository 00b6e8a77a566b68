package dev.guestchat.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Headless Firefox ESR (Debian's {@code firefox-esr}) driven over WebDriver BiDi, which Firefox speaks itself:
 * Debian has no geckodriver and Selenium Manager cannot download one here. Input is real (BiDi
 * {@code input.performActions}), scripts run through {@code script.callFunction}.
 */
public final class FirefoxBidi implements Engine {
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    /** Prefs for a quiet test profile: no first-run pages, no background traffic, reduced motion (as in Chromium). */
    private static final String PREFS = String.join("\n",
            "user_pref('browser.shell.checkDefaultBrowser', false);",
            "user_pref('browser.startup.homepage_override.mstone', 'ignore');",
            "user_pref('browser.aboutwelcome.enabled', false);",
            "user_pref('datareporting.policy.dataSubmissionEnabled', false);",
            "user_pref('toolkit.telemetry.reportingpolicy.firstRun', false);",
            "user_pref('app.update.disabledForTesting', true);",
            "user_pref('services.settings.server', 'http://127.0.0.1:9/');",
            "user_pref('network.captive-portal-service.enabled', false);",
            "user_pref('network.connectivity-service.enabled', false);",
            "user_pref('browser.safebrowsing.update.enabled', false);",
            "user_pref('extensions.update.enabled', false);",
            "user_pref('extensions.blocklist.enabled', false);",
            "user_pref('app.normandy.enabled', false);",
            "user_pref('dom.push.serverURL', '');",
            "user_pref('browser.region.network.url', '');",
            "user_pref('geo.provider.network.url', '');",
            "user_pref('browser.newtabpage.enabled', false);",
            "user_pref('browser.tabs.warnOnClose', false);",
            "user_pref('ui.prefersReducedMotion', 1);",
            "user_pref('intl.accept_languages', 'en-US, en');",
            "");

    private final Process process;
    private final Path profile;
    private final BidiConnection bidi;
    /** The tab commands go to; null after it was closed until {@link #switchTo}. */
    private String context;

    public FirefoxBidi() {
        try {
            profile = Files.createTempDirectory("gcw-firefox");
            Files.writeString(profile.resolve("user.js"), PREFS);
            process = new ProcessBuilder(System.getProperty("firefox", "/usr/bin/firefox-esr"), "--headless",
                    "--no-remote", "--profile", profile.toString(), "--remote-debugging-port", "0",
                    "--width", "1200", "--height", "900", "about:blank").redirectErrorStream(true).start();
            String url = awaitListening(process);
            bidi = new BidiConnection(url + "/session");
            ObjectNode caps = BidiConnection.params();
            caps.putObject("capabilities").putObject("alwaysMatch").put("acceptInsecureCerts", true)
                    .putObject("unhandledPromptBehavior").put("default", "ignore");
            bidi.send("session.new", caps);
            context = bidi.send("browsingContext.getTree", BidiConnection.params()).path("contexts").path(0)
                    .path("context").asString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Firefox", e);
        }
    }

    /** Reads the browser's output until it names its BiDi endpoint; the rest of the output is drained. */
    private static String awaitListening(Process p) {
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the browser went away
            }
            url.completeExceptionally(new IllegalStateException("Firefox exited before listening"));
        }, "firefox-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return url.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("Firefox did not start its BiDi endpoint", e);
        }
    }

    @Override
    public String name() {
        return "firefox";
    }

    @Override
    public void get(String url) {
        bidi.send("browsingContext.navigate", target().put("url", url).put("wait", "complete"));
    }

    @Override
    public Object js(String script, Object... args) {
        ObjectNode p = BidiConnection.params().put("functionDeclaration", "function(){" + script + "\n}")
                .put("awaitPromise", true).put("userActivation", true);
        p.putObject("target").put("context", context);
        ArrayNode arguments = p.putArray("arguments");
        for (Object a : args) {
            arguments.add(local(a));
        }
        JsonNode result = bidi.send("script.callFunction", p);
        if ("exception".equals(result.path("type").asString())) {
            throw new IllegalStateException("script failed: " + result.path("exceptionDetails").path("text").asString());
        }
        return remote(result.path("result"));
    }

    @Override
    public void click(String css) {
        pointerClick("var el=document.querySelector(arguments[0]);", css);
    }

    @Override
    public void clickInWidget(String css) {
        pointerClick(WIDGET_ELEMENT, css);
    }

    private void pointerClick(String find, String css) {
        Object at = js(find + "if(!el)return null;el.scrollIntoView({block:'center'});var r=el.getBoundingClientRect();"
                + "return [Math.round(r.left+r.width/2),Math.round(r.top+r.height/2)];", css);
        if (!(at instanceof List<?> xy)) {
            throw new IllegalStateException("firefox: no element " + css);
        }
        ObjectNode p = target();
        ArrayNode steps = p.putArray("actions").addObject().put("type", "pointer").put("id", "mouse")
                .putArray("actions");
        steps.addObject().put("type", "pointerMove").put("x", ((Number) xy.get(0)).intValue())
                .put("y", ((Number) xy.get(1)).intValue());
        steps.addObject().put("type", "pointerDown").put("button", 0);
        steps.addObject().put("type", "pointerUp").put("button", 0);
        p.get("actions").get(0).withObject("parameters").put("pointerType", "mouse");
        bidi.send("input.performActions", p);
    }

    @Override
    public void typeInWidget(String css, String text) {
        js(WIDGET_ELEMENT + "if(el)el.focus();", css);
        ObjectNode p = target();
        ArrayNode keys = p.putArray("actions").addObject().put("type", "key").put("id", "keyboard").putArray("actions");
        text.codePoints().forEach(cp -> {
            String key = cp == '\n' ? "\uE007" : new String(Character.toChars(cp));
            keys.addObject().put("type", "keyDown").put("value", key);
            keys.addObject().put("type", "keyUp").put("value", key);
        });
        bidi.send("input.performActions", p);
    }

    @Override
    public String newTab() {
        context = bidi.send("browsingContext.create", BidiConnection.params().put("type", "tab")).path("context").asString();
        bidi.send("browsingContext.activate", target());
        return context;
    }

    @Override
    public String tab() {
        return context;
    }

    @Override
    public void switchTo(String handle) {
        context = handle;
        bidi.send("browsingContext.activate", target());
    }

    /** Closes the tab as Firefox's UI does: {@code beforeunload} first. */
    @Override
    public void closeTab() {
        closeTab(true);
    }

    /** @param asUser run {@code beforeunload} first, as closing the tab in the browser's UI does; false is a close
     *               only automation can make */
    public void closeTab(boolean asUser) {
        bidi.send("browsingContext.close", target().put("promptUnload", asUser));
        context = null;
    }

    @Override
    public void back() {
        bidi.send("browsingContext.traverseHistory", target().put("delta", -1));
    }

    @Override
    public void reload() {
        bidi.send("browsingContext.reload", target().put("wait", "complete"));
    }

    @Override
    public String url() {
        return bidi.send("browsingContext.getTree", BidiConnection.params().put("root", context).put("maxDepth", 0))
                .path("contexts").path(0).path("url").asString();
    }

    @Override
    public List<String> tabs() {
        List<String> out = new ArrayList<>();
        for (JsonNode c : bidi.send("browsingContext.getTree", BidiConnection.params().put("maxDepth", 0)).path("contexts")) {
            out.add(c.path("context").asString());
        }
        return out;
    }

    @Override
    public void close() {
        try {
            bidi.send("browser.close", BidiConnection.params());
        } catch (RuntimeException ignored) {
            // the browser may already be gone
        }
        bidi.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        TempDirs.delete(profile);
    }

    private ObjectNode target() {
        return BidiConnection.params().put("context", context);
    }

    private static JsonNode local(Object value) {
        ObjectNode v = BidiConnection.params();
        if (value == null) {
            return v.put("type", "null");
        }
        if (value instanceof String s) {
            return v.put("type", "string").put("value", s);
        }
        if (value instanceof Boolean b) {
            return v.put("type", "boolean").put("value", b);
        }
        if (value instanceof Number n) {
            return v.put("type", "number").put("value", n.doubleValue());
        }
        throw new IllegalArgumentException("unsupported script argument " + value);
    }

    /** A BiDi RemoteValue as WebDriver classic returns it: Long for whole numbers, List, Map, String, Boolean. */
    private static Object remote(JsonNode v) {
        String type = v.path("type").asString();
        switch (type) {
            case "undefined", "null" -> {
                return null;
            }
            case "string" -> {
                return v.path("value").asString();
            }
            case "boolean" -> {
                return v.path("value").asBoolean();
            }
            case "number" -> {
                JsonNode n = v.path("value");
                if (!n.isNumber()) {
                    return n.asString(); // NaN, -0, Infinity
                }
                double d = n.asDouble();
                return d == Math.rint(d) && Math.abs(d) < 9e15 ? (Object) (long) d : (Object) d;
            }
            case "array" -> {
                List<Object> out = new ArrayList<>();
                for (JsonNode item : v.path("value")) {
                    out.add(remote(item));
                }
                return out;
            }
            case "object" -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (JsonNode pair : v.path("value")) {
                    JsonNode key = pair.path(0);
                    out.put(key.isString() ? key.asString() : String.valueOf(remote(key)), remote(pair.path(1)));
                }
                return out;
            }
            default -> {
                return type;
            }
        }
    }
}
