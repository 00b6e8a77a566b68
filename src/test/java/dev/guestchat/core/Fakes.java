package dev.guestchat.core;

import dev.guestchat.protocol.JacksonJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Fake clock, sockets, storage, history and observer for driving {@link GuestSession} on the JVM. */
final class Fakes {
    private Fakes() {
    }

    /** A manual clock: nothing runs until {@link #advance} passes its time. */
    static final class Clock implements Ports.Scheduler {
        private long now = 1_000_000;
        private long seq;
        /** Pending tasks, earliest first (ties in scheduling order); cancelled ones are skipped when reached. */
        private final java.util.PriorityQueue<Task> tasks = new java.util.PriorityQueue<>(
                Comparator.comparingLong(Task::at).thenComparingLong(Task::seq));

        record Task(long at, long seq, Runnable run, boolean[] cancelled) {
        }

        @Override
        public double now() {
            return now;
        }

        @Override
        public Ports.Cancellable schedule(double delayMillis, Runnable task) {
            boolean[] cancelled = {false};
            tasks.add(new Task(now + (long) Math.ceil(delayMillis), seq++, task, cancelled));
            return () -> cancelled[0] = true;
        }

        void advance(long millis) {
            long end = now + millis;
            while (!tasks.isEmpty() && tasks.peek().at() <= end) {
                Task next = tasks.poll();
                if (next.cancelled()[0]) {
                    continue;
                }
                now = Math.max(now, next.at());
                next.run().run();
            }
            now = end;
        }

        /** Delay of the earliest pending task, or -1. */
        long nextDelay() {
            return tasks.stream().filter(t -> !t.cancelled()[0]).mapToLong(t -> t.at() - now).min().orElse(-1);
        }
    }

    static final class Socket implements Ports.GuestSocket {
        final String url;
        final Ports.SocketEvents events;
        final List<String> sent = new ArrayList<>();
        boolean open;
        boolean closedByClient;
        /** What bufferedAmount says: true is Chromium and WebKit inside an exit, false is Firefox (frame dropped). */
        boolean holdsUnsent;
        /** Test hook: the far end, told of every frame sent; null when the test answers by hand. */
        java.util.function.Consumer<String> server;

        Socket(String url, Ports.SocketEvents events) {
            this.url = url;
            this.events = events;
        }

        @Override
        public boolean send(String text) {
            if (!open) {
                return false;
            }
            sent.add(text);
            if (server != null) {
                server.accept(text);
            }
            return true;
        }

        @Override
        public void close() {
            open = false;
            closedByClient = true;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public boolean holdsUnsentFrames() {
            return holdsUnsent;
        }

        void opened() {
            open = true;
            events.onOpen();
        }

        void receive(String frame) {
            events.onText(frame);
        }

        void drop(int code) {
            open = false;
            events.onClosed(code);
        }

        List<JsonNode> frames() {
            List<JsonNode> out = new ArrayList<>();
            for (String s : sent) {
                out.add(JacksonJson.MAPPER.readTree(s));
            }
            return out;
        }

        JsonNode last() {
            List<JsonNode> f = frames();
            return f.get(f.size() - 1);
        }

        JsonNode lastOf(String action) {
            JsonNode found = null;
            for (JsonNode f : frames()) {
                if (action.equals(f.path("action").asString())) {
                    found = f;
                }
            }
            return found;
        }

        boolean sentClear() {
            return clears() > 0;
        }

        long clears() {
            return frames().stream().filter(f -> "Clear".equals(
                    f.path("message").path("events").path(0).path("presence").path("type").asString())).count();
        }
    }

    static final class Sockets implements Ports.SocketFactory {
        final List<Socket> opened = new ArrayList<>();

        @Override
        public Ports.GuestSocket open(String url, Ports.SocketEvents events) {
            Socket s = new Socket(url, events);
            opened.add(s);
            return s;
        }

        Socket last() {
            return opened.get(opened.size() - 1);
        }
    }

    static final class Store implements Ports.KeyValueStore {
        final Map<String, String> map = new HashMap<>();
        /** False: every access fails, as in the pagehide of a page WebKit is closing. */
        boolean readable = true;

        @Override
        public String get(String key) {
            return readable ? map.get(key) : null;
        }

        @Override
        public boolean readable() {
            return readable;
        }

        @Override
        public void put(String key, String value) {
            if (readable) {
                map.put(key, value);
            }
        }

        @Override
        public void remove(String key) {
            if (readable) {
                map.remove(key);
            }
        }

        @Override
        public List<String> keys(String prefix) {
            return readable ? map.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().toList() : List.of();
        }
    }

