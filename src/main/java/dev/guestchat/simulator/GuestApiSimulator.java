package dev.guestchat.simulator;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local Genesys Guest API: the WebSocket ({@code /v1?deploymentId=…}), the history and deployment-config REST
 * endpoints, and an agent-side control API ({@code /sim/…}) with routing, fault injection and an event log.
 * Faithful to PROTOCOL.md §9 for everything the widget uses; every client frame is validated against the official
 * schema. This class is the wiring: which URL goes to which part, and the simulator's public handle.
 */
public final class GuestApiSimulator implements AutoCloseable {
    private final SimState state = new SimState();
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventLog log;
    private final SimWire wire;
    private final AgentControl agent;
    /** Guests' and agents' files; emptied by {@link #reset()}. */
    private final SimAttachments attachments;
    /** The identity provider and token service of signed-in customers; emptied by {@link #reset()}. */
    private final SimAuth auth;
    private final Javalin app;

    /** A directory served as static files under {@code urlPrefix}, with extra response headers (e.g. a CSP). */
    public record StaticDir(String urlPrefix, Path directory, Map<String, String> headers) {
    }

    /**
     * @param staticDirs URL prefix → directory served as static files (the demo, test pages, the bundle)
     */
    public GuestApiSimulator(Map<String, Path> staticDirs) {
        this(staticDirs.entrySet().stream().map(e -> new StaticDir(e.getKey(), e.getValue(), Map.of())).toList());
    }

