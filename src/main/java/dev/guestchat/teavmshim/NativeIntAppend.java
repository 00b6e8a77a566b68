package dev.guestchat.teavmshim;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;

/**
 * {@code StringBuilder.append(int)} appends the browser's {@code String(n)} ({@link JsText}).
 *
 * <p>Every {@code "…" + n} and every number in a client frame goes through it. The class library's version writes
 * the digits into the builder's char array itself, with its own digit counting, sign handling and
 * {@code Character.forDigit}: about 2 KB of code before terser, in place of one call the browser has.
 */
final class NativeIntAppend implements ClassHolderTransformer {
    private static final ValueType BUILDER = ValueType.object("java.lang.AbstractStringBuilder");

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        MethodHolder append = ClassLibraryShims.javaBody(cls, "java.lang.AbstractStringBuilder", "append", BUILDER,
                ValueType.INTEGER);
        if (append == null) {
            return;
        }
        ProgramEmitter pe = ProgramEmitter.create(append, context.getHierarchy());
        ValueEmitter text = pe.invoke(JsText.class, "decimal", String.class, pe.var(1, int.class));
        pe.var(0, BUILDER).invokeVirtual("append", BUILDER, text).returnValue();
    }
}
