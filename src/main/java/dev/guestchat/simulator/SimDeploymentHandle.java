package dev.guestchat.simulator;

/** A typed way for tests and the demo to change one deployment's settings. */
public final class SimDeploymentHandle {
    private final GuestApiSimulator simulator;
    private final String id;

    SimDeploymentHandle(GuestApiSimulator simulator, String id) {
        this.simulator = simulator;
        this.id = id;
    }

    public String id() {
        return id;
    }

    public SimDeploymentHandle set(String patchJson) {
        simulator.configure(id, patchJson);
        return this;
    }
}
