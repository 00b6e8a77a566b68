package dev.guestchat.teavmshim;

import org.teavm.jso.JSBody;

/**
 * The browser's own text of an int ({@link NativeIntAppend}) and string search ({@link NativeStringMethods}): each
 * answers exactly what the JDK's method of the same name answers ({@code Integer.toString} for {@code decimal}),
 * for every input that method accepts (the edges are in lang/text.js).
 *
 * <p>The public methods are plain Java because TeaVM's JavaScript interop does not rewrite calls made inside
 * {@code java.lang.String} itself; they hand over to the browser from here.
 */
public final class JsText {
    private JsText() {
    }

    /** The text {@code Integer.toString(n)} gives, which for every int is the browser's {@code String(n)}. */
    public static String decimal(int n) {
        return jsDecimal(n);
    }

    public static boolean startsWith(String s, String prefix) {
        return jsStartsWith(s, prefix);
    }

    public static boolean endsWith(String s, String suffix) {
        return jsEndsWith(s, suffix);
    }

    public static String trim(String s) {
        return jsTrim(s);
    }

    public static int indexOf(String s, int codePoint, int from) {
        return jsIndexOf(s, codePoint, from);
    }

    public static int lastIndexOf(String s, int codePoint, int from) {
        return jsLastIndexOf(s, codePoint, from);
    }

    @JSBody(params = "n", script = "return String(n);")
    private static native String jsDecimal(int n);

    @JSBody(params = {"s", "p"}, script = "return s.startsWith(p);")
    private static native boolean jsStartsWith(String s, String prefix);

    @JSBody(params = {"s", "p"}, script = "return s.endsWith(p);")
    private static native boolean jsEndsWith(String s, String suffix);

    @JSBody(params = "s", script = "return javaTrim(s);")
    private static native String jsTrim(String s);

    @JSBody(params = {"s", "c", "f"}, script = "return javaIndexOf(s,c,f);")
    private static native int jsIndexOf(String s, int codePoint, int from);

    @JSBody(params = {"s", "c", "f"}, script = "return javaLastIndexOf(s,c,f);")
    private static native int jsLastIndexOf(String s, int codePoint, int from);
}
