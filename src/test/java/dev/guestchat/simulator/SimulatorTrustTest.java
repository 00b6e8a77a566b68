package dev.guestchat.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's simulator is nobody else's: it listens on loopback unless told otherwise, and its control API takes no
 * state change a page of another origin could send (CSRF).
 */
class SimulatorTrustTest extends SimulatorHarness {
    /** A non-loopback IPv4 address of this machine; null when it has none. */
    static InetAddress ownNonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a;
                }
            }
        }
        return null;
    }

    /**
     * Whether a server holds {@code port} on {@code address}: binding a socket there fails if it does. Nothing is
     * sent anywhere, so no traffic leaves loopback.
     */
    static boolean listensOn(InetAddress address, int port) throws Exception {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, port));
            return false;
        } catch (BindException taken) {
            return true;
        }
    }

    /** Whether this machine has {@code address} at all (an IPv6 loopback may be switched off). */
    static boolean canBind(InetAddress address) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, 0));
            return true;
        } catch (Exception absent) {
            return false;
        }
    }

    @Test
    void theDemoListensOnLoopbackUnlessHostSaysOtherwise() throws Exception {
        assertEquals("127.0.0.1", SimulatorMain.host(Map.of()));
        assertEquals("0.0.0.0", SimulatorMain.host(Map.of("HOST", "0.0.0.0")), "HOST opts in");
        assertTrue(SimulatorMain.isLoopback(SimulatorMain.host(Map.of())));
        InetAddress other = ownNonLoopbackAddress();
        assumeTrue(other != null, "this machine has no address but loopback");
        try (GuestApiSimulator demo = SimulatorMain.listen(new GuestApiSimulator(Map.of("/dist", Path.of("web/dist"))),
                Map.of(), 0)) {
            assertTrue(listensOn(InetAddress.getByName("127.0.0.1"), demo.port()), "it does listen on loopback");
            InetAddress ipv6 = InetAddress.getByName("::1");
            if (canBind(ipv6)) {
                assertTrue(listensOn(ipv6, demo.port()), "and on IPv6 loopback, where 'localhost' may resolve");
            }
            assertTrue(!listensOn(other, demo.port()), "nothing of it answers on " + other.getHostAddress());
        }
        try (GuestApiSimulator everywhere = new GuestApiSimulator(Map.of("/dist", Path.of("web/dist")))
                .start("0.0.0.0", 0)) {
            assertTrue(listensOn(other, everywhere.port()), "the check tells: HOST=0.0.0.0 listens on " + other.getHostAddress());
        }
    }

    static HttpResponse<String> raw(String method, String path, String type, String origin, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void stateChangesNeedJsonFromTheSimulatorsOwnOrigin() throws Exception {
        String dep = deployment("{\"routingDelayMillis\":60000}");
        try (GuestClient guest = client(dep, GuestClient.newToken())) {
            guest.ready();
            guest.text("hello");
            guest.next("StructuredMessage");
            String conv = conversation(dep).path("id").asString();
            String path = "/sim/conversations/" + conv + "/messages";
            HttpResponse<String> plain = raw("POST", path, "text/plain", null, "{\"text\":\"injected\"}");
            assertEquals(403, plain.statusCode(), "a form or no-cors fetch can send text/plain: refused");
            assertTrue(plain.body().contains("application/json"), plain.body());
            assertEquals(403, raw("POST", path, null, null, "{\"text\":\"injected\"}").statusCode(), "no type: refused");
            HttpResponse<String> foreign = raw("POST", path, "application/json", "http://evil.example", "{\"text\":\"injected\"}");
            assertEquals(403, foreign.statusCode(), "another origin: refused");
            assertTrue(foreign.body().contains("evil.example"), foreign.body());
            assertEquals(403, raw("PUT", "/sim/deployments/" + dep, "text/plain", null, "{\"clearEnabled\":false}").statusCode());
            assertEquals(403, raw("POST", "/sim/reset", "text/plain", null, "").statusCode());
            assertTrue(!conversation(dep).path("transcript").toString().contains("injected"), "nothing was injected");
            assertEquals(200, raw("POST", path, "application/json", "http://127.0.0.1:" + port, "{\"text\":\"from the console\"}")
                    .statusCode(), "the simulator's own page");
            assertEquals(200, raw("POST", path, "application/json; charset=utf-8", null, "{\"text\":\"from a tool\"}")
                    .statusCode(), "a JSON client without Origin (curl, the tests)");
            HttpResponse<String> read = raw("GET", "/sim/events", null, "http://evil.example", "");
            assertEquals(200, read.statusCode());
            assertNull(read.headers().firstValue("Access-Control-Allow-Origin").orElse(null), "no CORS: other origins cannot read");
        }
    }
}
