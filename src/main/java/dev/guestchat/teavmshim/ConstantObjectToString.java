package dev.guestchat.teavmshim;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;

/**
 * {@code Object.toString()} answers a constant.
 *
 * <p>TeaVM installs {@code Object.toString()} as every Java object's JavaScript {@code toString}, and the class
 * library's version ({@code "<java_object>@" + hex hash}) drags a StringBuilder, integer formatting, class names and
 * the exception machinery of their bounds checks into every program: about 1 KB gzip of the first stage, ~220 B of
 * the full widget and of the headless session, in code no one runs. Nothing here prints a Java object that lacks a
 * {@code toString} of its own, and a hash would tell a customer or a site owner nothing.
 */
final class ConstantObjectToString implements ClassHolderTransformer {
    /** What a Java object says it is. */
    static final String TEXT = "[object GuestChat]";

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        MethodHolder toString = ClassLibraryShims.javaBody(cls, "java.lang.Object", "toString",
                ValueType.object("java.lang.String"));
        if (toString != null) {
            ProgramEmitter.create(toString, context.getHierarchy()).constant(TEXT).returnValue();
        }
    }
}
