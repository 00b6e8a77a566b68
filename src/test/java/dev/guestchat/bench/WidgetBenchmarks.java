package dev.guestchat.bench;

import dev.guestchat.build.BundleFinisher;
import dev.guestchat.e2e.Browser;
import dev.guestchat.e2e.Engine;
import dev.guestchat.e2e.Exits;
import dev.guestchat.e2e.SimulatorFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;

/**
 * Prints the numbers the project is judged by: bundle size, End click → Clear latency and exit Clear delivery in
 * every engine (Chromium, Firefox, WebKit), same-site false ends, render time. Real browsers against the real
 * simulator; a program, not a test (timings don't assert).
 *
 * <p>Run: {@code mvn -q -DskipTests package exec:java@bench}; {@code -Dbench.runs=50} (latency runs per engine),
 * {@code -Dbench.exits=25} (exits per kind per engine: four kinds), {@code -Dbench.engines=chromium,firefox,webkit},
 * {@code -Dbench.parts=probe,latency,exits,sameSite,order,firstClick,render,load,soak} (all but {@code soak} by default; e.g.
 * {@code latency} alone to compare a refactoring's End click → Clear before and after in a few minutes). {@code load}
 * is the simulator under 2,000 guests ({@link SimulatorLoad}); {@code soak} is a 1,000-message conversation with at
 * least 50 random socket drops in each selected engine (about 11 minutes per engine).
 */
public final class WidgetBenchmarks {
    /** The exits a customer leaves by; each must send Clear. */
    static final List<String> EXITS = List.of("typedUrl", "reload", "crossOriginLink", "closeTab");

    private WidgetBenchmarks() {
    }

    public static void main(String[] args) throws IOException {
        int latencyRuns = Integer.getInteger("bench.runs", 50);
        int exits = Integer.getInteger("bench.exits", 25);
        List<String> parts = List.of(System.getProperty("bench.parts", "probe,latency,exits,sameSite,order,firstClick,render,load")
                .split(","));
        bundle();
        if (parts.contains("load")) {
            try {
                SimulatorLoad.run(2_000, 5, 2_000);
            } catch (Exception e) {
                System.out.println("simulator load failed: " + e);
            }
        }
        try (SimulatorFixture sim = new SimulatorFixture()) {
            for (String name : System.getProperty("bench.engines", "chromium,firefox,webkit").split(",")) {
                try (Engine engine = Engine.start(name)) {
                    if (parts.contains("probe")) {
                        for (String exit : ExitProbe.EXITS) {
                            System.out.println(name + ": raw send() per exit event, " + exit + ": " + ExitProbe.probe(engine, sim, exit));
                        }
                    }
                    if (parts.contains("latency")) {
                        endClickToClear(sim, engine, latencyRuns);
                        headlessEndToClear(sim, engine, latencyRuns);
                    }
                    if (parts.contains("exits")) {
                        exitDelivery(sim, engine, exits, "widget", dep -> chatting(sim, engine, dep, "mode=leave"));
                        exitDelivery(sim, engine, exits, "headless own UI", dep -> ownUiChatting(sim, engine, dep, "leave"));
                    }
                    if (parts.contains("sameSite")) {
                        sameSiteFalseEnds(sim, engine, exits);
                    }
                    if (parts.contains("order")) {
                        messageOrder(sim, engine, 20, 100, 0);
                        messageOrder(sim, engine, 100, 120, 9);
                    }
                    if (parts.contains("soak")) {
                        soak(sim, engine, Integer.getInteger("bench.soak.messages", 1_000),
                                Integer.getInteger("bench.soak.drops", 60));
                    }
                    if (parts.contains("firstClick")) {
                        beforeFirstClick(sim, engine, Integer.getInteger("bench.firstClick.runs", 20));
                    }
                    if (parts.contains("render") && engine instanceof Browser chromium) {
                        renderTimes(sim, chromium);
                        bigTranscript(sim, chromium, 1_000);
                        bigTranscript(sim, chromium, 10_000);
                    }
                }
            }
        }
    }

