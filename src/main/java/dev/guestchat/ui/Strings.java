package dev.guestchat.ui;

import dev.guestchat.protocol.Ascii;
import dev.guestchat.protocol.StringPairs;

/**
 * The message catalogue: every visible string, aria label and confirmation text. English is built in; other
 * languages ({@link #LANGUAGES}) arrive as JSON catalogues and hosts may override any key. A missing key falls
 * back to English, so a partial catalogue never shows a blank.
 */
public final class Strings {
    /** Languages with a catalogue; the first is built in. */
    public static final String[] LANGUAGES = {"en", "de", "fr", "es", "nl", "ar"};
    /** Languages written right to left. */
    static final String RTL = "ar";

    /**
     * The panel's English labels, as key/value pairs ({@link FailureTexts#EN} has the failures'). {@code {n}} is
     * replaced by a number.
     */
    public static final String[] EN = {
        "title", "Chat with us",
        "launcher", "Open chat",
        "launcherUnread", "Open chat, {n} unread",
        "minimize", "Minimise chat",
        "minimizeHint", "Minimise (the chat stays open)",
        "endChat", "End chat",
        "connecting", "Connecting…",
        "reconnecting", "Reconnecting… your messages will be sent when the connection is back.",
        "ending", "Ending the chat…",
        "suspended", "This chat is open in another window.",
        "failed", "Chat is not available.",
        "continueHere", "Continue here",
        "dismiss", "Dismiss message",
        "conversation", "Conversation",
        "hint", "Ask us anything. We usually answer within a few minutes.",
        "typing", "Agent is typing…",
        "earlier", "Show earlier messages",
        "confirmQuestion", "End this chat? The agent will be told you left and the conversation will close.",
        "confirmEnd", "End chat",
        "confirmKeep", "Keep chatting",
        "ended", "This chat has ended.",
        "endedByAgent", "The agent ended this conversation.",
        "agentLeft", "The agent ended the conversation.",
        "startNew", "Start new chat",
        "message", "Message",
        "placeholder", "Type a message",
        "send", "Send",
        "sendLabel", "Send message",
        "you", "You",
        "agent", "Agent",
        "assistant", "Assistant",
        "sending", "Sending…",
        "notSent", "Not sent",
        "attach", "Attach a file",
        "removeFile", "Remove file",
        "uploading", "Uploading",
        "fileReady", "Ready to send",
        "cardOf", "{n} of {1}",
        "prevCard", "Previous card",
        "nextCard", "Next card",
    };

    /** The language in use ({@code en}, {@code de}, …); changed only by {@link #reset}. */
    private String language;
    private final StringPairs table = new StringPairs();

    public Strings(String language) {
        this.language = language;
        english();
    }

    /** Every key with its English text: the labels and the failures. */
    private void english() {
        table.putAll(StringPairs.of(EN)).putAll(StringPairs.of(FailureTexts.EN));
    }

    /** Applies a catalogue or a host's overrides; unknown keys are kept (harmless), null values ignored. */
    public void putAll(StringPairs entries) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.value(i) != null) {
                table.put(entries.key(i), entries.value(i));
            }
        }
    }

    /** Every key and its text. */
    public StringPairs all() {
        return table;
    }

    public String get(String key) {
        String value = table.get(key);
        return value != null ? value : key;
    }

    public String get(String key, int n) {
        String text = get(key);
        int at = text.indexOf("{n}");
        return at < 0 ? text : text.substring(0, at) + n + text.substring(at + 3);
    }

    public String language() {
        return language;
    }

    /** Switches to another language (the deployment's configuration said so): English again, until its catalogue comes. */
    public void reset(String language) {
        this.language = language;
        english();
    }

    public boolean rightToLeft() {
        return RTL.equals(language);
    }

    /** The first supported language among the preferences (BCP 47 tags, best first); English if none. */
    public static String choose(String[] preferences) {
        String chosen = chooseAmong(preferences, null);
        return chosen != null ? chosen : "en";
    }

    /**
     * The language for a deployment that offers {@code offered} (its config's {@code languages}, §8) with
     * {@code fallback} as its default: the first preference the widget and the deployment both have; else the
     * deployment's default when the widget has it; else as {@link #choose} — as Messenger picks.
     */
    public static String chooseFor(String[] preferences, java.util.List<String> offered, String fallback) {
        if (offered.isEmpty()) {
            return choose(preferences);
        }
        String[] mine = new String[offered.size()];
        for (int i = 0; i < mine.length; i++) {
            mine[i] = primary(offered.get(i));
        }
        String chosen = chooseAmong(preferences, mine);
        if (chosen == null && fallback != null) {
            chosen = chooseAmong(new String[] {fallback}, null);
        }
        return chosen != null ? chosen : choose(preferences);
    }

    /** The first preference whose primary subtag the widget supports and {@code allowed} (null: any) lists. */
    private static String chooseAmong(String[] preferences, String[] allowed) {
        for (String tag : preferences) {
            if (tag == null) {
                continue;
            }
            String primary = primary(tag);
            for (String lang : LANGUAGES) {
                if (lang.equals(primary) && (allowed == null || contains(allowed, primary))) {
                    return lang;
                }
            }
        }
        return null;
    }

    private static String primary(String tag) {
        String lower = Ascii.lower(tag); // BCP 47 tags are ASCII
        return lower.indexOf('-') > 0 ? lower.substring(0, lower.indexOf('-')) : lower;
    }

    private static boolean contains(String[] values, String value) {
        for (String v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
