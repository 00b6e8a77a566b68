package dev.guestchat.ui;

import dev.guestchat.core.ChatEntry;
import dev.guestchat.core.SessionState;
import dev.guestchat.core.UploadStatus;
import dev.guestchat.protocol.JsonText;
import dev.guestchat.protocol.RichContent;
import java.util.ArrayList;
import java.util.List;

/**
 * The view model of the panel that {@link PanelDom} draws: launcher, panel header (minimise vs End chat),
 * status line, transcript, confirmation, ended view and composer. Holds only what the panel shows; pure Java.
 */
public final class ChatPanel {
    private final PanelActions actions;
    /** Reads and clears the composer's text; the textarea lives in the DOM, not in this model. */
    private final Composer composer;
    private final String title;
    /** Every text the panel shows. */
    private final Strings strings;
    private final boolean confirmEnd;
    /** Inline mode: the panel is part of the page, always shown, nothing to minimise. */
    private final boolean inline;

    /** The panel is shown (else only the launcher). */
    private boolean open;
    private SessionState state = SessionState.IDLE;
    /** The newest rows of the transcript, at most {@code drawLimit} of them: what the panel draws. */
    private List<RowView> rows = new ArrayList<>();
    /** The whole transcript as last set; earlier rows than {@link #rows} wait behind "Show earlier messages". */
    private List<ChatEntry> entries = new ArrayList<>();
    /**
     * How many of the newest rows are drawn: {@link #WINDOW} each time the panel opens, one more window per
     * "Show earlier messages" — so that opening on a long transcript is one short task, not one per thousand rows.
     */
    private int drawLimit = WINDOW;
    private boolean agentTyping;
    /** The End chat confirmation is showing. */
    private boolean confirming;
    /** Latest problem worth telling the customer; null when there is none. */
    private String notice;
    /**
     * The signed-in customer's chat stopped for the sign-in (signed out, or sign in again): suspended, but not in
     * another window — the notice says why, and neither "Continue here", End chat nor a quick reply can do anything
     * without a sign-in. Cleared when the session leaves the suspended state.
     */
    private boolean signInEnded;
    /** Messages from the agent while minimised. */
    private int unread;
    /** The deployment takes files from customers: the attach button shows. */
    private boolean uploadsAllowed;
    /** The file waiting to be sent; null when there is none. */
    private UploadStatus upload;

    /** Access to the composer element, supplied by the DOM host. */
    public interface Composer {
        String take();

        /** Moves focus to the element matching {@code selector} once the panel has been drawn. */
        void focusSoon(String selector);

        /** Opens the browser's file picker. */
        void pickFile();
    }

    /** Rows drawn when the panel opens, and how many more "Show earlier messages" adds. */
    public static final int WINDOW = 100;

    public ChatPanel(PanelActions actions, Composer composer, Strings strings, String title, boolean confirmEnd,
                     boolean inline) {
        this.actions = actions;
        this.composer = composer;
        this.strings = strings;
        this.title = title; // null: the catalogue's, which may still be loading
        this.confirmEnd = confirmEnd;
        this.inline = inline;
    }

    public boolean isInline() {
        return inline;
    }

    // ---- state pushed in by the controller

    public void setOpen(boolean open) {
        this.open = open || inline;
        if (open) {
            unread = 0;
        } else {
            confirming = false;
            drawLimit = WINDOW; // the next open draws the newest rows only
            setRows(entries);
        }
    }

    public void setState(SessionState state) {
        this.state = state;
        if (state != SessionState.SUSPENDED) {
            signInEnded = false;
        }
        if (state == SessionState.ENDED || state == SessionState.READ_ONLY) {
            confirming = false;
        }
    }

    public void setRows(List<ChatEntry> entries) {
        this.entries = entries;
        List<RowView> next = new ArrayList<>();
        int from = 0; // rows keep their order: look for each entry after the last one found
        for (int i = Math.max(0, entries.size() - drawLimit); i < entries.size(); i++) {
            ChatEntry entry = entries.get(i);
            RowView row = null;
            for (int j = from; j < rows.size() && row == null; j++) {
                if (rows.get(j).entry() == entry) { // entries are immutable: same instance, same row (and its JSON)
                    row = rows.get(j);
                    from = j + 1;
                }
            }
            next.add(row != null ? row : new RowView(entry, strings));
        }
        rows = next;
    }

    /** The language changed: the rows say "You", "Sending…" and system notes anew. */
    void relocalized() {
        rows = new ArrayList<>();
        setRows(entries);
    }

    public void setUploadsAllowed(boolean allowed) {
        this.uploadsAllowed = allowed;
    }

    public void setUpload(UploadStatus upload) {
        this.upload = upload;
    }

    public void setAgentTyping(boolean typing) {
        this.agentTyping = typing;
    }

    /** The chat stopped because the customer was signed out or must sign in again (see {@link #signInEnded}). */
    public void signInEnded() {
        signInEnded = true;
    }

    public void setNotice(String notice) {
        this.notice = notice;
    }

    public void messageArrived() {
        if (!open) {
            unread++;
        }
    }

    // ---- read by the controller and drawn by PanelDom

    public boolean isOpen() {
        return open;
    }

