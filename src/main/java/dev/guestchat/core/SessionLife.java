package dev.guestchat.core;

/**
 * The session's life: the one {@link SessionState} the customer sees, and the events that move it. The parts of
 * the session report what happened — a socket is opening, the session was configured, the customer asked to end,
 * the service cleared the conversation — and this table alone says where that leads from each state. An event
 * the table does not allow in the current state is a bug in the session's own code: reported through
 * {@link Ports.Log#bug} (tests fail on it; a page logs it) and the state stays as it was.
 *
 * <p>{@link #TABLE} has one row per event (its number in a bug report is the row's): the next state from each
 * current state, in the order of {@link SessionState}'s values:
 * <pre>
 *   I idle   C connecting   O connected   R reconnecting   N ending   E ended   D read-only   S suspended   F failed
 *   '=' the state stays (allowed, nothing to report)    '-' not allowed: a bug
 * </pre>
 * Every change is reported to the observer exactly once.
 *
 * <p>Beside the state it keeps what a page exit left for the exit's later events and for a page coming back from
 * the back/forward cache ({@link #exit()}); any change of state ends that, so it never outlives the state it was
 * made in.
 */
final class SessionLife {
    /** The letters of the table, one per state in {@link SessionState} order. */
    private static final String LETTERS = "ICORNEDSF";
    /** Cells in a row: one per state. */
    static final int WIDTH = 9;

    // The events, each the offset of its row in TABLE.
    /** A first socket opens (or one the customer asked for); an end under way stays in sight while it connects. */
    static final int OPENING = 0 * WIDTH;
    /** A socket opens after a drop, having waited out the backoff. */
    static final int RETRYING = 1 * WIDTH;
    /** The socket dropped; a reconnect follows. An end under way stays in sight. */
    static final int LOST = 2 * WIDTH;
    /** The session is configured and can talk; an end waiting for the customer's messages stays in sight. */
    static final int CONFIGURED = 3 * WIDTH;
    /**
     * The session is read-only (§5.6) — configured so, the agent left in read-only mode, a message was refused
     * 409, or an end failed on it: history, no sending.
     */
    static final int READ_ONLY = 4 * WIDTH;
    /** An end is asked or resumed: Clear out, or waiting for the socket or the customer's messages. */
    static final int ENDING = 5 * WIDTH;
    /** Over: cleared, expired, left with the Clear out, nothing to end, or wiped while the page was cached. */
    static final int ENDED = 6 * WIDTH;
    /** The end failed with the session configured: the chat goes on. */
    static final int END_FAILED_CONNECTED = 7 * WIDTH;
    /** The end failed with no configured session: it reconnects. */
    static final int END_FAILED_OFFLINE = 8 * WIDTH;
    /** The service closed this connection: another window took over (§4.5); it waits to be asked back. */
    static final int SUSPENDED = 9 * WIDTH;
    /** The page was hidden with the chat kept: its socket is closed until the page shows again. */
    static final int PAUSED = 10 * WIDTH;
    /** Start new chat: nothing yet, the next message opens it. A failed set-up stays failed. */
    static final int START_NEW = 11 * WIDTH;
    /** The set-up cannot work (no or an unknown deployment). */
    static final int FAILED = 12 * WIDTH;
    /** The end under way is a page exit's, its Clear sent in {@code beforeunload}: {@code pagehide} only minds its socket. */
    static final int CLEARED_ON_EXIT = 13 * WIDTH;
    /** The page paused by a {@code pagehide} is shown again: it reconnects as the page it was. */
    static final int SHOWN = 14 * WIDTH;

    // What a page exit left behind ({@link #exit()}); EXIT_NONE after any change of state.
    /** Nothing: no exit under way, or the page stayed. */
    static final int EXIT_NONE = 0;
    /** The Clear of the end under way left in {@code beforeunload} (Firefox closes the socket before pagehide). */
    static final int EXIT_CLEAR_SENT = 1;
    /** {@code pagehide} closed the socket to keep the conversation (a cached page, or another tab holds it). */
    static final int EXIT_PAUSED = 2;

    /** One row of {@link #WIDTH} cells per event, in the order of the events above (its test reads it too). */
    static final String TABLE =
            //   ICORNEDSF   (from)
              "C=CC=CCC-"  // OPENING
            + "RR-==RRR-"  // RETRYING
            + "-RR==-R--"  // LOST
            + "-O=O=-O--"  // CONFIGURED
            + "-DDDD-=--"  // READ_ONLY
            + "NNNN=-NNN"  // ENDING
            + "EEEEE=EEE"  // ENDED
            + "-OOOO-O--"  // END_FAILED_CONNECTED
            + "-RR=R-R--"  // END_FAILED_OFFLINE
            + "-SSSS-S=-"  // SUSPENDED
            + "=IIII-I--"  // PAUSED
            + "=IIIIIII="  // START_NEW
            + "FFFFFFFF="  // FAILED
            + "----=----"  // CLEARED_ON_EXIT
            + "=--------"; // SHOWN

    private final SessionObserver observer;
    private final Ports.Log log;
    /** What the customer sees now; IDLE until the first event, and again after {@link #forget()}. */
    private SessionState state = SessionState.IDLE;
    /** What the last page exit left in this state: an EXIT_ value (CLEAR_SENT only while ENDING, PAUSED while IDLE). */
    private int exit = EXIT_NONE;

    SessionLife(SessionObserver observer, Ports.Log log) {
        this.observer = observer;
        this.log = log;
    }

    SessionState state() {
        return state;
    }

    /** What a page exit left behind in the current state: one of the EXIT_ values. */
    int exit() {
        return exit;
    }

    /** The conversation is over or cannot go on: nothing may reconnect by itself. */
    boolean isSettled() {
        return state == SessionState.ENDED || state == SessionState.SUSPENDED || state == SessionState.FAILED;
    }

    /** The table allows this event in the current state (for a part whose news may come when it no longer applies). */
    boolean allows(int event) {
        return TABLE.charAt(event + state.column) != '-';
    }

    /**
     * This event happened (one of the constants above); false when the table does not allow it now
     * (a bug, reported), and the state stays.
     */
    boolean on(int event) {
        char next = TABLE.charAt(event + state.column);
        if (next == '-') {
            log.bug("guest-chat: no transition from " + state.wire + " on event " + event / WIDTH);
            return false;
        }
        if (next != '=') {
            SessionState to = SessionState.BY_COLUMN[LETTERS.indexOf(next)];
            if (to != state) {
                state = to;
                exit = EXIT_NONE;
                observer.stateChanged(to);
            }
        }
        if (event == CLEARED_ON_EXIT || event == PAUSED || event == SHOWN) {
            exit = event == CLEARED_ON_EXIT ? EXIT_CLEAR_SENT : event == PAUSED ? EXIT_PAUSED : EXIT_NONE;
        }
        return true;
    }

    /** The widget is being destroyed: back to IDLE without telling anyone (nobody is listening any more). */
    void forget() {
        state = SessionState.IDLE;
        exit = EXIT_NONE;
    }
}
