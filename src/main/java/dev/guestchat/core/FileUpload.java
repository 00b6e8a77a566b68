package dev.guestchat.core;

import dev.guestchat.protocol.AllowedMedia;
import dev.guestchat.protocol.ClientFrame;
import dev.guestchat.protocol.RichContent;
import dev.guestchat.protocol.ServerFrame;

/**
 * The customer's file on its way to the message that will carry it (PROTOCOL.md §7): checked against what the
 * deployment allows, then {@code onAttachment} → presigned PUT (with progress, cancellable) → the service's
 * content check ({@code UploadSuccessEvent}) → ready to send. One file at a time, one per message (§3.3.2).
 *
 * <p>Invariant: {@code file != null} exactly while a file is pending, and then {@code phase} says which step it
 * waits for. Nothing is lost when the socket drops: the PUT is plain HTTP and goes on; a request the service never
 * answered is asked again on the next configured connection, and a verdict that may have been pushed to the dead
 * socket is asked for with {@code getAttachment} (an answer means the file passed). Every way out that is not the
 * file being sent is told to the customer.
 */
final class FileUpload implements Replies.Waiter {
    // Where a pending file is (ints, not an enum: an enum's metadata costs the bundle more than these four words).
    /** {@code onAttachment} sent (or waiting for a connection); no upload address yet. */
    static final int ASKING = 0;
    /** The PUT is under way. */
    static final int UPLOADING = 1;
    /** The PUT finished; waiting for the service's verdict. */
    static final int CHECKING = 2;
    /** Passed: the next message carries it. */
    static final int READY = 3;

    /** How often to ask again whether a file whose verdict may have been missed passed, before giving up. */
    static final int VERDICT_TRIES = 5;

    private final SessionContext ctx;
    private final GuestConnection connection;
    private final Ports.FileUploader uploader;
    /** What the deployment lets customers send; null until the config or the session said. */
    private AllowedMedia allowed;
    /** A SessionResponse said what is allowed (the config no longer counts). */
    private boolean sessionSaid;

    /** The pending file; null when there is none. */
    private Ports.LocalFile file;
    /** Our id for it (the service takes a client-chosen id, §3.6); null with {@code file}. */
    private String attachmentId;
    /** tracingId of the last request about it, awaited in {@link Replies}; null with {@code file}. */
    private String tracingId;
    /** The step it waits for; meaningless while {@code file} is null. */
    private int phase;
    /** Upload progress, 0–100; 100 from CHECKING on. */
    private int percent;
    /** The running PUT; null when none is. */
    private Ports.Cancellable put;
    /** Verdict questions asked since the connection came back; 0 while none was needed. */
    private int verdictTries;
    /**
     * tracingId of the last deleteAttachment, awaited in {@link Replies} so that its answer, or refusal (the file may
     * be gone already), is not news; null when none is out.
     */
    private String deleting;

    FileUpload(SessionContext ctx, GuestConnection connection, Ports.FileUploader uploader) {
        this.ctx = ctx;
        this.connection = connection;
        this.uploader = uploader;
    }

    /** What the SessionResponse says about files (§4.1); it wins over the deployment config. */
    void allow(AllowedMedia media) {
        sessionSaid |= media != null;
        take(media);
    }

    /** What the deployment config says (§8): used until a session says otherwise. */
    void allowFromConfig(AllowedMedia media) {
        if (!sessionSaid) {
            take(media);
        }
    }

    /** {@code media}, when it says anything, is what the checks use and decides the attach button. */
    private void take(AllowedMedia media) {
        if (media != null) {
            allowed = media;
            ctx.observer.uploadsAllowed(media.enabled());
        }
    }

    /** The customer picked, dropped or pasted a file; replaces a pending one. False when it was refused. */
    boolean attach(Ports.LocalFile picked) {
        if (allowed != null && !allowed.permitsType(picked.type())) { // uploads off: no type is permitted
            return refuse(4001, "upload-refused");
        }
        if (picked.size() <= 0 || allowed != null && picked.size() > allowed.maxBytes()) {
            return refuse(4002, "upload-refused");
        }
        remove();
        file = picked;
        attachmentId = ctx.ids.newId();
        phase = ASKING;
        percent = 0;
        ask();
        report();
        if (!connection.isConfigured()) {
            connection.ensureOpen();
        }
        return true;
    }

    private boolean refuse(int code, String reason) {
        ctx.observer.error(new WidgetError(code, reason, null));
        return false;
    }

    /** The customer removed the file, or it was replaced: stop the PUT, and delete what the service holds. */
    void remove() {
        if (file == null) {
            return;
        }
        put = Ports.cancel(put);
        if (phase != ASKING && connection.canSend()) { // the service has (or will have) the object: drop it
            deleting = ctx.replies.instead(deleting, ctx.ids.newId(), this);
            connection.send(new ClientFrame.AttachmentAction("deleteAttachment", ctx.store.token(), deleting,
                    attachmentId));
        }
        clear();
    }

