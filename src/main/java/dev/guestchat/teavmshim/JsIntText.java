package dev.guestchat.teavmshim;

import org.teavm.jso.JSBody;

/** The browser's own decimal text of an int, for {@link NativeIntAppend}'s {@code StringBuilder.append(int)}. */
public final class JsIntText {
    private JsIntText() {
    }

    /** {@code String(n)}: for every int the same text as {@code Integer.toString(n)}. */
    @JSBody(params = "n", script = "return String(n);")
    public static native String of(int n);
}