    public boolean isConfirming() {
        return confirming;
    }

    public int getUnread() {
        return unread;
    }

    /** The rows to draw, oldest first. */
    List<RowView> rows() {
        return rows;
    }

    /**
     * Everything the panel shows besides the rows, as the JSON {@link PanelDom} draws from; its keys are documented
     * once, in {@code src/main/js/ui/panel-dom.js}. Only the newest message's quick replies are offered: older offers
     * are spent. An absent key means none.
     */
    String view() {
        boolean ended = state == SessionState.ENDED || state == SessionState.READ_ONLY;
        JsonText v = new JsonText().begin()
                .field("open", open)
                .field("label", unread > 0 ? strings.get("launcherUnread", unread) : strings.get("launcher"))
                .field("unread", unread)
                .field("title", title != null ? title : strings.get("title"))
                .field("minimize", !inline)
                .field("end", state != SessionState.ENDED && state != SessionState.FAILED && state != SessionState.ENDING
                        && !signInEnded)
                .field("status", signInEnded ? "" : status())
                .field("resume", state == SessionState.SUSPENDED && !signInEnded)
                .field("notice", notice)
                .field("hint", rows.isEmpty() && state != SessionState.ENDED && state != SessionState.FAILED)
                .field("earlier", rows.size() < entries.size())
                .field("typing", agentTyping)
                .field("confirm", confirming)
                .field("ended", ended ? strings.get(state == SessionState.READ_ONLY ? "endedByAgent" : "ended") : null)
                .field("composer", !ended && state != SessionState.FAILED && state != SessionState.SUSPENDED)
                .field("attach", uploadsAllowed);
        if (upload != null) { // "Uploading" or "Ready to send" names the progress bar
            v.open("upload").field("name", upload.fileName()).field("percent", upload.percent())
                    .field("label", strings.get(upload.ready() ? "fileReady" : "uploading")).end();
        }
        RichContent newest = entries.isEmpty() ? RichContent.NONE : entries.get(entries.size() - 1).content();
        if (!newest.quickReplies().isEmpty() && !signInEnded) { // an answer could not be sent without a sign-in
            v.open("quick").field("message", entries.get(entries.size() - 1).key()).openArray("buttons");
            for (RichContent.Button b : newest.quickReplies()) {
                v.element().field("text", b.text()).field("payload", b.payload()).end();
            }
            v.closeArray().end();
        }
        return v.end().toString();
    }

    private String status() {
        // comparisons, not a switch: a switch on an enum costs the bundle a class of its own
        return state == SessionState.CONNECTING ? strings.get("connecting")
                : state == SessionState.RECONNECTING ? strings.get("reconnecting")
                : state == SessionState.ENDING ? strings.get("ending")
                : state == SessionState.SUSPENDED ? strings.get("suspended")
                : state == SessionState.FAILED ? strings.get("failed") : "";
    }

    // ---- controls (PanelDom reports the button by name)

    /** A button of the panel was pressed: its {@code data-w} name. */
    void pressed(String control) {
        switch (control) {
            case "launch" -> actions.open();
            case "minimize" -> actions.minimize();
            case "askEnd" -> askEnd();
            case "confirm" -> confirm();
            case "cancelEnd" -> cancelEnd();
            case "startNew" -> startNew();
            case "reconnect" -> reconnect();
            case "earlier" -> showEarlier();
            case "dismiss" -> notice = null;
            case "send" -> submit();
            case "pick" -> composer.pickFile();
            case "remove" -> removeFile();
            default -> {
            }
        }
    }

    private void askEnd() {
        if (confirmEnd) {
            confirming = true;
            composer.focusSoon(".gcw-confirm-end"); // the dialog takes focus (and keeps it, see ShadowHost)
        } else {
            actions.end();
        }
    }

    private void confirm() {
        confirming = false;
        actions.end();
        composer.focusSoon(".gcw-log");
    }

    public void cancelEnd() {
        confirming = false;
        composer.focusSoon(".gcw-end");
    }

    private void startNew() {
        notice = null;
        actions.startNew();
        composer.focusSoon(".gcw-input");
    }

    private void reconnect() {
        notice = null;
        actions.reconnect();
    }

    /** Draws one more window of earlier rows; focus stays in the log when no earlier ones are left. */
    private void showEarlier() {
        drawLimit += WINDOW;
        setRows(entries);
        if (rows.size() == entries.size()) {
            composer.focusSoon(".gcw-log");
        }
    }

    public void submit() {
        String text = composer.take();
        if (text != null && !text.trim().isEmpty() || upload != null) { // a file may go without words
            actions.send(text != null ? text : "");
        }
    }

    /** A quick reply: answered as a ButtonResponse of type QuickReply. */
    void chooseReply(String text, String payload, String messageId) {
        actions.choose(text, payload, messageId, "QuickReply");
    }

    /** A card's Postback button: answered as a ButtonResponse of type Button (§3.3.3). */
    void chooseButton(String text, String payload, String messageId) {
        actions.choose(text, payload, messageId, "Button");
    }

    private void removeFile() {
        actions.removeFile();
        composer.focusSoon(".gcw-input");
    }
}