    static void bundle() throws IOException {
        for (String[] b : new String[][] {{"guest-chat.js", "first stage: what every page loads"},
                {"guest-chat.mjs", "first stage, ES module"}, {"guest-chat-full.js", "full widget, fetched on intent"},
                {"guest-chat-full.mjs", "full widget, ES module"},
                {"guest-chat-headless.js", "headless session: the core without UI, for pages with their own"},
                {"guest-chat-headless.mjs", "headless session, ES module"},
                {"guest-chat-full-signed-in.js", "full widget for signed-in customers, fetched for auth"},
                {"guest-chat-headless-signed-in.js", "headless session for signed-in customers"}}) {
            byte[] js = Files.readAllBytes(Path.of("web/dist", b[0]));
            System.out.println("bundle: web/dist/" + b[0] + " " + js.length + " bytes raw, " + BundleFinisher.gzipSize(js)
                    + " bytes gzip (" + b[1] + (b[0].contains("headless") ? ")" : "; JS + CSS: the stylesheet is inside)"));
        }
        StringBuilder catalogues = new StringBuilder();
        try (var files = Files.list(Path.of("web/dist/i18n"))) {
            for (Path f : files.sorted().toList()) {
                catalogues.append(' ').append(f.getFileName()).append(' ').append(BundleFinisher.gzipSize(Files.readAllBytes(f)));
            }
        }
        System.out.println("catalogues (bytes gzip, loaded only for that language):" + catalogues);
    }

    /** A page with an acknowledged customer message: a conversation that exiting would abandon. */
    static void chatting(SimulatorFixture sim, Engine b, String dep, String query) {
        b.get(sim.pageUrl(dep, query));
        b.say("benchmark message");
        b.await(Duration.ofSeconds(5), "acknowledged", () -> b.transcriptText().contains("benchmark message")
                && !b.transcriptText().contains("Sending"));
    }

