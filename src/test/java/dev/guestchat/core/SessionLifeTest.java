package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every state × every event of {@link SessionLife}: what each cell does (a move reported once, a stay reported
 * never, a forbidden one reported as a bug with the state kept), and the rules the table stands for — every state
 * can be reached, the customer can always end, an end under way is never hidden by socket events, an ended or
 * failed chat does not come back by itself.
 */
class SessionLifeTest {
    static final List<Integer> EVENTS = List.of(SessionLife.OPENING, SessionLife.RETRYING, SessionLife.LOST,
            SessionLife.CONFIGURED, SessionLife.READ_ONLY, SessionLife.ENDING,
            SessionLife.ENDED, SessionLife.END_FAILED_CONNECTED,
            SessionLife.END_FAILED_OFFLINE, SessionLife.SUSPENDED, SessionLife.PAUSED, SessionLife.START_NEW,
            SessionLife.FAILED, SessionLife.CLEARED_ON_EXIT, SessionLife.SHOWN);

    final Fakes.Observer seen = new Fakes.Observer();
    final List<String> bugs = new ArrayList<>();
    /** A page's log: a bug is logged, not thrown. */
    final Ports.Log pageLog = new Ports.Log() {
        @Override
        public void warn(String message) {
        }

        @Override
        public void bug(String message) {
            bugs.add(message);
        }
    };

    /** The shortest event path from IDLE to each state. */
    static Map<SessionState, List<Integer>> paths() {
        Map<SessionState, List<Integer>> paths = new LinkedHashMap<>();
        paths.put(SessionState.IDLE, List.of());
        ArrayDeque<SessionState> todo = new ArrayDeque<>(List.of(SessionState.IDLE));
        while (!todo.isEmpty()) {
            SessionState from = todo.poll();
            for (int event : EVENTS) {
                SessionState to = next(from, event);
                if (to != null && !paths.containsKey(to)) {
                    List<Integer> path = new ArrayList<>(paths.get(from));
                    path.add(event);
                    paths.put(to, path);
                    todo.add(to);
                }
            }
        }
        return paths;
    }

    /** The table's cell, read independently of SessionLife's lookup; null where the event is not allowed. */
    static SessionState next(SessionState from, int event) {
        char c = SessionLife.TABLE.substring(event, event + SessionLife.WIDTH).charAt(from.column);
        return c == '-' ? null : c == '=' ? from : SessionState.BY_COLUMN["ICORNEDSF".indexOf(c)];
    }

    SessionLife at(SessionState state) {
        SessionLife life = new SessionLife(seen, pageLog);
        for (int event : paths().get(state)) {
            assertTrue(life.on(event));
        }
        assertEquals(state, life.state());
        seen.states.clear();
        return life;
    }

    @Test
    void everyEventHasARowWithOneCellPerState() {
        assertEquals(SessionState.BY_COLUMN.length, SessionLife.WIDTH, "one column per state");
        assertEquals(EVENTS.size() * SessionLife.WIDTH, SessionLife.TABLE.length(), "one row per event");
        for (int i = 0; i < EVENTS.size(); i++) {
            assertEquals(i * SessionLife.WIDTH, EVENTS.get(i), "rows in the order of the events");
        }
        assertTrue(SessionLife.TABLE.matches("[ICORNEDSF=-]+"));
    }

    @Test
    void everyCellOfEveryStateDoesWhatTheTableSays() {
        int cells = 0;
        for (SessionState from : SessionState.BY_COLUMN) {
            for (int event : EVENTS) {
                SessionLife life = at(from);
                bugs.clear();
                SessionState expected = next(from, event);
                assertEquals(expected != null, life.allows(event), from + " allows event " + event / SessionLife.WIDTH);
                boolean allowed = life.on(event);
                String cell = from + " on event " + event / SessionLife.WIDTH;
                if (expected == null) {
                    assertFalse(allowed, cell);
                    assertEquals(1, bugs.size(), cell + ": reported as a bug");
                    assertEquals(from, life.state(), cell + ": the state stays");
                    assertTrue(seen.states.isEmpty(), cell);
                } else {
                    assertTrue(allowed, cell);
                    assertTrue(bugs.isEmpty(), cell);
                    assertEquals(expected, life.state(), cell);
                    assertEquals(expected == from ? List.of() : List.of(expected), seen.states, cell + ": told once");
                }
                cells++;
            }
        }
        assertEquals(9 * EVENTS.size(), cells);
    }

