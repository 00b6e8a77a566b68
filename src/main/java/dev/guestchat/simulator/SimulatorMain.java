package dev.guestchat.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the simulator for manual use and the demo: {@code java … SimulatorMain [port]} (default 8080, or
 * {@code $PORT}). Serves {@code demo/} at {@code /} and the widget bundle at {@code /dist/}, with one demo
 * deployment whose scripted agent answers.
 */
public final class SimulatorMain {
    public static final String DEMO_DEPLOYMENT = "demo-deployment";
    /** The before/after page's naive widget, so the console can tell the two apart. */
    public static final String NAIVE_DEPLOYMENT = "naive-deployment";

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0])
                : Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Map<String, Path> statics = new LinkedHashMap<>();
        statics.put("/dist", Path.of("web/dist"));
        if (Files.isDirectory(Path.of("demo"))) {
            statics.put("/", Path.of("demo"));
        }
        GuestApiSimulator sim = new GuestApiSimulator(statics).start("0.0.0.0", port);
        sim.deployment(DEMO_DEPLOYMENT).set("{\"autoReply\":true,\"routingDelayMillis\":5000}");
        sim.deployment(NAIVE_DEPLOYMENT).set("{\"autoReply\":true,\"routingDelayMillis\":5000}");
        System.out.println();
        System.out.println("Guest API simulator on ws://localhost:" + port + "/v1?deploymentId=" + DEMO_DEPLOYMENT);
        System.out.println("Sample shop page:      http://localhost:" + port + "/");
        System.out.println("Agent console:         http://localhost:" + port + "/agent");
        System.out.println("Before / after:        http://localhost:" + port + "/compare.html");
        System.out.println("Conversations (JSON):  http://localhost:" + port + "/sim/conversations");
        System.out.println("Event log:             http://localhost:" + port + "/sim/events");
        System.out.println("Press Ctrl+C to stop.");
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        Thread.currentThread().join();
    }
}