    static void endClickToClear(SimulatorFixture sim, Engine b, int runs) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":600000}");
        List<Long> micros = endToClear(sim, b, dep, runs, () -> chatting(sim, b, dep, "mode=never&confirm=false"),
                "var h=document.querySelector('[data-guest-chat]').shadowRoot;"
                        + "var t=performance.timeOrigin+performance.now();h.querySelector('.gcw-end').click();return t;",
                () -> "ended".equals(b.widgetState()));
        report(b.name() + ": end click → Clear at simulator", micros);
    }

    /**
     * The same on a page with its own UI on the headless session ({@code demo/own-ui.html}): from the click on its
     * confirmed End button, which calls {@code session.end()}, to the Clear at the simulator.
     */
    static void headlessEndToClear(SimulatorFixture sim, Engine b, int runs) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":600000}");
        List<Long> micros = endToClear(sim, b, dep, runs, () -> ownUiChatting(sim, b, dep, "never"),
                "document.getElementById('end').click();var t=performance.timeOrigin+performance.now();"
                        + "document.getElementById('end-yes').click();return t;",
                () -> "ended".equals(b.js("return window.session.state();")));
        report(b.name() + ": headless end() → Clear at simulator", micros);
    }

    /**
     * {@code demo/own-ui.html} (a page drawing its own chat on the headless session) with an acknowledged customer
     * message, and a link to another site for the exit suite.
     */
    static void ownUiChatting(SimulatorFixture sim, Engine b, String dep, String mode) {
        b.get("http://localhost:" + sim.port + "/demo/own-ui.html?mode=" + mode + "&deployment=" + dep);
        // before the page's script took its form, a click submits it natively (to own-ui.html?, the demo deployment)
        b.await(Duration.ofSeconds(5), "the page's own UI", () -> Boolean.TRUE.equals(b.js("return !!window.session;")));
        b.js("var t=document.getElementById('text');t.value='benchmark message';document.getElementById('send').click();"
                + "var a=document.createElement('a');a.id='cross-link';a.textContent='elsewhere';"
                + "a.href='http://127.0.0.1:'+location.port+'/pages/other.html';document.body.appendChild(a);");
        b.await(Duration.ofSeconds(5), "acknowledged", () -> Boolean.TRUE.equals(b.js("return window.ownUiEvents.some("
                + "function(e){return e.name==='message-status'&&e.payload.status==='sent';});")));
    }

    /** Runs: a page with a live chat ({@code chat}), then {@code click} (returns its time), until the Clear arrives. */
    static List<Long> endToClear(SimulatorFixture sim, Engine b, String dep, int runs, Runnable chat, String click,
                                 java.util.function.BooleanSupplier ended) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long before = sim.clearCount(dep);
            chat.run();
            double clickedAt = ((Number) b.js(click)).doubleValue();
            SimulatorFixture.eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) > before);
            long arrived = clearArrival(sim, dep, before);
            micros.add(Math.round((arrived - clickedAt) * 1000));
            b.await(Duration.ofSeconds(5), "ended", ended);
        }
        return micros;
    }

    static void report(String what, List<Long> micros) {
        Collections.sort(micros);
        System.out.println(what + ": median " + ms(micros.get(micros.size() / 2))
                + " ms, p90 " + ms(micros.get((int) (micros.size() * 0.9))) + " ms, max "
                + ms(micros.get(micros.size() - 1)) + " ms over " + micros.size()
                + " runs (wall clock of one machine, ms resolution at the server)");
    }

    /** Server receive time (ms) of the (before+1)-th Clear of this deployment. */
    static long clearArrival(SimulatorFixture sim, String dep, long before) {
        long seen = 0;
        for (JsonNode e : sim.get("/sim/events")) {
            if ("in".equals(e.path("dir").asString()) && SimulatorFixture.isClear(e.path("frame"))) {
                String token = e.path("frame").path("token").asString();
                boolean ours = sim.conversations(dep).stream().anyMatch(c -> token.equals(c.path("token").asString()));
                if (ours && ++seen > before) {
                    return e.path("time").asLong();
                }
            }
        }
        throw new IllegalStateException("Clear not found");
    }

    /**
     * Each exit kind from a fresh tab with a live chat ({@code chat} opens it for a deployment) under {@code leave}:
     * did its conversation end?
     */
    static void exitDelivery(SimulatorFixture sim, Engine b, int perKind, String label,
                             java.util.function.Consumer<String> chat) {
        int total = 0;
        int ended = 0;
        StringBuilder line = new StringBuilder();
        long start = System.nanoTime();
        List<String> exits = new ArrayList<>(EXITS);
        if (b.name().equals("firefox")) {
            exits.add("closeTabByAutomation"); // no beforeunload: what Chromium's and WebKit's closeTab measure
        }
        for (String exit : exits) {
            int ok = 0;
            int repeats = 0;
            for (int i = 0; i < perKind; i++) {
                String dep = sim.newDeployment("{\"routingDelayMillis\":600000}");
                String home = b.tab();
                b.newTab();
                chat.accept(dep);
                Exits.perform(b, sim, exit, home);
                if (SimulatorFixture.eventually(Duration.ofSeconds(3), () -> "ended-by-customer".equals(sim.state(dep)))) {
                    ok++;
                }
                SimulatorFixture.sleep(100); // a repeat, if any, arrives with the page's last event
                repeats += (int) Math.max(0, sim.clearCount(dep) - 1);
                if (!exit.startsWith("closeTab")) {
                    b.closeTab();
                    b.switchTo(home);
                }
            }
            total += perKind;
            ended += ok;
            line.append(String.format(" %s %d/%d (%d repeated)", exit, ok, perKind, repeats));
        }
        System.out.println(b.name() + ": exit Clear delivery (" + label + ", leave):" + line + " — " + ended + "/" + total + " ended, "
                + (System.nanoTime() - start) / 1_000_000 / Math.max(1, total) + " ms per exit cycle");
    }

    /** A customer typing {@code lines} lines {@code every} ms apart while the simulator drops the socket {@code drops} times. */
    /** Starts the page typing {@code m-0}, {@code m-1}, … {@code every} ms apart; answers the conversation's token. */
    static String typeLines(SimulatorFixture sim, Engine b, String dep, int lines, int every) {
        sim.typeFast(b, lines, every);
        SimulatorFixture.eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1);
        return sim.token(dep);
    }

    static void messageOrder(SimulatorFixture sim, Engine b, int lines, int every, int drops) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":600000}");
        b.openChatAt(sim.pageUrl(dep, "mode=never"));
        long start = System.nanoTime();
        String token = typeLines(sim, b, dep, lines, every);
        long typing = (long) lines * every;
        for (int i = 0; i < drops; i++) {
            SimulatorFixture.sleep(typing / (drops + 1));
            sim.post("/sim/sessions/" + token + "/drop", "");
        }
        SimulatorFixture.eventually(Duration.ofSeconds(lines + 30L), () -> sim.agentRead(dep).size() >= lines);
        long ms = (System.nanoTime() - start) / 1_000_000;
        List<String> read = sim.agentRead(dep);
        boolean inOrder = read.equals(java.util.stream.IntStream.range(0, lines).mapToObj(i -> "m-" + i).toList());
        long frames = sim.textFramesIn(dep);
        long customerLines = sim.onlyConversation(dep).path("transcript").valueStream()
                .filter(l -> "customer".equals(l.path("from").asString())).count();
        System.out.printf("%s: message order, %d lines %d ms apart, %d drops: %d onMessage frames (%.2f per message), "
                        + "%d 429s, agent read %d lines (%d distinct), order kept: %s, last line read after %d ms%n",
                b.name(), lines, every, drops, frames, frames / (double) lines, sim.tooManyRequests(token),
                customerLines, read.size(), inOrder, ms);
        b.get("about:blank");
    }

    /**
     * A long conversation through random socket drops (issue 10): {@code lines} customer messages 600 ms apart, an
     * agent answering at random moments, and {@code drops} drops at random times. Then: did the agent read every line
     * once, in order; does the widget show every message once, in the order of the service's transcript (server time)?
     */
    static void soak(SimulatorFixture sim, Engine b, int lines, int drops) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":0}");
        b.openChatAt(sim.pageUrl(dep, "mode=never"));
        java.util.Random random = new java.util.Random(lines * 31L + drops);
        long start = System.nanoTime();
        long typing = lines * 600L;
        String token = typeLines(sim, b, dep, lines, 600);
        String conv = sim.onlyConversation(dep).path("id").asString();
        List<Long> dropAt = new ArrayList<>();
        for (int i = 0; i < drops; i++) {
            dropAt.add((long) (random.nextDouble() * typing));
        }
        Collections.sort(dropAt);
        int agentLines = 0;
        int dropped = 0;
        long nextAgent = 2_000 + random.nextInt(8_000);
        while (dropped < drops || (System.nanoTime() - start) / 1_000_000 < typing) {
            long now = (System.nanoTime() - start) / 1_000_000;
            if (dropped < drops && now >= dropAt.get(dropped)) {
                sim.post("/sim/sessions/" + token + "/drop", "");
                dropped++;
            }
            if (now >= nextAgent) {
                sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"agent " + agentLines++ + "\"}");
                nextAgent = now + 2_000 + random.nextInt(8_000);
            }
            SimulatorFixture.sleep(50);
        }
        SimulatorFixture.eventually(Duration.ofSeconds(lines + 60L), () -> sim.agentRead(dep).size() >= lines);
        SimulatorFixture.sleep(3_000); // the last acknowledgements and agent lines reach the page
        long ms = (System.nanoTime() - start) / 1_000_000;
        List<String> read = sim.agentRead(dep);
        List<String> typed = java.util.stream.IntStream.range(0, lines).mapToObj(i -> "m-" + i).toList();
        List<String> serverOrder = new ArrayList<>();
        sim.onlyConversation(dep).path("transcript").valueStream()
                .filter(l -> !"system".equals(l.path("from").asString()))
                .forEach(l -> serverOrder.add(l.path("text").asString()));
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) b.js("var h=document.querySelector('[data-guest-chat]');" + Engine.SHOW_ALL_ROWS
                + "return Array.prototype.map.call(h.shadowRoot.querySelectorAll('.gcw-row:not(.gcw-system) .gcw-text'),"
                + "function(e){return e.textContent;});");
        long shownTwice = shown.size() - new java.util.HashSet<>(shown).size();
        System.out.printf("%s: soak, %d lines 600 ms apart, %d agent lines, %d drops in %d s: agent read %d (%s), "
                        + "onMessage frames %d, the widget shows %d rows, %d twice, %s%n",
                b.name(), lines, agentLines, dropped, ms / 1000, read.size(),
                read.equals(typed) ? "each once, in order" : "NOT each once in order",
                sim.textFramesIn(dep), shown.size(), shownTwice,
                shown.equals(serverOrder) ? "in the service's (server-time) order" : "NOT in server-time order");
        b.get("about:blank");
    }

    /** Same-site link clicks and form submits under {@code leave}: none may end the chat. */
    static void sameSiteFalseEnds(SimulatorFixture sim, Engine b, int each) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":600000}");
        chatting(sim, b, dep, "mode=leave");
        for (int i = 0; i < each; i++) {
            b.js("window.benchOldPage=true;");
            b.click(i % 2 == 0 ? "#same-link" : "#same-submit");
            b.await(Duration.ofSeconds(5), "next page", () -> Boolean.TRUE.equals(b.js("return !window.benchOldPage&&"
                    + "!!(window.chatEvents&&window.chatEvents.some(function(e){return e.name==='ready';}));")));
        }
        SimulatorFixture.sleep(500);
        System.out.println(b.name() + ": same-site false ends (leave, " + each + " link clicks and form submits): "
                + sim.clearCount(dep) + " Clear(s), conversation " + sim.state(dep));
        b.get("about:blank");
    }

    static void renderTimes(SimulatorFixture sim, Browser b) {
        List<Double> ready = new ArrayList<>();
        String dep = sim.newDeployment("{}");
        for (int i = 0; i < 20; i++) {
            b.driver.get(sim.pageUrl(dep, "mode=never"));
            Object t = ((JavascriptExecutor) b.driver).executeAsyncScript("var done=arguments[0];"
                    + "(function poll(){var h=document.querySelector('[data-guest-chat]');"
                    + "if(h&&h.shadowRoot.querySelector('.gcw-launcher'))done(performance.now());else setTimeout(poll,5);})();");
            ready.add(((Number) t).doubleValue());
        }
        Collections.sort(ready);
        String dep2 = sim.newDeployment("{\"routingDelayMillis\":0}");
        chatting(sim, b, dep2, "mode=never");
        String conv = sim.onlyConversation(dep2).path("id").asString();
        for (int i = 0; i < 99; i++) {
            sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"agent line " + i + "\"}");
        }
        b.await(Duration.ofSeconds(10), "100 messages", () -> b.transcriptText().contains("agent line 98"));
        List<Double> open = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            open.add(((Number) b.js("window.chat.minimize();var t=performance.now();window.chat.open();"
                    + "return performance.now()-t;")).doubleValue());
        }
        Collections.sort(open);
        System.out.println(b.name() + ": render: page start → launcher shown median " + round(ready.get(ready.size() / 2))
                + " ms (incl. the first stage's download and init); open panel with 100 messages median "
                + round(open.get(open.size() / 2)) + " ms, max " + round(open.get(open.size() - 1)) + " ms");
    }

    /**
     * Opening the panel on a transcript of {@code n} messages: one render of all of them, which is what a page that
     * restored them would pay (the widget restores at most 100 from history today, so they arrive live while the
     * panel is minimised). Main-thread time of {@code open()}, then to the next frame, and long tasks (> 50 ms).
     */
    static void bigTranscript(SimulatorFixture sim, Browser b, int n) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":0}");
        chatting(sim, b, dep, "mode=never");
        String conv = sim.onlyConversation(dep).path("id").asString();
        b.js("window.chat.minimize();");
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"agent line " + i + "\"}");
        }
        b.await(Duration.ofSeconds(60 + n / 50), n + " messages", () -> ((Number) b.js(
                "return window.chatEvents.filter(function(e){return e.name==='message';}).length;")).longValue() >= n);
        long arrivedMs = (System.nanoTime() - start) / 1_000_000;
        List<Double> open = new ArrayList<>();
        List<Double> frame = new ArrayList<>();
        long longTasks = 0;
        double longest = 0;
        for (int i = 0; i < 5; i++) {
            @SuppressWarnings("unchecked")
            List<Object> r = (List<Object>) ((JavascriptExecutor) b.driver).executeAsyncScript("var done=arguments[0];"
                    + "window.chat.minimize();var tasks=[];var o=new PerformanceObserver(function(l){"
                    + "l.getEntries().forEach(function(e){tasks.push(e.duration);});});o.observe({type:'longtask'});"
                    + "setTimeout(function(){var t=performance.now();window.chat.open();var d=performance.now()-t;"
                    + "requestAnimationFrame(function(){setTimeout(function(){var f=performance.now()-t;"
                    + "setTimeout(function(){o.disconnect();done([d,f,tasks.length,Math.max.apply(null,[0].concat(tasks))]);},100);"
                    + "},0);});},50);");
            open.add(((Number) r.get(0)).doubleValue());
            frame.add(((Number) r.get(1)).doubleValue());
            longTasks += ((Number) r.get(2)).longValue();
            longest = Math.max(longest, ((Number) r.get(3)).doubleValue());
        }
        Collections.sort(open);
        Collections.sort(frame);
        Object rows = b.js("return document.querySelector('[data-guest-chat]').shadowRoot.querySelectorAll('.gcw-row').length;");
        System.out.println(b.name() + ": render: open the panel on " + n + " messages (" + rows + " rows; they arrived in "
                + arrivedMs + " ms): open() median " + round(open.get(2)) + " ms, max " + round(open.get(4))
                + " ms; to the next frame median " + round(frame.get(2)) + " ms; long tasks over 5 opens: " + longTasks
                + (longTasks > 0 ? ", longest " + round(longest) + " ms" : ""));
        b.get("about:blank");
    }

    /**
     * What a page pays before the customer's first click, first stage against the full widget loaded eagerly (the
     * pages differ only in the script tag), in the same run: script bytes fetched (the pages' resource timing) and,
     * in Chromium, main-thread time (DevTools' TaskDuration and ScriptDuration over the load and 1 s after it, minus
     * the same page without a chat). Then click → panel ready in every engine: from the click's pointerdown to the
     * first frame with the message box shown and focused — with the first stage that includes fetching and running
     * the full widget (over loopback here: add one network round trip for a CDN).
     */
    static void beforeFirstClick(SimulatorFixture sim, Engine b, int runs) throws IOException {
        String dep = sim.newDeployment("{\"routingDelayMillis\":600000}");
        String query = "?deployment=" + dep + "&mode=never";
        String base = "http://localhost:" + sim.port + "/pages/";
        if (b instanceof Browser browser && browser.driver instanceof org.openqa.selenium.chromium.HasCdp) {
            double[] bare = mainThread(browser, base + "bare.html", runs);
            for (String page : List.of("chat.html", "full.html")) {
                double[] cost = mainThread(browser, base + page + query, runs);
                System.out.println(b.name() + ": before the first click, " + (page.equals("chat.html") ? "first stage"
                        : "full widget eagerly") + ": main thread median +" + round(cost[0] - bare[0]) + " ms busy (of which script +"
                        + round(cost[1] - bare[1]) + " ms) over the page without a chat (" + round(bare[0]) + " ms), "
                        + Math.round(cost[2]) + " script bytes fetched (uncompressed; gzip: "
                        + BundleFinisher.gzipSize(Files.readAllBytes(Path.of(page.equals("chat.html")
                        ? "web/dist/guest-chat.js" : "web/dist/guest-chat-full.js"))) + ")");
            }
        }
        for (String variant : List.of("chat.html", "chat.html#hover", "full.html")) {
            String page = variant.replace("#hover", "");
            List<Double> ready = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                b.get(base + page + query);
                b.waitForWidget(".gcw-launcher");
                SimulatorFixture.sleep(300); // the eager widget's mount and any late work are over
                b.js("window.clickAt=null;window.readyAt=null;addEventListener('pointerdown',function(){"
                        + "if(window.clickAt==null)window.clickAt=performance.now();},true);"
                        + "(function poll(){var h=document.querySelector('[data-guest-chat]:not([data-stage])'),"
                        + "r=h&&h.shadowRoot,i=r&&r.querySelector('.gcw-input');"
                        + "if(i&&r.activeElement===i){window.readyAt=performance.now();return;}requestAnimationFrame(poll);})();");
                if (variant.endsWith("#hover")) { // the pointer rests on the launcher a moment before the click
                    b.js("document.querySelector('[data-guest-chat]').shadowRoot.querySelector('.gcw-launcher')"
                            + ".dispatchEvent(new PointerEvent('pointerenter'));");
                    SimulatorFixture.sleep(300);
                }
                b.clickInWidget(".gcw-launcher");
                b.await(Duration.ofSeconds(10), "panel ready", () -> b.js("return window.readyAt;") != null);
                ready.add(((Number) b.js("return window.readyAt-window.clickAt;")).doubleValue());
                b.js("window.chat.minimize();localStorage.clear();");
            }
            Collections.sort(ready);
            System.out.println(b.name() + ": click → panel ready, " + switch (variant) {
                case "chat.html" -> "first stage (the click fetches and runs the full widget)";
                case "chat.html#hover" -> "first stage, pointer over the launcher 300 ms before the click";
                default -> "full widget loaded eagerly";
            } + ": median "
                    + round(ready.get(ready.size() / 2)) + " ms, p90 " + round(ready.get((int) (ready.size() * 0.9)))
                    + " ms, max " + round(ready.get(ready.size() - 1)) + " ms over " + runs + " clicks");
        }
        b.get("about:blank");
    }

    /** Median main-thread busy ms, script ms, and script bytes fetched over {@code runs} fresh loads of a page. */
    private static double[] mainThread(Browser b, String url, int runs) {
        org.openqa.selenium.chromium.HasCdp cdp = (org.openqa.selenium.chromium.HasCdp) b.driver;
        cdp.executeCdpCommand("Performance.enable", java.util.Map.of("timeDomain", "threadTicks"));
        List<Double> busy = new ArrayList<>();
        List<Double> script = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            b.driver.get("about:blank");
            java.util.Map<String, Double> before = metrics(cdp);
            b.driver.get(url);
            SimulatorFixture.sleep(1_000);
            java.util.Map<String, Double> after = metrics(cdp);
            busy.add((after.get("TaskDuration") - before.get("TaskDuration")) * 1000);
            script.add((after.get("ScriptDuration") - before.get("ScriptDuration")) * 1000);
        }
        double bytes = ((Number) b.js("return performance.getEntriesByType('resource').filter(function(e){"
                + "return /\\/dist\\//.test(e.name);}).reduce(function(s,e){return s+e.decodedBodySize;},0);"))
                .doubleValue(); // the last load's: every load of the page fetches the same
        Collections.sort(busy);
        Collections.sort(script);
        return new double[] {busy.get(runs / 2), script.get(runs / 2), bytes};
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Double> metrics(org.openqa.selenium.chromium.HasCdp cdp) {
        java.util.Map<String, Double> out = new java.util.HashMap<>();
        for (Object m : (List<Object>) cdp.executeCdpCommand("Performance.getMetrics", java.util.Map.of()).get("metrics")) {
            java.util.Map<String, Object> metric = (java.util.Map<String, Object>) m;
            out.put(String.valueOf(metric.get("name")), ((Number) metric.get("value")).doubleValue());
        }
        return out;
    }

    static String ms(long micros) {
        return String.valueOf(micros / 1000.0);
    }

    static String round(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
