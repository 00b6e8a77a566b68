package dev.guestchat.core;

/**
 * What every part of one session shares: its configuration, the ports it needs from the page, the stored session,
 * the observer, and the one {@link SessionState} the customer sees (DESIGN.md §2), each change of which is
 * reported exactly once.
 */
final class SessionContext {
    final SessionConfig config;
    final Ports.Scheduler scheduler;
    final Ports.IdSource ids;
    final SessionStore store;
    final SessionObserver observer;
    final Ports.Log log;
    /** What the customer sees now; IDLE until the first connect, and again after {@link #forgetState()}. */
    private SessionState state = SessionState.IDLE;

    SessionContext(SessionConfig config, Ports.Scheduler scheduler, Ports.IdSource ids, SessionStore store,
                   SessionObserver observer, Ports.Log log) {
        this.config = config;
        this.scheduler = scheduler;
        this.ids = ids;
        this.store = store;
        this.observer = observer;
        this.log = log;
    }

    SessionState state() {
        return state;
    }

    /** The conversation is over or cannot go on: nothing may reconnect by itself. */
    boolean isSettled() {
        return state == SessionState.ENDED || state == SessionState.SUSPENDED || state == SessionState.FAILED;
    }

    void setState(SessionState next) {
        if (state != next) {
            state = next;
            observer.stateChanged(next);
        }
    }

    /** The widget is being destroyed: back to IDLE without telling anyone (nobody is listening any more). */
    void forgetState() {
        state = SessionState.IDLE;
    }
}