    @Test
    void aForbiddenEventFailsATest() {
        SessionLife life = new SessionLife(seen, Fakes.log(new ArrayList<>()));
        AssertionError bug = assertThrows(AssertionError.class, () -> life.on(SessionLife.CONFIGURED));
        assertEquals("guest-chat: no transition from idle on event 3", bug.getMessage());
    }

    @Test
    void everyStateCanBeReached() {
        assertEquals(SessionState.BY_COLUMN.length, paths().size(), paths().toString());
    }

    @Test
    void theCustomerCanAlwaysEndAndAnEndedChatStaysEnded() {
        for (SessionState from : SessionState.BY_COLUMN) {
            assertEquals(SessionState.ENDED, next(from, SessionLife.ENDED), from.toString());
        }
        for (int event : List.of(SessionLife.LOST, SessionLife.CONFIGURED,
                SessionLife.READ_ONLY, SessionLife.SUSPENDED, SessionLife.ENDING)) {
            assertEquals(null, next(SessionState.ENDED, event), "an ended chat has no socket to hear event " + event / SessionLife.WIDTH);
        }
    }

    @Test
    void anEndUnderWayStaysInSightWhileTheSocketComesAndGoes() {
        for (int event : List.of(SessionLife.OPENING, SessionLife.RETRYING, SessionLife.LOST, SessionLife.CONFIGURED)) {
            assertEquals(SessionState.ENDING, next(SessionState.ENDING, event), "event " + event / SessionLife.WIDTH);
        }
    }

    @Test
    void whatAnExitLeftLastsAsLongAsItsStateAndNoLonger() {
        SessionLife life = at(SessionState.CONNECTED);
        life.on(SessionLife.ENDING);
        assertTrue(life.on(SessionLife.CLEARED_ON_EXIT));
        assertEquals(SessionLife.EXIT_CLEAR_SENT, life.exit());
        for (int event : List.of(SessionLife.LOST, SessionLife.OPENING, SessionLife.CONFIGURED)) {
            life.on(event);
            assertEquals(SessionLife.EXIT_CLEAR_SENT, life.exit(), "the socket comes and goes, the end stays the exit's");
        }
        life.on(SessionLife.END_FAILED_CONNECTED);
        assertEquals(SessionLife.EXIT_NONE, life.exit(), "the page stayed and the end failed: a later exit decides afresh");

        life.on(SessionLife.PAUSED);
        assertEquals(SessionState.IDLE, life.state());
        assertEquals(SessionLife.EXIT_PAUSED, life.exit());
        assertTrue(life.on(SessionLife.SHOWN));
        assertEquals(SessionLife.EXIT_NONE, life.exit());
        life.on(SessionLife.PAUSED);
        life.on(SessionLife.OPENING);
        assertEquals(SessionLife.EXIT_NONE, life.exit(), "a socket opened while hidden: nothing is paused any more");
    }

    @Test
    void everyChangeOfStateForgetsTheExit() {
        for (SessionState from : SessionState.BY_COLUMN) {
            for (int event : EVENTS) {
                SessionState to = next(from, event);
                if (to == null || to == from || event == SessionLife.PAUSED) {
                    continue; // PAUSED leaves its own mark
                }
                SessionLife life = at(from);
                if (from == SessionState.ENDING) {
                    life.on(SessionLife.CLEARED_ON_EXIT);
                } else if (from == SessionState.IDLE) {
                    life.on(SessionLife.PAUSED);
                }
                life.on(event);
                assertEquals(SessionLife.EXIT_NONE, life.exit(), from + " on event " + event / SessionLife.WIDTH);
            }
        }
    }

    @Test
    void anExitClearIsOnlyEverAnEndUnderWayAndOnlyAPausedPageIsShown() {
        for (SessionState from : SessionState.BY_COLUMN) {
            assertEquals(from == SessionState.ENDING ? from : null, next(from, SessionLife.CLEARED_ON_EXIT), from.toString());
            assertEquals(from == SessionState.IDLE ? from : null, next(from, SessionLife.SHOWN), from.toString());
        }
    }

    @Test
    void aFailedSetUpNeverConnects() {
        for (int event : List.of(SessionLife.OPENING, SessionLife.RETRYING, SessionLife.LOST, SessionLife.CONFIGURED,
                SessionLife.START_NEW, SessionLife.PAUSED)) {
            SessionState to = next(SessionState.FAILED, event);
            assertTrue(to == null || to == SessionState.FAILED, "event " + event / SessionLife.WIDTH);
        }
    }
}
