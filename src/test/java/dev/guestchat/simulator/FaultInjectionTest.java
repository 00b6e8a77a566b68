package dev.guestchat.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Faults on demand: dropped sockets, pushed frames, refused handshakes — what the widget's resilience tests rely on. */
class FaultInjectionTest extends SimulatorHarness {
    @Test
    void droppingASessionCutsEveryConnectionWithoutACloseFrameAndKeepsTheSession() throws Exception {
        String dep = deployment("{}");
        String token;
        try (TwoTabs tabs = twoTabs(dep)) {
            token = tabs.token();
            tabs.a().text("before the drop");
            tabs.a().next("StructuredMessage");
            HttpResponse<String> r = http("POST", "/sim/sessions/" + token + "/drop", "", null);
            assertEquals("{\"dropped\":2}", r.body());
            assertEquals(1006, tabs.a().closed.get(3, TimeUnit.SECONDS), "no close frame: the client sees an abnormal close");
            assertEquals(1006, tabs.b().closed.get(3, TimeUnit.SECONDS));
        }
        try (GuestClient again = client(dep, token)) {
            again.configure(false);
            JsonNode response = again.next("SessionResponse");
            assertEquals(false, response.path("body").path("newSession").asBoolean(true), "the session outlives its sockets");
        }
    }

    @Test
    void aPushedFrameReachesEveryConnectionVerbatim() throws Exception {
        try (TwoTabs tabs = twoTabs(deployment("{}"))) {
            String token = tabs.token();
            GuestClient a = tabs.a();
            GuestClient b = tabs.b();
            String raw = "{\"type\":\"message\",\"class\":\"NoSuchEvent\",\"code\":200,\"body\":{\"deep\":[[[1]]]}}";
            assertEquals(204, http("POST", "/sim/sessions/" + token + "/raw", raw, null).statusCode());
            assertEquals(GuestClient.JSON.readTree(raw), a.next("NoSuchEvent"));
            assertEquals(GuestClient.JSON.readTree(raw), b.next("NoSuchEvent"));
            assertEquals(204, http("POST", "/sim/sessions/" + token + "/raw", "not json at all", null).statusCode());
            assertEquals("not json at all", a.next().asString(), "garbage is delivered as it is");
        }
        assertEquals(404, http("POST", "/sim/sessions/no-such-token/raw", "{}", null).statusCode());
    }

    @Test
    void anUnreachableDeploymentRefusesHandshakesWith503UntilItIsBack() {
        String dep = deployment("{\"unreachable\":true}");
        CompletionException e = assertThrows(CompletionException.class, () -> new GuestClient(port, dep, "t"));
        assertTrue(e.getCause() instanceof WebSocketHandshakeException, String.valueOf(e.getCause()));
        assertEquals(503, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        sim.deployment(dep).set("{\"unreachable\":false}");
        try (GuestClient c = client(dep, GuestClient.newToken())) {
            assertTrue(c.ready().path("body").path("connected").asBoolean());
        }
    }
}