    /** The session is gone (cleared, expired, started anew): so is the file; nothing to tell the service. */
    void forget() {
        if (file != null) {
            put = Ports.cancel(put);
            clear();
        }
    }

    /** The file for the message being sent, which takes it; null when there is none or it is not ready yet. */
    RichContent.Attachment take() {
        if (!hasReadyFile()) {
            return null;
        }
        RichContent.Attachment taken = new RichContent.Attachment(attachmentId, file.name(), null, false);
        clear();
        return taken;
    }

    boolean hasReadyFile() {
        return file != null && phase == READY;
    }

    /** A file is pending but cannot go yet (still uploading or being checked). */
    boolean busy() {
        return file != null && phase != READY;
    }

    /** The connection is configured (again): ask what the dead socket may have missed. */
    void connected() {
        if (file == null) {
            return;
        }
        if (phase == ASKING) {
            ask();
        } else if (phase == CHECKING) {
            verdictTries = 0;
            askVerdict();
        }
    }

    /**
     * An answer to one of our requests: the upload address, the verdict, a refusal, or the removal's answer.
     */
    @Override
    public void answered(ServerFrame frame) {
        if (frame.tracingId().equals(deleting)) {
            deleting = ctx.replies.instead(deleting, null, this);
            return;
        }
        if (file == null || onPush(frame)) {
            return;
        }
        if (frame instanceof ServerFrame.UploadResult result && result.attachmentId() == null) {
            result(result); // a verdict that names only the request
        } else if (frame instanceof ServerFrame.ErrorReply error) {
            if (error.code() == 4010 && phase == CHECKING && ++verdictTries < VERDICT_TRIES) {
                ctx.scheduler.schedule(1_000, this::askVerdict); // still being checked: ask again in a while
            } else {
                fail(error.code());
            }
        }
    }

    /** Frames that name our file by its attachment id, whatever their tracingId; false when about something else. */
    boolean onPush(ServerFrame frame) {
        if (file == null) {
            return false;
        }
        if (frame instanceof ServerFrame.PresignedUrl url && attachmentId.equals(url.attachmentId())) {
            if (phase == ASKING) {
                upload(url);
            } else if (phase == CHECKING) {
                ready(); // getAttachment answered: the verdict we missed was a pass (§3.7)
            }
            return true;
        }
        if (frame instanceof ServerFrame.UploadResult result && attachmentId.equals(result.attachmentId())) {
            result(result);
            return true;
        }
        return false;
    }

    private void result(ServerFrame.UploadResult result) {
        if (result.ok()) {
            put = Ports.cancel(put); // the verdict can overtake the PUT's own completion
            ready();
        } else {
            fail(result.errorCode());
        }
    }

    private void ask() {
        if (!connection.canSend()) {
            return; // asked on the next configured connection
        }
        asking(ctx.ids.newId());
        connection.send(new ClientFrame.RequestUpload(ctx.store.token(), tracingId, attachmentId, file.name(),
                file.type(), (int) file.size()));
    }

    private void askVerdict() {
        if (file == null || phase != CHECKING || !connection.canSend()) {
            return;
        }
        asking(ctx.ids.newId());
        connection.send(new ClientFrame.AttachmentAction("getAttachment", ctx.store.token(), tracingId, attachmentId));
    }

    private void upload(ServerFrame.PresignedUrl url) {
        phase = UPLOADING;
        Ports.LocalFile uploading = file;
        put = uploader.put(url.url(), url.headers(), file, new Ports.UploadProgress() {
            @Override
            public void onProgress(double fraction) {
                if (file == uploading && phase == UPLOADING) {
                    percent = (int) Math.min(99, Math.max(0, fraction * 100));
                    report();
                }
            }

            @Override
            public void onDone(int status) {
                if (file != uploading || phase != UPLOADING) {
                    return; // removed, replaced, or the verdict came first
                }
                put = null;
                if (status >= 200 && status < 300) {
                    phase = CHECKING;
                    percent = 100;
                    report();
                } else {
                    fail(0);
                }
            }
        });
        report();
    }

    private void ready() {
        phase = READY;
        percent = 100;
        report();
    }

    private void fail(int code) {
        put = Ports.cancel(put);
        clear();
        ctx.observer.error(new WidgetError(code, code == 4001 || code == 4002 ? "upload-refused" : "upload-failed",
                null));
    }

    private void clear() {
        file = null;
        attachmentId = null;
        asking(null);
        verdictTries = 0;
        report();
    }

    /** The request about the file now out has this tracingId (null: none): only its answer is awaited. */
    private void asking(String id) {
        tracingId = ctx.replies.instead(tracingId, id, this);
    }

    private void report() {
        ctx.observer.uploadChanged(file == null ? null : new UploadStatus(file.name(), phase == READY, percent));
    }

}
