package dev.guestchat.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the simulator for manual use and the demo: {@code java … SimulatorMain [port]} (default 8080, or
 * {@code $PORT}). Serves {@code demo/} at {@code /} and the widget bundle at {@code /dist/}, with one demo
 * deployment whose scripted agent answers. It listens on loopback only ({@code 127.0.0.1} and {@code ::1}): its control API can read every
 * session token and speak as the agent, so another machine reaches it only when {@code $HOST} says so
 * ({@code HOST=0.0.0.0}), with a warning.
 */
public final class SimulatorMain {
    public static final String DEMO_DEPLOYMENT = "demo-deployment";
    /** The before/after page's naive widget, so the console can tell the two apart. */
    public static final String NAIVE_DEPLOYMENT = "naive-deployment";

    /** Where the demo listens unless {@code $HOST} says otherwise. */
    static final String LOOPBACK = "127.0.0.1";

    private SimulatorMain() {
    }

    /** {@code $HOST} when set, else loopback: the control API is nobody else's business unless you say so. */
    static String host(Map<String, String> env) {
        String host = env.get("HOST");
        return host == null || host.isBlank() ? LOOPBACK : host.trim();
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    /**
     * Starts {@code sim} where {@code $HOST} says: loopback (both {@code 127.0.0.1} and {@code ::1}, so a browser
     * that resolves {@code localhost} to either finds it) unless told otherwise, with a warning then.
     */
    static GuestApiSimulator listen(GuestApiSimulator sim, Map<String, String> env, int port) {
        String host = host(env);
        if (!isLoopback(host)) {
            System.out.println("WARNING: listening on " + host + ": anyone who reaches this machine can read every session"
                    + " token and drive the agent side through /sim/. Use it only on a network you trust.");
        }
        sim.start(host, port);
        if (host.equals(LOOPBACK) && !sim.alsoListenOn("::1")) {
            System.out.println("(no IPv6 loopback on this machine: listening on 127.0.0.1 only)");
        }
        return sim;
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0])
                : Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Map<String, Path> statics = new LinkedHashMap<>();
        statics.put("/dist", Path.of("web/dist"));
        if (Files.isDirectory(Path.of("demo"))) {
            statics.put("/", Path.of("demo"));
        }
        GuestApiSimulator sim = listen(new GuestApiSimulator(statics), System.getenv(), port);
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
