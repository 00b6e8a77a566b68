package dev.guestchat.teavmshim;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;

/**
 * The {@code String} searches that frame parsing, URLs and text checks use call the browser's own
 * ({@link JsText}).
 *
 * <p>TeaVM's class library writes each of them as a char-by-char loop with its own bounds and surrogate handling;
 * the browser has every one of them built in.
 */
final class NativeStringMethods implements ClassHolderTransformer {
    private static final ValueType STRING = ValueType.object("java.lang.String");

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        redirect(cls, context, "startsWith", ValueType.BOOLEAN, STRING);
        redirect(cls, context, "endsWith", ValueType.BOOLEAN, STRING);
        redirect(cls, context, "trim", STRING);
        redirect(cls, context, "indexOf", ValueType.INTEGER, ValueType.INTEGER, ValueType.INTEGER);
        redirect(cls, context, "lastIndexOf", ValueType.INTEGER, ValueType.INTEGER, ValueType.INTEGER);
    }

    /** Replaces {@code String.name(params) → result} by {@code return JsText.name(this, params…)}. */
    private static void redirect(ClassHolder cls, ClassHolderTransformerContext context, String name,
            ValueType result, ValueType... params) {
        MethodHolder method = ClassLibraryShims.javaBody(cls, "java.lang.String", name, result, params);
        if (method == null) {
            return;
        }
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        ValueEmitter[] args = new ValueEmitter[params.length + 1];
        args[0] = pe.var(0, STRING);
        for (int i = 0; i < params.length; i++) {
            args[i + 1] = pe.var(i + 1, params[i]);
        }
        pe.invoke(JsText.class.getName(), name, result, args).returnValue();
    }
}
