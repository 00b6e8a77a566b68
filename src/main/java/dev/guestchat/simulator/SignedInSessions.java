package dev.guestchat.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed-in customers on the socket (PROTOCOL.md §3.2, §4.5, §4.6, §5.15): {@code configureAuthenticatedSession}
 * with the messaging JWT in {@code data.code}, and what follows from who the JWT says the customer is.
 *
 * <p>One customer has one session per deployment, whatever the device: a second device's token joins the same
 * session (so both see one conversation and its history), and {@link SimState#sessions} maps every token of the
 * customer to that one object. A guest session configured with a JWT on its own token is a step-up: it becomes the
 * customer's (Presence SignIn), and a session the customer had elsewhere is cleared, its devices told
 * {@code ConnectionClosedEvent{reason: "signedIn"}} ({@code clearedExistingSession}). Signing out sends
 * {@code LogoutEvent} to every device. Callers hold the state lock.
 */
final class SignedInSessions {
    private final SimState state;
    private final SimWire wire;
    private final Routing routing;
    private final EventLog log;
    private final SimAuth auth;
    private final ConnectionBinding binding;

    SignedInSessions(SimState state, SimWire wire, Routing routing, EventLog log, SimAuth auth,
                     ConnectionBinding binding) {
        this.state = state;
        this.wire = wire;
        this.routing = routing;
        this.log = log;
        this.auth = auth;
        this.binding = binding;
    }

    void configure(SimConnection c, tools.jackson.databind.JsonNode frame, String token, String tracingId) {
        String deploymentId = frame.path("deploymentId").asString();
        if (!deploymentId.equals(c.deploymentId)) {
            wire.sendError(c, 400, "Request failed. deploymentId does not match the connection", tracingId);
            return;
        }
        SimAuth.Customer who = auth.verify(frame.path("data").path("code").asString(null));
        if (who == null || !deploymentId.equals(who.deploymentId())) {
            log.event("auth-refused", token, "JWT missing, expired, revoked or for another deployment");
            wire.sendError(c, 401, "User is unauthorized", tracingId);
            return;
        }
        SimSession existing = state.sessions.get(token);
        if (existing != null && existing.customer != null && !existing.customer.userId().equals(who.userId())) {
            wire.sendError(c, 403, "Session authentication failed", tracingId); // another customer's token
            return;
        }
        SimSession mine = sessionOf(who);
        boolean newSession = false;
        boolean clearedExisting = false;
        boolean stepUp = existing != null && existing.customer == null;
        SimSession s;
        if (stepUp) {
            if (mine != null) {
                signedInHere(mine);
                clearedExisting = true;
            }
            s = existing;
            s.customer = who;
            if (s.conversation != null) {
                s.conversation.customerName = who.name();
            }
            log.event("stepped-up", token, who.userId());
        } else if (existing != null) {
            s = existing; // this device again: a reconnect, or a refreshed JWT
        } else if (mine != null) {
            s = mine; // another device: the same conversation and its history
            state.sessions.put(token, s);
        } else {
            s = new SimSession(token, deploymentId);
            s.customer = who;
            state.sessions.put(token, s);
            newSession = true;
        }
        if (frame.path("startNew").asBoolean(false) && !newSession) {
            s = routing.startOver(s);
            newSession = true;
        }
        binding.bind(c, s, token);
        log.event("signed-in", token, who.userId() + (newSession ? " new" : " resumed"));
        if (stepUp) {
            wire.send(c, "message", "StructuredMessage", 200, SimFrames.signIn(who.firstName(), who.lastName()), null);
        }
        ObjectNode body = SimFrames.sessionBody(newSession, s.readOnly, state.deployments.get(deploymentId));
        body.put("clearedExistingSession", clearedExisting);
        wire.send(c, "response", "SessionResponse", 200, body, tracingId);
    }

    /** The revoke endpoint signed {@code who} out: every device hears LogoutEvent and is no longer configured. */
    void signedOut(SimAuth.Customer who) {
        for (SimSession s : sessionsOf(who)) {
            for (SimConnection c : new ArrayList<>(s.connections)) {
                wire.sendEvent(c, "LogoutEvent");
                s.connections.remove(c);
                c.token = null;
            }
            if (s.conversation != null) {
                s.conversation.guestConnections = 0;
            }
            log.event("signed-out", s.token, who.userId());
        }
    }

    /** The customer's session on their deployment; null when they have none. */
    private SimSession sessionOf(SimAuth.Customer who) {
        for (SimSession s : sessionsOf(who)) {
            if (s.deploymentId.equals(who.deploymentId())) {
                return s;
            }
        }
        return null;
    }

    private Set<SimSession> sessionsOf(SimAuth.Customer who) {
        Set<SimSession> found = new LinkedHashSet<>();
        for (SimSession s : state.sessions.values()) {
            if (s.customer != null && s.customer.userId().equals(who.userId())) {
                found.add(s);
            }
        }
        return found;
    }

    /** A step-up elsewhere replaces this session: its devices are told why, and its tokens are forgotten. */
    private void signedInHere(SimSession other) {
        routing.abandon(other, "signed in on another device");
        for (SimConnection c : new ArrayList<>(other.connections)) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("reason", "signedIn"); // the transport SDK reads reason, the schema names reasonCode
            body.put("reasonCode", "signedIn");
            wire.send(c, "message", "ConnectionClosedEvent", 200, body, null);
            wire.detach(c);
        }
        state.sessions.values().removeIf(s -> s == other);
    }
}
