package dev.guestchat.core;

import dev.guestchat.protocol.ClientFrame;
import dev.guestchat.protocol.HistoryPage;
import dev.guestchat.protocol.JsonParser;
import dev.guestchat.protocol.WireMessage;
import java.util.List;

/**
 * History after a reload or reconnect (§6): a JWT from the socket, then up to {@link #MAX_PAGES} pages from the
 * REST API merged into the transcript without duplicates; the first page also settles a message whose answer a
 * dropped socket lost.
 */
final class HistorySync {
    static final int MAX_PAGES = 4;

    private final SessionContext ctx;
    private final Ports.HistorySource source;
    private final JsonParser json;
    private final GuestConnection connection;
    private final Transcript transcript;
    private final SendQueue sends;
    /** Files restored from history get fresh download addresses (theirs may have expired). */
    private final AttachmentLinks links;
    /** Bumped whenever the transcript is reset, so late pages of an older session are dropped. */
    private int generation;

    HistorySync(SessionContext ctx, Ports.HistorySource source, JsonParser json, GuestConnection connection,
                Transcript transcript, SendQueue sends, AttachmentLinks links) {
        this.links = links;
        this.ctx = ctx;
        this.source = source;
        this.json = json;
        this.connection = connection;
        this.transcript = transcript;
        this.sends = sends;
    }

    /** Asks the socket for a JWT; its JwtResponse starts the fetch ({@link #onJwt}). */
    void request() {
        if (connection.isConfigured()) {
            connection.send(new ClientFrame.GetJwt(ctx.store.token(), ctx.ids.newId()));
        }
    }

    void onJwt(String jwt) {
        fetch(jwt, 1, generation);
    }

    /** The transcript was reset: pages still on their way belong to a conversation that is gone. */
    void forget() {
        generation++;
    }

    private void fetch(String jwt, int page, int requestedIn) {
        source.fetch(jwt, page, new Ports.HistoryCallback() {
            @Override
            public void onPage(String body) {
                if (requestedIn != generation) {
                    return; // the transcript was reset since this request
                }
                HistoryPage decoded = HistoryPage.decode(json, body);
                if (decoded == null) {
                    ctx.log.warn("guest-chat: history response not understood");
                    return;
                }
                boolean changed = page == 1 && settleUnsure(decoded.messages());
                for (WireMessage m : decoded.messages()) {
                    if (m.isDisplayable() && m.id() != null && !m.hasPresence("Clear")) {
                        ChatEntry entry = ChatEntry.fromWire(m);
                        changed |= transcript.put(entry);
                        links.track(entry, false);
                    }
                }
                if (changed) {
                    ctx.observer.transcriptChanged(transcript.rows(), true);
                }
                if (decoded.hasMore() && page < MAX_PAGES) {
                    fetch(jwt, page + 1, requestedIn);
                }
            }

            @Override
            public void onFailure(int status) {
                ctx.log.warn("guest-chat: history request failed with status " + status);
            }
        });
    }

    /**
     * After a drop that caught a message in flight: if the newest customer message the server has is that text
     * and not one we know, the message arrived and only its answer was lost — it is delivered, not sent again.
     * Returns whether the transcript changed.
     */
    private boolean settleUnsure(List<WireMessage> newest) {
        Outbox.Pending unsure = sends.unsure();
        if (unsure == null) {
            return false;
        }
        WireMessage last = null;
        for (WireMessage m : newest) {
            if (m.inbound() && m.isDisplayable() && m.id() != null
                    && (last == null || m.time() != null && last.time() != null && m.time().compareTo(last.time()) > 0)) {
                last = m;
            }
        }
        boolean arrived = last != null && unsure.text().equals(last.text()) && !transcript.contains(last.id());
        if (arrived) {
            ChatEntry sent = transcript.get(unsure.tracingId());
            if (sent != null) {
                transcript.replace(unsure.tracingId(), sent.acknowledged(last.id(), last.time(), last.content()));
            }
            sends.settle(unsure.tracingId());
        }
        sends.checked();
        return arrived;
    }
}