    public GuestApiSimulator(List<StaticDir> staticDirs) {
        JwtIssuer jwt = new JwtIssuer();
        log = new EventLog(json);
        wire = new SimWire(state, json, log);
        attachments = new SimAttachments(state, wire, log);
        Routing routing = new Routing(state, wire, log, attachments);
        auth = new SimAuth(state);
        ConnectionBinding binding = new ConnectionBinding(state, wire);
        SignedInSessions signedIn = new SignedInSessions(state, wire, routing, log, auth, binding);
        AuthEndpoints tokens = new AuthEndpoints(state, auth, signedIn, json);
        GuestProtocol protocol = new GuestProtocol(state, wire, routing, FrameValidator.load(json), jwt, log, json,
                attachments, binding, signedIn);
        HistoryEndpoint history = new HistoryEndpoint(state, jwt, json);
        ConfigEndpoint config = new ConfigEndpoint(state);
        agent = new AgentControl(state, wire, routing, log, json, attachments);
        FaultInjection faults = new FaultInjection(state, wire, log);
        app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.http.maxRequestSize = 32L * 1024 * 1024; // uploads up to a deployment's largest maxFileSizeKB, with room

            staticDirs.forEach(dir -> c.staticFiles.add(s -> {
                s.hostedPath = dir.urlPrefix();
                s.directory = dir.directory().toAbsolutePath().toString();
                s.location = Location.EXTERNAL;
                Map<String, String> headers = new LinkedHashMap<>(dir.headers());
                headers.put("Cache-Control", "no-store");
                s.headers = headers;
            }));
            // the Guest API: WebSocket, history, deployment config
            c.routes.wsBeforeUpgrade("/v1", protocol::checkUpgrade);
            c.routes.ws("/v1", ws -> {
                ws.onConnect(protocol::opened);
                ws.onMessage(ctx -> protocol.received(ctx, ctx.message()));
                ws.onClose(protocol::closed);
                ws.onError(protocol::closed);
            });
            c.routes.before("/api/*", history::cors);
            c.routes.options("/api/*", ctx -> ctx.status(204));
            c.routes.get("/api/v2/webmessaging/messages", history::history);
            // signed-in customers (§3.2): the Genesys token service, and the identity provider that feeds it
            c.routes.before("/api/v2/webdeployments/token/*", tokens::cors);
            c.routes.post("/api/v2/webdeployments/token/oauthcodegrantjwtexchange", tokens::exchange);
            c.routes.post("/api/v2/webdeployments/token/refresh", tokens::refresh);
            c.routes.delete("/api/v2/webdeployments/token/revoke", tokens::revoke);
            c.routes.get("/sim/oauth/authorize", tokens::authorizePage);
            c.routes.get("/webdeployments/v1/deployments/{id}/config.json", config::deploymentConfig);
            // the file store behind the presigned URLs (S3's part)
            c.routes.put("/uploads/{id}", attachments::put);
            c.routes.get("/downloads/{id}", attachments::download);
            c.routes.options("/uploads/{id}", ctx -> SimAttachments.cors(ctx.status(204)));
            c.routes.options("/downloads/{id}", ctx -> SimAttachments.cors(ctx.status(204)));
            c.routes.get("/sim/sample.png", ctx -> ctx.contentType("image/png").header("Cache-Control", "max-age=3600")
                    .result(SamplePicture.png(String.valueOf(ctx.queryString()))));
            // the agent's side: state changes only from the simulator's own pages and JSON clients (no CSRF)
            c.routes.before("/sim/*", ControlGuard::check);
            c.routes.get("/sim/deployments", agent::deployments);
            c.routes.put("/sim/deployments/{id}", agent::putDeployment);
            c.routes.get("/sim/conversations", agent::conversations);
            c.routes.post("/sim/conversations/{id}/messages", agent::agentMessage);
            c.routes.post("/sim/conversations/{id}/typing", agent::agentTyping);
            c.routes.post("/sim/conversations/{id}/disconnect", agent::agentDisconnect);
            c.routes.get("/sim/events", agent::events);
            c.routes.post("/sim/oauth/codes", tokens::codes);
            c.routes.put("/sim/auth", tokens::lifetimes);
            c.routes.get("/sim/auth", tokens::counts);
            c.routes.get("/sim/attachments", ctx -> ctx.contentType("application/json")
                    .result(attachments.summary(ctx.queryParam("token")).toString()));
            c.routes.get("/agent", ctx -> ctx.redirect("/agent.html"));
            // faults and housekeeping
            c.routes.post("/sim/sessions/{token}/drop", faults::dropConnections);
            c.routes.post("/sim/sessions/{token}/raw", faults::pushRaw);
            c.routes.post("/sim/reset", ctx -> {
                reset();
                ctx.status(204);
            });
        });
    }

    public GuestApiSimulator start(String host, int port) {
        app.start(host, port);
        return this;
    }

    /**
     * Also listens on {@code host} at the port already taken (loopback's IPv6 half, {@code ::1}); false when this
     * machine cannot bind that address, which leaves the first one as the only way in.
     */
    public boolean alsoListenOn(String host) {
        Server server = app.jettyServer().server();
        ServerConnector first = (ServerConnector) server.getConnectors()[0];
        ServerConnector also = new ServerConnector(server,
                first.getConnectionFactories().toArray(new ConnectionFactory[0]));
        also.setHost(host);
        also.setPort(port());
        server.addConnector(also);
        try {
            if (!also.isStarted()) {
                also.start();
            }
            return true;
        } catch (Exception unavailable) {
            server.removeConnector(also);
            return false;
        }
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        state.timers.shutdownNow();
        wire.close();
    }

    /** Adds (or returns) a deployment; unknown deployment ids are refused at the handshake. */
    public SimDeploymentHandle deployment(String id) {
        synchronized (state) {
            state.deployment(id);
        }
        return new SimDeploymentHandle(this, id);
    }

    /** Test/demo hook: applies a JSON patch to a deployment's settings. */
    public void configure(String deploymentId, String patchJson) {
        synchronized (state) {
            state.deployment(deploymentId).update(json.readTree(patchJson));
        }
    }

    /** Every conversation since the last reset, as the agent console lists them. */
    public String conversationsJson() {
        return agent.conversationsJson();
    }

    /** Forgets sessions, conversations and the event log (deployments stay). */
    public void reset() {
        synchronized (state) {
            for (SimConnection c : new ArrayList<>(state.connections.values())) {
                wire.closeSocket(c, 1001, "reset");
            }
            state.sessions.clear();
            state.conversations.clear();
            attachments.reset();
            auth.reset();
            log.clear();
        }
    }
}