    static final class History implements Ports.HistorySource {
        record Request(String jwt, int page, Ports.HistoryCallback callback) {
        }

        final List<Request> requests = new ArrayList<>();

        @Override
        public void fetch(String jwt, int pageNumber, Ports.HistoryCallback callback) {
            requests.add(new Request(jwt, pageNumber, callback));
        }
    }

    /** config.json: holds the callback until a test answers it ({@link #answer}); never answers by itself. */
    static final class DeploymentConfig implements Ports.DeploymentConfigSource {
        /** The widget's request, waiting for an answer; null before start() and once answered. */
        Ports.ConfigCallback waiting;

        @Override
        public void fetch(Ports.ConfigCallback callback) {
            waiting = callback;
        }

        void answer(int status, String body) {
            Ports.ConfigCallback c = waiting;
            waiting = null;
            c.onConfig(status, body);
        }
    }

    static final class Ids implements Ports.IdSource {
        int next;

        @Override
        public String newId() {
            return "id-" + (++next);
        }
    }

    /** The session's log: warnings are kept for the test to read; a bug report fails the test at once. */
    static Ports.Log log(List<String> warnings) {
        return new Ports.Log() {
            @Override
            public void warn(String message) {
                warnings.add(message);
            }

            @Override
            public void bug(String message) {
                throw new AssertionError(message);
            }
        };
    }

    static final class Tabs implements Ports.TabPresence {
        boolean others;
        /** This page's id; a test changes it to play the next page of the same browser. */
        String id = "page-1";
        /** Ids of the other pages that still live (their saved messages are theirs to send). */
        final java.util.Set<String> alive = new java.util.HashSet<>();

        @Override
        public boolean othersHoldChat() {
            return others;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public boolean alive(String tabId) {
            return tabId.equals(id) || alive.contains(tabId);
        }
    }

    static final class Observer implements SessionObserver {
        final List<SessionState> states = new ArrayList<>();
        List<ChatEntry> rows = List.of();
        final List<ChatEntry> received = new ArrayList<>();
        final List<WidgetError> errors = new ArrayList<>();
        final List<Boolean> ended = new ArrayList<>();
        boolean typing;
        /** Every upload status reported, null for "no file", in order. */
        final List<UploadStatus> uploads = new ArrayList<>();
        /** Whether the deployment takes files, as last reported; null before any report. */
        Boolean uploadsAllowed;

        @Override
        public void uploadChanged(UploadStatus upload) {
            uploads.add(upload);
        }

        @Override
        public void uploadsAllowed(boolean allowed) {
            uploadsAllowed = allowed;
        }

        UploadStatus lastUpload() {
            return uploads.isEmpty() ? null : uploads.get(uploads.size() - 1);
        }

        @Override
        public void stateChanged(SessionState state) {
            states.add(state);
        }

        @Override
        public void transcriptChanged(List<ChatEntry> rows, boolean restored) {
            this.rows = rows;
        }

        @Override
        public void messageReceived(ChatEntry entry) {
            received.add(entry);
        }

        @Override
        public void agentTyping(boolean typing) {
            this.typing = typing;
        }

        @Override
        public void error(WidgetError error) {
            errors.add(error);
        }

        @Override
        public void ended(boolean byCustomer) {
            ended.add(byCustomer);
        }

        String lastErrorReason() {
            return errors.isEmpty() ? null : errors.get(errors.size() - 1).reason();
        }
    }

    /** A picked file: name, type and size, no bytes. */
    record File(String name, String type, double size) implements Ports.LocalFile {
    }

    /** The presigned PUT: records each one; the test drives its progress and end. */
    static final class Uploader implements Ports.FileUploader {
        final List<Put> puts = new ArrayList<>();

        @Override
        public Ports.Cancellable put(String url, dev.guestchat.protocol.StringPairs headers, Ports.LocalFile file,
                                     Ports.UploadProgress progress) {
            Put put = new Put(url, headers, file, progress);
            puts.add(put);
            return () -> put.cancelled = true;
        }

        Put last() {
            return puts.get(puts.size() - 1);
        }
    }

    static final class Put {
        final String url;
        final dev.guestchat.protocol.StringPairs headers;
        final Ports.LocalFile file;
        final Ports.UploadProgress progress;
        boolean cancelled;

        Put(String url, dev.guestchat.protocol.StringPairs headers, Ports.LocalFile file, Ports.UploadProgress progress) {
            this.url = url;
            this.headers = headers;
            this.file = file;
            this.progress = progress;
        }
    }
}
