package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.guestchat.fuzz.FrameFuzzer;
import dev.guestchat.protocol.JacksonJson;
import dev.guestchat.protocol.ServerFrame;
import dev.guestchat.protocol.ServerFrames;
import org.junit.jupiter.api.Test;

/**
 * Hostile server frames into the decoder and through the whole session (issue 10): none may throw — not in the
 * decoder, not in a handler (the socket handler's last-resort catch must never be reached) — and after every hundred
 * the same session still sends a message and ends the chat. Seeded: {@code -Dfuzz.seed=N -Dfuzz.frames=N} replays
 * a run; a failure names the seed, the frame's number and the frame.
 */
class FrameFuzzTest extends SessionHarness {
    static final long SEED = Long.getLong("fuzz.seed", 20_261_129L);
    static final int FRAMES = Integer.getInteger("fuzz.frames", 10_000);
    static final int BATCH = 100;

    @Test
    void tenThousandHostileFramesNeverThrowAndTheSessionStillSendsAndEnds() {
        FrameFuzzer fuzzer = new FrameFuzzer(SEED);
        ServerFrames decoder = new ServerFrames(JacksonJson.PARSER);
        int probes = 0;
        for (int n = 0; n < FRAMES; n++) {
            String frame = fuzzer.next();
            ServerFrame decoded;
            try {
                decoded = decoder.decode(frame);
            } catch (RuntimeException e) {
                throw new AssertionError(where(n, frame) + ": the decoder threw " + e, e);
            }
            assertNotNull(decoded, where(n, frame));
            live().receive(frame);
            clock.advance(250); // timers (typing, pacing) run between frames as they would
            if (warnings.stream().anyMatch(w -> w.contains("failed to handle a frame"))) {
                fail(where(n, frame) + ": a handler threw: " + warnings);
            }
            if ((n + 1) % BATCH == 0) {
                stillSendsAndEnds(n);
                probes++;
            }
        }
        assertEquals(FRAMES / BATCH, probes);
    }

    /** A configured socket the session is acting on, re-established the way a customer would (open, Start new chat). */
    Fakes.Socket live() {
        SessionState state = session.state();
        if (state == SessionState.ENDED || state == SessionState.READ_ONLY) {
            session.startNew();
        }
        session.ensureConnected();
        Fakes.Socket s = sockets.last();
        if (!s.open) {
            s.opened();
        }
        if (session.state() != SessionState.CONNECTED) {
            s.receive(sessionResponse(false, false));
        }
        return s;
    }

    /** The same session sends a message (answered like the server would) and ends the chat with Clear. */
    void stillSendsAndEnds(int n) {
        Fakes.Socket s = live();
        String text = "probe " + n;
        assertTrue(session.send(text), "after frame " + n + " (seed " + SEED + "): send refused in " + session.state());
        String tracingId = null;
        for (int i = 0; i < 40 && tracingId == null; i++) {
            clock.advance(250);
            for (var f : sockets.last().frames()) {
                if (text.equals(f.path("message").path("text").asString())) {
                    tracingId = f.path("tracingId").asString();
                }
            }
        }
        assertNotNull(tracingId, "after frame " + n + " (seed " + SEED + "): the message never left");
        sockets.last().receive(inbound(tracingId, "srv-" + tracingId, text, "2026-01-05T10:00:00.000Z"));
        boolean[] ended = {false};
        long clearsBefore = sockets.last().clears();
        session.end((ok, error) -> ended[0] = ok);
        assertEquals(SessionState.ENDING, session.state(), "after frame " + n + " (seed " + SEED + ")");
        assertEquals(clearsBefore + 1, sockets.last().clears(), "after frame " + n + ": one Clear");
        sockets.last().receive(event("SessionClearedEvent"));
        assertTrue(ended[0], "after frame " + n + " (seed " + SEED + "): the end was not confirmed");
        assertEquals(SessionState.ENDED, session.state());
        warnings.clear();
    }

    static String where(int n, String frame) {
        String shown = frame.length() > 300 ? frame.substring(0, 300) + "… (" + frame.length() + " chars)" : frame;
        return "seed " + SEED + ", frame " + n + " " + shown;
    }
}
