package dev.guestchat.core;

import dev.guestchat.protocol.ClientFrame;
import dev.guestchat.protocol.RichContent;
import dev.guestchat.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the download addresses of the files in the transcript working. They are presigned and expire after about
 * ten minutes (§3.7, §5.12); an expired one answers 404. So each file's address is renewed with
 * {@code getAttachment} before it can expire, at once for files restored from history (of unknown age) and when an
 * image failed to load — and the row is drawn again with the fresh one. A list, not a map: a transcript shows a
 * handful of files, and {@code java.util.HashMap} would cost the bundle a kilobyte (see {@link KeyMap}).
 */
final class AttachmentLinks implements Replies.Waiter {
    /** Renew this long after an address was made: before the service's ~10 minutes run out. */
    static final int RENEW_AFTER_MILLIS = 9 * 60_000;
    /** An image that fails to load asks again at most this often (a file that is really gone keeps failing). */
    static final int RETRY_MILLIS = 30_000;

    /** One file shown: its renewal timer, and the request on its way. */
    private static final class Link {
        final String id;
        /** Renews the address; null while a request is on its way. */
        Ports.Cancellable timer;
        /** tracingId of the {@code getAttachment} on its way, awaited in {@link Replies}; null when none is. */
        String asking;
        /** Clock time of the last request; negative infinity before the first. */
        double askedAt = Double.NEGATIVE_INFINITY;

        Link(String id) {
            this.id = id;
        }
    }

    private final SessionContext ctx;
    private final GuestConnection connection;
    private final Transcript transcript;
    /** Every file in the transcript, from the moment its row is shown until the transcript goes. */
    private final List<Link> links = new ArrayList<>();

    AttachmentLinks(SessionContext ctx, GuestConnection connection, Transcript transcript) {
        this.ctx = ctx;
        this.connection = connection;
        this.transcript = transcript;
    }

    /** A row is shown: renew its files' addresses in time; {@code fresh} when they were made just now (a live message). */
    void track(ChatEntry entry, boolean fresh) {
        for (RichContent.Attachment a : entry.content().attachments()) {
            if (a.id() != null && find(a.id()) == null) {
                Link link = new Link(a.id());
                links.add(link);
                schedule(link, fresh ? RENEW_AFTER_MILLIS : 0);
            }
        }
    }

    /** The customer's browser could not load this file (an image's {@code error}): its address may have expired. */
    void failed(String attachmentId) {
        Link link = find(attachmentId);
        if (link != null && link.asking == null
                && (link.askedAt == Double.NEGATIVE_INFINITY || ctx.scheduler.now() - link.askedAt >= RETRY_MILLIS)) {
            ask(link);
        }
    }

    /** An answer to a {@code getAttachment}: a fresh address (§3.7), or a refusal. */
    @Override
    public void answered(ServerFrame frame) {
        Link link = null;
        for (Link l : links) {
            if (frame.tracingId().equals(l.asking)) {
                link = l;
            }
        }
        ctx.replies.done(frame.tracingId());
        if (link == null || !(frame instanceof ServerFrame.PresignedUrl || frame instanceof ServerFrame.ErrorReply)) {
            return;
        }
        link.asking = null;
        if (frame instanceof ServerFrame.PresignedUrl url) {
            List<ChatEntry> rows = transcript.rows();
            for (int i = 0; i < rows.size(); i++) {
                ChatEntry e = rows.get(i);
                if (!e.content().attachments().isEmpty()) {
                    transcript.replace(e.key(), e.withAttachmentUrl(link.id, url.url()));
                }
            }
            schedule(link, RENEW_AFTER_MILLIS);
            ctx.observer.transcriptChanged(transcript.rows(), false);
        }
        // a refusal (4008 expired, 4009 gone) leaves the row as it is
    }

    /** The transcript was emptied: nothing left to renew. */
    void forget() {
        for (Link l : links) {
            Ports.cancel(l.timer);
            ctx.replies.done(l.asking);
        }
        links.clear();
    }

    private Link find(String id) {
        for (Link l : links) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        return null;
    }

    private void schedule(Link link, double delay) {
        Ports.cancel(link.timer);
        link.timer = ctx.scheduler.schedule(delay, () -> ask(link));
    }

    private void ask(Link link) {
        link.timer = Ports.cancel(link.timer);
        if (!connection.canSend()) {
            schedule(link, RETRY_MILLIS); // no live connection: ask once there is one
            return;
        }
        link.asking = ctx.replies.instead(link.asking, ctx.ids.newId(), this); // one that went unanswered is moot
        link.askedAt = ctx.scheduler.now();
        connection.send(new ClientFrame.AttachmentAction("getAttachment", ctx.store.token(), link.asking, link.id));
    }
}
