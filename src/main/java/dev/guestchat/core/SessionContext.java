package dev.guestchat.core;

/**
 * What every part of one session shares: its configuration, the ports it needs from the page, the stored session,
 * the observer, the session's life ({@link SessionLife}: the one state the customer sees, DESIGN.md §2) and the
 * table of answers awaited ({@link Replies}).
 */
final class SessionContext {
    final SessionConfig config;
    final Ports.Scheduler scheduler;
    final Ports.IdSource ids;
    final SessionStore store;
    final SessionObserver observer;
    final Ports.Log log;
    /** The one state the customer sees, and the table of what may change it. */
    final SessionLife life;
    /** Which part waits for the answer to each frame this page sent, by tracingId. */
    final Replies replies = new Replies();

    SessionContext(SessionConfig config, Ports.Scheduler scheduler, Ports.IdSource ids, SessionStore store,
                   SessionObserver observer, Ports.Log log) {
        this.config = config;
        this.scheduler = scheduler;
        this.ids = ids;
        this.store = store;
        this.observer = observer;
        this.log = log;
        this.life = new SessionLife(observer, log);
    }

    /** The session's token, made the first time something needs one (the first message, or the first socket). */
    String token() {
        if (store.token() == null) {
            store.token(ids.newId());
        }
        return store.token();
    }

    SessionState state() {
        return life.state();
    }

    /** The conversation is over or cannot go on: nothing may reconnect by itself. */
    boolean isSettled() {
        return life.isSettled();
    }
}
