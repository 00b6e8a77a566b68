package dev.guestchat.core;

import java.util.function.DoubleSupplier;

/** Reconnect delays 1, 2, 5, 10, 30 s (then 30 s) with ±20 % jitter so many tabs don't reconnect in step. */
public final class Backoff {
    private static final double[] STEPS = {1_000, 2_000, 5_000, 10_000, 30_000};
    /** Uniform [0,1) source; injected so tests are exact. */
    private final DoubleSupplier random;
    /** Failed attempts since the last successful configure; 0 after success. */
    private int attempts;

    public Backoff(DoubleSupplier random) {
        this.random = random;
    }

    public double nextDelay() {
        double base = STEPS[Math.min(attempts, STEPS.length - 1)];
        attempts++;
        return Math.floor(base * (0.8 + 0.4 * random.getAsDouble()) + 0.5); // whole milliseconds
    }

    public int attempts() {
        return attempts;
    }

    public void reset() {
        attempts = 0;
    }
}
