package dev.guestchat.npm;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guestchat.e2e.Browser;
import dev.guestchat.simulator.GuestApiSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The npm package as a developer gets it: {@code npm pack}, installed into an empty project, type-checked by
 * {@code tsc}, and run in Chromium. The declared types are compared with what the code really exports.
 */
class NpmPackageTest {
    @TempDir
    static Path work;
    static Path tarball;
    static Path project;

    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + out);
        return out;
    }

    @BeforeAll
    static void packAndInstall() throws Exception {
        String name = run(Path.of("web"), "npm", "pack", "--silent", "--pack-destination", work.toString()).trim();
        tarball = work.resolve(name.lines().reduce((a, b) -> b).orElseThrow());
        project = Files.createDirectories(work.resolve("app"));
        Files.writeString(project.resolve("package.json"), "{\"name\":\"empty-app\",\"version\":\"1.0.0\",\"private\":true,"
                + "\"type\":\"module\"}");
        run(project, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error", tarball.toString(), "typescript@5");
    }

    @Test
    void thePackageHoldsTheBundlesTypesCssAndReadmeAndNothingElse() throws Exception {
        List<String> files = new ArrayList<>(List.of(run(work, "tar", "tzf", tarball.toString()).trim().split("\\R")));
        files.sort(null);
        assertEquals(List.of("package/README.md", "package/dist/guest-chat-full-signed-in.js",
                "package/dist/guest-chat-full-signed-in.mjs", "package/dist/guest-chat-full.js", "package/dist/guest-chat-full.mjs",
                "package/dist/guest-chat-headless-signed-in.js", "package/dist/guest-chat-headless-signed-in.mjs",
                "package/dist/guest-chat-headless.js", "package/dist/guest-chat-headless.mjs",
                "package/dist/guest-chat.js", "package/dist/guest-chat.mjs",
                "package/dist/i18n/ar.json", "package/dist/i18n/de.json", "package/dist/i18n/es.json",
                "package/dist/i18n/fr.json", "package/dist/i18n/nl.json", "package/dist/integrity.json",
                "package/headless-signed-in.d.ts", "package/headless.d.ts", "package/index.d.ts", "package/package.json", "package/theme.css"), files);
    }

    @Test
    void typesCheckInAnEmptyProjectAndRejectWrongUse() throws Exception {
        strictTsconfig("main.ts");
        Files.writeString(project.resolve("main.ts"), String.join("\n",
                "import { init, defineGuestChatElement, type ChatWidget, type ChatMessage, type ChatError } from 'guest-chat-widget';",
                "const chat: ChatWidget = init({ deploymentId: 'd', region: 'mypurecloud.com', endOnPageExit: 'leave',",
                "  confirmEnd: false, title: 'Help', theme: 'dark', container: '#chat', language: 'de',",
                "  strings: { endChat: 'Leave' }, i18nUrl: '/i18n/' });",
                "// @ts-expect-error no such catalogue key",
                "init({ deploymentId: 'd', strings: { endChatt: 'x' } });",
                "chat.on('message', (m: ChatMessage) => { const text: string = m.text; const who: 'agent' | 'bot' | 'customer' | 'system' = m.sender; void text; void who; });",
                "chat.on('error', (e: ChatError) => { const c: number = e.code; void c; });",
                "chat.on('ended', (e) => { const b: boolean = e.byCustomer; void b; });",
                "chat.on('unread', (e) => { const n: number = e.count; void n; });",
                "chat.setCustomAttributes({ orderId: 'A-1042' });",
                "const sent: boolean = chat.send('hi'); void sent;",
                "const ended: Promise<void> = chat.end(); void ended;",
                "defineGuestChatElement();",
                "const element = document.querySelector('guest-chat'); const w: ChatWidget | null | undefined = element?.widget; void w;",
                "// @ts-expect-error unknown event",
                "chat.on('nope', () => {});",
                "// @ts-expect-error endOnPageExit is a closed set",
                "init({ deploymentId: 'd', endOnPageExit: 'sometimes' });",
                "// @ts-expect-error deploymentId is required",
                "init({ region: 'mypurecloud.com' });",
                "// @ts-expect-error the message payload has no such field",
                "chat.on('message', (m) => m.body);",
                "const signedIn = init({ deploymentId: 'd', auth: { code: 'c', redirectUri: 'https://x/', codeVerifier: 'v' } });",
                "init({ deploymentId: 'd', auth: async () => ({ idToken: 't', nonce: 'n' }) });",
                "signedIn.on('auth-required', (e: ChatError) => { void e; }); signedIn.signOut();",
                "// @ts-expect-error an id token needs its nonce",
                "init({ deploymentId: 'd', auth: { idToken: 't' } });",
                ""));
        run(project, "npx", "--no-install", "tsc", "-p", ".");
    }

    /** {@code strings: {…}} compiles for every key the catalogue has, and for no other. */
    @Test
    void stringKeyListsEveryCatalogueKey() throws Exception {
        TreeSet<String> catalogue = new TreeSet<>();
        for (String[] pairs : new String[][] {dev.guestchat.ui.Strings.EN, dev.guestchat.ui.FailureTexts.EN}) {
            for (int i = 0; i < pairs.length; i += 2) {
                catalogue.add(pairs[i]);
            }
        }
        String dts = Files.readString(Path.of("web/index.d.ts"));
        int start = dts.indexOf("export type StringKey =");
        assertEquals(catalogue, names(dts.substring(start, dts.indexOf(";", start)), "'([\\w-]+)'"), "StringKey");
    }

    /** One version for the release: the pom's, the npm package's, and the client name the service is told. */
    @Test
    void oneVersionEverywhere() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String version = pom.substring(pom.indexOf("<version>") + 9, pom.indexOf("</version>"));
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), "a release version: " + version);
        assertTrue(Files.readString(Path.of("web/package.json")).contains("\"version\": \"" + version + "\""));
        assertTrue(Files.readString(Path.of("src/main/java/dev/guestchat/core/SessionConfig.java"))
                .contains("\"guest-chat-widget-" + version + "\""), "the application parameter");
        assertTrue(Files.readString(Path.of("CHANGELOG.md")).contains("## [" + version + "]"), "a changelog entry");
        assertTrue(Files.readString(Path.of("LICENSE")).startsWith("MIT License"));
    }

    @Test
    void theHeadlessTypesCheckInAnEmptyProject() throws Exception {
        strictTsconfig("own-ui.ts");
        Files.writeString(project.resolve("own-ui.ts"), String.join("\n",
                "import { session, type ChatSession, type SessionMessage } from 'guest-chat-widget/headless';",
                "const chat: ChatSession = session({ deploymentId: 'd', region: 'mypurecloud.com', endOnPageExit: 'leave' });",
                "chat.on('message', (m: SessionMessage) => {",
                "  const who: 'agent' | 'bot' | 'customer' | 'system' = m.sender; const sent: boolean = m.status === 'sent';",
                "  m.blocks.forEach((b) => b.spans.forEach((s) => { const t: string = s.text; void t; }));",
                "  m.quickReplies.forEach((q) => { const id: string | null = chat.reply(q); void id; });",
                "  void who; void sent; });",
                "chat.on('message-status', (m) => { const local: string | undefined = m.localId; void local; });",
                "chat.on('typing', (t) => { const b: boolean = t.typing; void b; });",
                "chat.on('upload-progress', (p) => { const n: number = p.file ? p.file.percent : 0; void n; });",
                "const id: string | null = chat.send('hi'); void id;",
                "const ended: Promise<void> = chat.end(); void ended;",
                "const all: SessionMessage[] = chat.messages(); void all;",
                "// @ts-expect-error the widget's options are not the session's",
                "session({ deploymentId: 'd', container: '#chat' });",
                "// @ts-expect-error unknown event",
                "chat.on('messages', () => {});",
                ""));
        run(project, "npx", "--no-install", "tsc", "-p", ".");
    }

    @Test
    void theSignedInHeadlessTypesCheckInAnEmptyProject() throws Exception {
        strictTsconfig("signed-in.ts");
        Files.writeString(project.resolve("signed-in.ts"), String.join("\n",
                "import { session, type ChatSession, type AuthGrant } from 'guest-chat-widget/headless-signed-in';",
                "const grant: AuthGrant = { code: 'c', codeVerifier: 'v' };",
                "const chat: ChatSession = session({ deploymentId: 'd', region: 'mypurecloud.com', auth: () => grant });",
                "chat.on('signed-out', (e) => { const r: string = e.reason; void r; });",
                "chat.signOut();",
                "// @ts-expect-error auth is a grant or a function",
                "session({ deploymentId: 'd', auth: 'code' });",
                ""));
        run(project, "npx", "--no-install", "tsc", "-p", ".");
    }

    @Test
    void theDeclaredApiIsTheRealOne() throws Exception {
        String dts = Files.readString(Path.of("web/index.d.ts"));
        String widget = Files.readString(Path.of("src/main/java/dev/guestchat/api/ChatWidget.java"));
        String options = Files.readString(Path.of("src/main/java/dev/guestchat/api/WidgetOptions.java"));
        TreeSet<String> methods = names(widget, "@JSExport\\s+public \\S+ (\\w+)\\(");
        assertEquals(new TreeSet<>(List.of("destroy", "end", "focus", "minimize", "off", "on", "open", "send",
                "setCustomAttributes", "signOut", "startNew", "state")), methods, "the exported methods, as the test reads them");
        assertEquals(methods, names(Files.readString(Path.of("src/main/java/dev/guestchat/loader/FirstStage.java")),
                "@JSExport\\s+public \\S+ (\\w+)\\("), "the first stage answers the same API until the widget is there");
        assertEquals(names(block(dts, "interface ChatWidget"), "\\n\\s*(\\w+)[<(]"), methods, "methods");
        TreeSet<String> emitted = names(widget, "events\\.emit\\(\"([\\w-]+)\"");
        emitted.addAll(names(Files.readString(Path.of("src/main/java/dev/guestchat/api/PanelClient.java")),
                "events\\.emit\\(\"([\\w-]+)\""));
        assertEquals(names(block(dts, "interface ChatEvents"), "\\n\\s*'?([\\w-]+)'?:"), emitted, "events");
        String headless = Files.readString(Path.of("web/headless.d.ts"));
        String api = Files.readString(Path.of("src/main/java/dev/guestchat/api/SessionApi.java"));
        assertEquals(names(block(headless, "interface ChatSession"), "\\n\\s*(\\w+)[<(]"),
                names(api, "@JSExport\\s+public \\S+ (\\w+)\\("), "the headless session's methods");
        assertEquals(names(block(headless, "interface SessionEvents"), "\\n\\s*'?([\\w-]+)'?:"),
                names(Files.readString(Path.of("src/main/java/dev/guestchat/api/PagePayloads.java")),
                        "listeners\\.emit\\(\"([\\w-]+)\""), "the headless session's events");
        TreeSet<String> read = names(options, "(?:str|element|object)\\(o, \"(\\w+)\"\\)");
        read.addAll(names(Files.readString(Path.of("src/main/java/dev/guestchat/api/BrowserSignIn.java")),
                "JsOptions\\.(auth)\\("));
        assertTrue(read.containsAll(List.of("deploymentId", "region", "endOnPageExit", "container")), read.toString());
        assertEquals(names(block(dts, "interface GuestChatOptions"), "\\n\\s*(\\w+)\\??:"), read, "options");
    }

    @Test
    void theInstalledModuleRunsInTheBrowser() throws Exception {
        Files.writeString(project.resolve("index.html"), "<!doctype html><html><head><meta charset=utf-8><title>app</title>"
                + "</head><body><div id=chat></div><script type=module src=app.js></script></body></html>");
        Files.writeString(project.resolve("app.js"), "import { init, defineGuestChatElement } from "
                + "'./node_modules/guest-chat-widget/dist/guest-chat.mjs';\n"
                + "defineGuestChatElement();\n"
                + "window.chat = init({ deploymentId: 'npm-deployment', websocketUrl: '/v1', apiUrl: '', container: '#chat' });\n"
                + "window.elementDefined = !!customElements.get('guest-chat');\n");
        try (GuestApiSimulator sim = new GuestApiSimulator(Map.of("/app", project)).start("127.0.0.1", 0);
             Browser b = new Browser()) {
            sim.deployment("npm-deployment").set("{}");
            b.driver.get("http://localhost:" + sim.port() + "/app/index.html");
            b.say("hello from an npm install");
            assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversationsJson().contains("npm-deployment")));
            assertEquals(true, b.js("return window.elementDefined;"));
            assertEquals("connected", b.js("return window.chat.state();"));
            assertEquals("undefined", b.js("return typeof window.GuestChat;"), "the module build defines no global");
        }
    }

    /** The ES module first stage imports the signed-in widget for {@code auth}; the headless one signs in too. */
    @Test
    void theInstalledSignedInModulesRunInTheBrowser() throws Exception {
        String code = "() => fetch('/sim/oauth/codes', { method: 'POST', headers: { 'Content-Type': 'application/json' },"
                + " body: JSON.stringify({ user: 'Npm Customer' }) }).then((r) => r.json()).then((j) => ({ code: j.code }))";
        Files.writeString(project.resolve("signed-in.html"), "<!doctype html><html><head><meta charset=utf-8><title>app</title>"
                + "</head><body><div id=chat></div><script type=module src=signed-in.js></script></body></html>");
        Files.writeString(project.resolve("signed-in.js"), "import { init } from "
                + "'./node_modules/guest-chat-widget/dist/guest-chat.mjs';\n"
                + "import { session } from './node_modules/guest-chat-widget/dist/guest-chat-headless-signed-in.mjs';\n"
                + "window.chat = init({ deploymentId: 'npm-signed-in', websocketUrl: '/v1', apiUrl: '', container: '#chat',"
                + " auth: " + code + " });\n"
                + "window.own = session({ deploymentId: 'npm-headless-signed-in', websocketUrl: '/v1', apiUrl: '', auth: "
                + code + " });\n");
        try (GuestApiSimulator sim = new GuestApiSimulator(Map.of("/app", project)).start("127.0.0.1", 0);
             Browser b = new Browser()) {
            sim.deployment("npm-signed-in").set("{}");
            sim.deployment("npm-headless-signed-in").set("{}");
            b.driver.get("http://localhost:" + sim.port() + "/app/signed-in.html");
            b.say("hello, signed in from npm");
            b.js("window.own.send('and from my own UI');");
            assertTrue(eventually(Duration.ofSeconds(10), () -> sim.conversationsJson().contains("hello, signed in from npm")
                    && sim.conversationsJson().contains("and from my own UI")), sim::conversationsJson);
            assertEquals(2, sim.conversationsJson().split("\"customer\":\"Npm Customer\"", -1).length - 1,
                    "both signed in: " + sim.conversationsJson());
        }
    }

    /** A strict tsconfig that checks only {@code file}, as a TypeScript app with a bundler would. */
    static void strictTsconfig(String file) throws IOException {
        Files.writeString(project.resolve("tsconfig.json"), "{\"compilerOptions\":{\"strict\":true,\"noEmit\":true,"
                + "\"module\":\"esnext\",\"moduleResolution\":\"bundler\",\"target\":\"es2020\",\"lib\":[\"es2020\",\"dom\"]},"
                + "\"files\":[\"" + file + "\"]}");
    }

    static String block(String text, String header) {
        int start = text.indexOf(header);
        assertTrue(start >= 0, header);
        return text.substring(start, text.indexOf("\n}", start));
    }

    static TreeSet<String> names(String text, String regex) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
