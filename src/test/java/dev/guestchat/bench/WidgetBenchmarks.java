package dev.guestchat.bench;

import dev.guestchat.build.BundleFinisher;
import dev.guestchat.e2e.Browser;
import dev.guestchat.e2e.SimulatorFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import tools.jackson.databind.JsonNode;

/**
 * Prints the numbers the project is judged by: bundle size, End click → Clear latency, pagehide Clear delivery,
 * render time. Real Chromium against the real simulator; a program, not a test (timings don't assert).
 *
 * <p>Run: {@code mvn -q -DskipTests package exec:java@bench}; {@code -Dbench.runs=50 -Dbench.exits=200} change the counts.
 */
public final class WidgetBenchmarks {
    private WidgetBenchmarks() {
    }

    public static void main(String[] args) throws IOException {
        int latencyRuns = Integer.getInteger("bench.runs", 50);
        int exits = Integer.getInteger("bench.exits", 200);
        bundle();
        try (SimulatorFixture sim = new SimulatorFixture(); Browser browser = new Browser()) {
            endClickToClear(sim, browser, latencyRuns);
            pagehideDelivery(sim, browser, exits);
            tabCloseDelivery(sim, browser, 20);
            renderTimes(sim, browser);
        }
    }

    static void bundle() throws IOException {
        byte[] js = Files.readAllBytes(Path.of("web/dist/guest-chat.js"));
        System.out.println("bundle: web/dist/guest-chat.js " + js.length + " bytes raw, " + BundleFinisher.gzipSize(js)
                + " bytes gzip (JS + CSS: the stylesheet is inside the bundle; an English page loads nothing else)");
        StringBuilder catalogues = new StringBuilder();
        try (var files = Files.list(Path.of("web/dist/i18n"))) {
            for (Path f : files.sorted().toList()) {
                catalogues.append(' ').append(f.getFileName()).append(' ').append(BundleFinisher.gzipSize(Files.readAllBytes(f)));
            }
        }
        System.out.println("catalogues (bytes gzip, loaded only for that language):" + catalogues);
    }

    /** A page with an acknowledged customer message: a conversation that exiting would abandon. */
    static void chatting(SimulatorFixture sim, Browser b, String dep, String query) {
        b.driver.get(sim.pageUrl(dep, query));
        b.say("benchmark message");
        b.waitFor(Duration.ofSeconds(5), d -> b.transcriptText().contains("benchmark message")
                && !b.transcriptText().contains("Sending"));
    }

    static void endClickToClear(SimulatorFixture sim, Browser b, int runs) {
        List<Long> micros = new ArrayList<>();
        String dep = sim.newDeployment("{\"routingDelayMillis\":600000}");
        for (int i = 0; i < runs; i++) {
            long before = sim.clearCount(dep);
            chatting(sim, b, dep, "mode=never&confirm=false");
            double clickedAt = ((Number) b.js("var h=document.querySelector('[data-guest-chat]').shadowRoot;"
                    + "var t=performance.timeOrigin+performance.now();h.querySelector('.gcw-end').click();return t;"))
                    .doubleValue();
            SimulatorFixture.eventually(Duration.ofSeconds(5), () -> sim.clearCount(dep) > before);
            long arrived = clearArrival(sim, dep, before);
            micros.add(Math.round((arrived - clickedAt) * 1000));
            b.waitFor(Duration.ofSeconds(5), d -> "ended".equals(b.widgetState()));
        }
        Collections.sort(micros);
        System.out.println("end click → Clear at simulator: median " + ms(micros.get(micros.size() / 2)) + " ms, p90 "
                + ms(micros.get((int) (micros.size() * 0.9))) + " ms, max " + ms(micros.get(micros.size() - 1))
                + " ms over " + runs + " runs (wall clock of one machine, ms resolution at the server)");
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

    static void pagehideDelivery(SimulatorFixture sim, Browser b, int exits) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":600000}");
        int delivered = 0;
        int nonPersisted = 0;
        long start = System.nanoTime();
        for (int i = 0; i < exits; i++) {
            long before = sim.clearCount(dep);
            chatting(sim, b, dep, "mode=leave");
            b.driver.navigate().refresh(); // reload: a non-persisted pagehide
            if (SimulatorFixture.eventually(Duration.ofSeconds(3), () -> sim.clearCount(dep) > before)) {
                delivered++;
            }
            if ("false".equals(String.valueOf(b.js("return sessionStorage.getItem('lastPagehidePersisted');")))) {
                nonPersisted++;
            }
        }
        System.out.println("pagehide Clear delivery (reload, leave): " + delivered + "/" + exits + " delivered; "
                + nonPersisted + "/" + exits + " of those pagehides had persisted=false; "
                + (System.nanoTime() - start) / 1_000_000 / exits + " ms per exit cycle");
    }

    static void tabCloseDelivery(SimulatorFixture sim, Browser b, int exits) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":600000}");
        String home = b.driver.getWindowHandle();
        int delivered = 0;
        for (int i = 0; i < exits; i++) {
            long before = sim.clearCount(dep);
            b.driver.switchTo().newWindow(WindowType.TAB);
            chatting(sim, b, dep, "mode=leave");
            b.driver.close();
            b.driver.switchTo().window(home);
            if (SimulatorFixture.eventually(Duration.ofSeconds(3), () -> sim.clearCount(dep) > before)) {
                delivered++;
            }
        }
        System.out.println("pagehide Clear delivery (tab close, leave): " + delivered + "/" + exits + " delivered");
    }

    static void renderTimes(SimulatorFixture sim, Browser b) {
        List<Double> ready = new ArrayList<>();
        String dep = sim.newDeployment("{}");
        for (int i = 0; i < 20; i++) {
            b.driver.get(sim.pageUrl(dep, "mode=never"));
            Object t = ((JavascriptExecutor) b.driver).executeAsyncScript("var done=arguments[0];"
                    + "(function poll(){var e=window.chatEvents.filter(function(x){return x.name==='ready';});"
                    + "if(e.length)done(performance.now());else setTimeout(poll,5);})();");
            ready.add(((Number) t).doubleValue());
        }
        Collections.sort(ready);
        String dep2 = sim.newDeployment("{\"routingDelayMillis\":0}");
        chatting(sim, b, dep2, "mode=never");
        String conv = sim.onlyConversation(dep2).path("id").asString();
        for (int i = 0; i < 99; i++) {
            sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"agent line " + i + "\"}");
        }
        b.waitFor(Duration.ofSeconds(10), d -> b.transcriptText().contains("agent line 98"));
        List<Double> open = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            open.add(((Number) b.js("window.chat.minimize();var t=performance.now();window.chat.open();"
                    + "return performance.now()-t;")).doubleValue());
        }
        Collections.sort(open);
        System.out.println("render: page start → widget ready median " + round(ready.get(ready.size() / 2))
                + " ms (incl. script download and init); open panel with 100 messages median "
                + round(open.get(open.size() / 2)) + " ms, max " + round(open.get(open.size() - 1)) + " ms");
    }

    static String ms(long micros) {
        return String.valueOf(micros / 1000.0);
    }

    static String round(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
