package dev.guestchat.bench;

import dev.guestchat.e2e.Engine;
import dev.guestchat.e2e.Exits;
import dev.guestchat.e2e.SimulatorFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Which page-exit handlers' {@code send()} reaches the server, per engine and exit kind: a raw socket on
 * {@code pages/probe.html} sends one echo per event, named after it. The measurement behind DESIGN.md §3's
 * engine table, kept so it can be repeated on every new browser version.
 */
public final class ExitProbe {
    public static final List<String> EXITS = List.of("typedUrl", "reload", "crossOriginLink", "closeTab");

    private ExitProbe() {
    }

    /** The events whose frame arrived, in arrival order, for one exit of one fresh page. */
    public static List<String> probe(Engine engine, SimulatorFixture sim, String exit) {
        String dep = sim.newDeployment("{}");
        String token = UUID.randomUUID().toString();
        String keep = engine.tab();
        engine.newTab();
        engine.get("http://localhost:" + sim.port + "/pages/probe.html?deployment=" + dep + "&token=" + token);
        engine.await(Duration.ofSeconds(5), "probe socket", () -> Boolean.TRUE.equals(engine.js("return !!window.probeReady;")));
        Exits.perform(engine, sim, exit, keep);
        SimulatorFixture.sleep(1500);
        List<String> seen = new ArrayList<>();
        for (JsonNode e : sim.get("/sim/events?token=" + token)) {
            JsonNode f = e.path("frame");
            if ("in".equals(e.path("dir").asString()) && "echo".equals(f.path("action").asString())) {
                seen.add(f.path("tracingId").asString());
            }
        }
        if (!"closeTab".equals(exit)) {
            engine.closeTab();
            engine.switchTo(keep);
        }
        return seen;
    }

    public static void main(String[] args) {
        try (SimulatorFixture sim = new SimulatorFixture()) {
            for (String name : System.getProperty("engines", "chromium,firefox,webkit").split(",")) {
                try (Engine engine = Engine.start(name)) {
                    for (String exit : EXITS) {
                        System.out.printf("%-9s %-16s %s%n", name, exit, probe(engine, sim, exit));
                    }
                }
            }
        }
    }
}
