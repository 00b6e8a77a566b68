package dev.guestchat.simulator;

import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Everything the simulated service knows: deployments, guest sessions, open sockets and conversations.
 *
 * <p>Every read and write holds this object's monitor: traffic is small, and one lock keeps every fan-out
 * (Clear → every connection of a token) atomic with respect to other frames. Timer tasks take it too.
 */
final class SimState {
    /** Deployment id → settings; unknown ids are refused at the handshake. */
    final Map<String, SimDeployment> deployments = new LinkedHashMap<>();
    /** Token → guest session; a session leaves when it is cleared. */
    final Map<String, SimSession> sessions = new LinkedHashMap<>();
    /** Every open socket, configured or not. */
    final Map<WsContext, SimConnection> connections = new LinkedHashMap<>();
    /** The agent console lists this many conversations; beyond it the oldest ended one is forgotten first. */
    static final int MAX_CONVERSATIONS = 20_000;
    /** Conversations since the last reset, ended ones included (the agent console lists them), oldest first. */
    final List<SimConversation> conversations = new ArrayList<>();
    /** Routing delays, scripted replies and closes after Clear; tasks lock this object before touching state. */
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator-timers");
        t.setDaemon(true);
        return t;
    });

    /** Adds a conversation, forgetting the oldest (ended first) beyond {@link #MAX_CONVERSATIONS}. */
    void add(SimConversation conversation) {
        conversations.add(conversation);
        if (conversations.size() > MAX_CONVERSATIONS) {
            int oldest = 0;
            for (int i = 0; i < conversations.size(); i++) {
                if (!conversations.get(i).isOpen()) {
                    oldest = i;
                    break;
                }
            }
            conversations.remove(oldest);
        }
    }

    /** The conversation with this id; null when there is none. */
    SimConversation conversation(String id) {
        for (SimConversation c : conversations) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }

    SimDeployment deployment(String id) {
        return deployments.computeIfAbsent(id, SimDeployment::new);
    }
}
