package dev.guestchat.core;

/**
 * What the session needs from its surroundings. The browser room implements these with JSO; the JVM tests
 * with fakes (fake clock, fake socket), which is what makes every transition testable without a browser.
 */
public final class Ports {
    private Ports() {
    }

    /** Where diagnostics go (the console in the browser). */
    public interface Log {
        void warn(String message);

        /** A rule of the session's own code was broken: a page logs it; a test's log fails on it (a test hook). */
        default void bug(String message) {
            warn(message);
        }
    }

    /** Time and timers. {@code now()} is wall-clock milliseconds. */
    public interface Scheduler {
        double now();

        Cancellable schedule(double delayMillis, Runnable task);
    }

    public interface Cancellable {
        void cancel();
    }

    /** Cancels {@code timer} if there is one; returns null so callers can clear their field in the same line. */
    static Cancellable cancel(Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
        return null;
    }

    /** Opens WebSockets. The returned socket reports through {@code events}; it may report a close without an open. */
    public interface SocketFactory {
        GuestSocket open(String url, SocketEvents events);
    }

    public interface GuestSocket {
        /** Sends a text frame; false when the socket was not OPEN and nothing was sent. */
        boolean send(String text);

        /** Closes with 1000; no {@code onClosed} is reported for a close we asked for. */
        void close();

        boolean isOpen();

        /**
         * Frames handed to {@link #send} have not all left yet ({@code WebSocket.bufferedAmount > 0}). Inside one
         * page-exit task Chromium and WebKit still hold a frame sent a moment ago; Firefox holds nothing, because
         * it dropped the frame sent in {@code pagehide}.
         */
        boolean holdsUnsentFrames();
    }

    public interface SocketEvents {
        void onOpen();

        void onText(String text);

        void onClosed(int code);
    }

    /** Survives reloads and navigation (localStorage); may silently fail to write (private mode, quota). */
    public interface KeyValueStore {
        String get(String key);

        void put(String key, String value);

        void remove(String key);

        /** Every key that starts with {@code prefix}; empty when storage cannot be read. */
        java.util.List<String> keys(String prefix);

        /**
         * False while reads fail (storage disabled, or the {@code pagehide} of a page WebKit is closing, where
         * every access throws): what {@link #get} returns then is not the truth.
         */
        boolean readable();
    }

    /** The history REST API (§6). Exactly one of the callbacks is called, later, never synchronously required. */
    public interface HistorySource {
        void fetch(String jwt, int pageNumber, HistoryCallback callback);
    }

    public interface HistoryCallback {
        void onPage(String body);

        /** {@code status} is the HTTP status, or 0 when the request did not complete. */
        void onFailure(int status);
    }

    /** The deployment's public configuration (§8, {@code config.json}): no credentials, one request per page. */
    public interface DeploymentConfigSource {
        void fetch(ConfigCallback callback);
    }

    public interface ConfigCallback {
        /** {@code status} is the HTTP status, or 0 when the request did not complete; {@code body} may be empty. */
        void onConfig(int status, String body);
    }

    /** A file the customer picked, dropped or pasted (a browser {@code File}). */
    public interface LocalFile {
        String name();

        /** MIME type as the browser guessed it; "" when it could not. */
        String type();

        double size();
    }

    /** Sends a file with HTTP PUT to a presigned address, with exactly these headers (§7 step 4). */
    public interface FileUploader {
        Cancellable put(String url, dev.guestchat.protocol.StringPairs headers, LocalFile file, UploadProgress progress);
    }

    public interface UploadProgress {
        /** Share of the bytes sent so far, 0–1. */
        void onProgress(double fraction);

        /** The PUT finished: its HTTP status, or 0 when it did not complete. Not called after a cancel. */
        void onDone(int status);
    }

    /** Fresh unique ids for tokens and tracingIds (crypto-random in the browser). */
    public interface IdSource {
        String newId();
    }

    /** Whether another tab of this browser currently shows the same chat. Must answer synchronously. */
    public interface TabPresence {
        boolean othersHoldChat();

        /** This tab's id among the tabs (fresh for every page load). */
        String id();

        /** The tab with this id still lives (a page that went, or sits in the back/forward cache, does not). */
        boolean alive(String tabId);
    }

    /**
     * The Genesys token service of authenticated messaging (PROTOCOL.md §3.2): the code or id token exchanged for
     * the messaging JWT, its refresh, and its revoke (sign-out everywhere).
     */
    public interface TokenService {
        /** {@code POST …/token/oauthcodegrantjwtexchange} with this deployment and the grant's fields. */
        void exchange(AuthGrant grant, TokenCallback callback);

        /** {@code POST …/token/refresh}. */
        void refresh(String refreshToken, TokenCallback callback);

        /** {@code DELETE …/token/revoke} with the bearer JWT; only the status matters. */
        void revoke(String jwt, TokenCallback callback);
    }

    public interface TokenCallback {
        /**
         * {@code status} is the HTTP status, or 0 when the request got no answer; {@code tokens} is null unless a
         * 2xx brought them (its {@code refreshToken} null when the answer had none).
         */
        void done(int status, AuthTokens tokens);
    }

    /** The host page's sign-in: a grant for the customer now, or later (a page's function may be asynchronous). */
    public interface GrantSource {
        /** Asks for a grant; {@code answer} gets null when the host has none (the customer must sign in). */
        void ask(java.util.function.Consumer<AuthGrant> answer);
    }

    /** A signed-in customer's JWT for the session's configure ({@link CustomerAuth}); a guest's session has none. */
    public interface Credentials {
        /** A socket waits to be configured: answer {@link CustomerAuth.Listener#authorized} when a JWT is at hand. */
        void requestJwt();

        void configured();

        /** The service refused the JWT at configure (401/403). */
        void configureRefused();

        void signOut();

        /** The service's LogoutEvent. */
        void loggedOut();

        void networkMayBeBack();

        void destroy();
    }

    /** Makes a signed-in session's credentials, which answer {@code listener}; absent for a guest's session. */
    public interface CredentialsMaker {
        Credentials make(CustomerAuth.Listener listener);
    }
}
