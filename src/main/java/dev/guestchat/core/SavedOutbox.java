package dev.guestchat.core;

import dev.guestchat.protocol.JsonObjectView;
import dev.guestchat.protocol.JsonParser;
import dev.guestchat.protocol.JsonText;
import dev.guestchat.protocol.RichContent;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer's unanswered messages in storage, so that the page after this one — a link on the same site, a
 * reload, the site opened again after a crash — sends them first. One key per page,
 * {@code gcw.<deploymentId>.out.<tabId>}, holding {@code {"k":token,"m":[{"i":tracingId,"x":text,"j":frame,
 * "f":fileId,"n":fileName}]}}; rewritten on every change of the page's queue and removed when it is empty.
 *
 * <p>A starting page takes over the keys of pages that are gone (no live mark in the tab roster), so two live tabs
 * never send each other's messages, and taking removes the key, so a third page cannot take them again. The token
 * scopes messages to their session: those saved under another token (the chat ended or expired since) are dropped.
 */
final class SavedOutbox {
    /** At most this many messages wait; the next is refused with {@code outbox-full}. */
    static final int MAX_MESSAGES = 100;
    /** At most this many characters of frames wait (storage quotas are counted in UTF-16 units, 5 M a site). */
    static final int MAX_CHARS = 65_536;
    /** What a message's frame adds to its text, at most, when it is judged before it is built (token, ids, JSON). */
    static final int FRAME_ENVELOPE_CHARS = 200;

    private final Ports.KeyValueStore store;
    private final Ports.TabPresence tabs;
    private final JsonParser json;
    /** {@code gcw.<deploymentId>.out.}: every page's saved messages of one deployment. */
    private final String prefix;
    /** This page's messages are in storage (written and read back): their key going missing means a page took them. */
    private boolean persisted;
    /** The last {@link #adopt} left messages to a tab that looked alive (it may be live, or crashed moments ago). */
    private boolean leftToOthers;

    SavedOutbox(Ports.KeyValueStore store, Ports.TabPresence tabs, JsonParser json, String deploymentId) {
        this.store = store;
        this.tabs = tabs;
        this.json = json;
        this.prefix = "gcw." + deploymentId + ".out.";
    }

    /** Keeps what is waiting now, under {@code token}; nothing waiting removes the key. */
    void save(String token, List<Outbox.Pending> pending) {
        String own = prefix + tabs.id();
        persisted = false;
        if (pending.isEmpty()) {
            store.remove(own);
            return;
        }
        JsonText out = new JsonText().begin().field("k", token).openArray("m");
        for (Outbox.Pending p : pending) {
            out.element().field("i", p.tracingId()).field("x", p.text()).field("j", p.frame());
            if (p.file() != null) {
                out.field("f", p.file().id()).field("n", p.file().filename());
            }
            out.end();
        }
        store.put(own, out.closeArray().end().toString());
        persisted = store.get(own) != null; // a full or disabled storage keeps them in this page only
    }

    /** Takes the messages of the pages that are gone, saved under {@code token}, each page's in its order. */
    List<Outbox.Pending> adopt(String token) {
        List<Outbox.Pending> taken = new ArrayList<>();
        String own = prefix + tabs.id();
        leftToOthers = false;
        for (String key : store.keys(prefix)) {
            if (key.equals(own)) {
                continue;
            }
            if (tabs.alive(key.substring(prefix.length()))) {
                leftToOthers = true; // a live tab sends its own; a crashed one's mark goes stale, then they are ours
                continue;
            }
            JsonObjectView saved = json.parseObject(store.get(key));
            store.remove(key);
            if (saved == null || token == null || !token.equals(saved.string("k"))) {
                continue; // unreadable, or another session's: that chat is over
            }
            for (JsonObjectView m : saved.objects("m")) {
                String id = m.string("i");
                String frame = m.string("j");
                String file = m.string("f");
                if (id != null && frame != null) {
                    taken.add(new Outbox.Pending(id, m.string("x", ""), frame,
                            file == null ? null : new RichContent.Attachment(file, m.string("n", ""), null, false)));
                }
            }
        }
        return taken;
    }

    /** The last {@link #adopt} skipped messages of a tab that looked alive: worth looking again once it may be stale. */
    boolean leftToOthers() {
        return leftToOthers;
    }

    /** A page back from the back/forward cache finds its saved messages gone: the page after it is sending them. */
    boolean takenOver() {
        return persisted && store.readable() && store.get(prefix + tabs.id()) == null;
    }

    /** Whether one more message of {@code chars} characters may wait behind {@code pending}. */
    static boolean fits(List<Outbox.Pending> pending, int chars) {
        for (Outbox.Pending p : pending) {
            chars += p.frame().length();
        }
        return pending.size() < MAX_MESSAGES && chars <= MAX_CHARS;
    }
}
