package dev.guestchat.ui;

import dev.guestchat.core.ChatEntry;
import dev.guestchat.core.SessionState;
import dev.guestchat.core.UploadStatus;
import java.util.ArrayList;
import java.util.List;
import org.teavm.flavour.templates.BindTemplate;

/**
 * The view model behind {@code templates/chat-panel.html}: launcher, panel header (minimise vs End chat),
 * status line, transcript, confirmation, ended view and composer. Holds only what the template shows.
 */
@BindTemplate("templates/chat-panel.html")
public final class ChatPanel {
    private final PanelActions actions;
    /** Reads and clears the composer's text; the textarea lives in the DOM, not in this model. */
    private final Composer composer;
    private final String title;
    /** Every text the template shows. */
    private final Strings strings;
    private final boolean confirmEnd;
    /** Inline mode: the panel is part of the page, always shown, nothing to minimise. */
    private final boolean inline;

    /** The panel is shown (else only the launcher). */
    private boolean open;
    private SessionState state = SessionState.IDLE;
    /** The newest rows of the transcript, at most {@code drawLimit} of them: what the template draws. */
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
    /** Messages from the agent while minimised. */
    private int unread;
    /** The deployment takes files from customers: the attach button shows. */
    private boolean uploadsAllowed;
    /** The file waiting to be sent; null when there is none. */
    private UploadStatus upload;

    /** Access to the composer element, supplied by the DOM host. */
    public interface Composer {
        String take();

        /** Moves focus to the element matching {@code selector} once the template has rendered. */
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

    public boolean isMinimizable() {
        return !inline;
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
        if (state == SessionState.ENDED || state == SessionState.READ_ONLY) {
            confirming = false;
        }
    }

    public void setRows(List<ChatEntry> entries) {
        this.entries = entries;
        List<RowView> next = new ArrayList<>();
        for (int i = Math.max(0, entries.size() - drawLimit); i < entries.size(); i++) {
            next.add(new RowView(entries.get(i), i == entries.size() - 1, strings));
        }
        rows = next;
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

    public void setNotice(String notice) {
        this.notice = notice;
    }

    public void messageArrived() {
        if (!open) {
            unread++;
        }
    }

    // ---- read by the template

    public boolean isOpen() {
        return open;
    }

    public String getTitle() {
        return title != null ? title : strings.get("title");
    }

    public List<RowView> getRows() {
        return rows;
    }

    /** Rows earlier than the drawn ones exist. */
    public boolean isEarlierHidden() {
        return rows.size() < entries.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty() && state != SessionState.ENDED;
    }

    public boolean isAgentTyping() {
        return agentTyping;
    }

    public boolean isConfirming() {
        return confirming;
    }

    public String getNotice() {
        return notice;
    }

    public boolean isNoticeShown() {
        return notice != null;
    }

    public int getUnread() {
        return unread;
    }

    public boolean isUnreadShown() {
        return unread > 0;
    }

    public String getLauncherLabel() {
        return unread > 0 ? strings.get("launcherUnread", unread) : strings.get("launcher");
    }

    /** A catalogue text, for the template: {@code t('endChat')}. */
    public String t(String key) {
        return strings.get(key);
    }

    public boolean isEnded() {
        return state == SessionState.ENDED || state == SessionState.READ_ONLY;
    }

    public boolean isSuspended() {
        return state == SessionState.SUSPENDED;
    }

    /** End chat is offered while there is something to end. */
    public boolean isEndable() {
        return state != SessionState.ENDED && state != SessionState.FAILED && state != SessionState.ENDING;
    }

    public boolean isComposerShown() {
        return !isEnded() && state != SessionState.FAILED && state != SessionState.SUSPENDED;
    }

    public String getEndedText() {
        return strings.get(state == SessionState.READ_ONLY ? "endedByAgent" : "ended");
    }

    public String getStatus() {
        return switch (state) {
            case CONNECTING -> strings.get("connecting");
            case RECONNECTING -> strings.get("reconnecting");
            case ENDING -> strings.get("ending");
            case SUSPENDED -> strings.get("suspended");
            case FAILED -> strings.get("failed");
            default -> "";
        };
    }

    public boolean isStatusShown() {
        return !getStatus().isEmpty();
    }

    public boolean isAttachShown() {
        return uploadsAllowed;
    }

    public boolean isUploadShown() {
        return upload != null;
    }

    public String getUploadName() {
        return upload != null ? upload.fileName() : "";
    }

    public int getUploadPercent() {
        return upload != null ? upload.percent() : 0;
    }

    /** "Uploading" or "Ready to send": the progress bar's name. */
    public String getUploadLabel() {
        return strings.get(upload != null && upload.ready() ? "fileReady" : "uploading");
    }

    // ---- control handlers (event:click)

    public void launch() {
        actions.open();
    }

    public void minimize() {
        actions.minimize();
    }

    public void askEnd() {
        if (confirmEnd) {
            confirming = true;
            composer.focusSoon(".gcw-confirm-end"); // the dialog takes focus (and keeps it, see ShadowHost)
        } else {
            actions.end();
        }
    }

    public void confirm() {
        confirming = false;
        actions.end();
        composer.focusSoon(".gcw-log");
    }

    public void cancelEnd() {
        confirming = false;
        composer.focusSoon(".gcw-end");
    }

    public void startNew() {
        notice = null;
        actions.startNew();
        composer.focusSoon(".gcw-input");
    }

    public void reconnect() {
        notice = null;
        actions.reconnect();
    }

    /** Draws one more window of earlier rows; focus stays in the log when no earlier ones are left. */
    public void showEarlier() {
        drawLimit += WINDOW;
        setRows(entries);
        if (!isEarlierHidden()) {
            composer.focusSoon(".gcw-log");
        }
    }

    public void dismissNotice() {
        notice = null;
    }

    public void submit() {
        String text = composer.take();
        if (text != null && !text.trim().isEmpty() || upload != null) { // a file may go without words
            actions.send(text != null ? text : "");
        }
    }

    public void choose(RowView.Choice choice) {
        actions.choose(choice.getText(), choice.payload(), choice.messageId, "QuickReply");
    }

    /** A card's Postback button: answered as a ButtonResponse of type Button (§3.3.3). */
    void chooseButton(String text, String payload, String messageId) {
        actions.choose(text, payload, messageId, "Button");
    }

    public void pickFile() {
        composer.pickFile();
    }

    public void removeFile() {
        actions.removeFile();
        composer.focusSoon(".gcw-input");
    }
}
