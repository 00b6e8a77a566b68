package dev.guestchat.teavmshim;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;

/**
 * {@code ArrayList} grows its {@code Object[]} with a plain copy ({@link ArrayGrowth}).
 *
 * <p>The class library's growth goes through {@code Arrays.copyOf}, which asks the array for its class and builds
 * the copy by reflection: class metadata, reflection and three exception types for an array that is always an
 * {@code Object[]}.
 */
final class PlainArrayListGrowth implements ClassHolderTransformer {
    private static final ValueType OBJECTS = ValueType.arrayOf(ValueType.object("java.lang.Object"));

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        MethodHolder ensure = ClassLibraryShims.javaBody(cls, "java.util.ArrayList", "ensureCapacity",
                ValueType.VOID, ValueType.INTEGER);
        if (ensure == null || cls.getField("array") == null) {
            return; // without its backing array field this is not the class library's ArrayList
        }
        ProgramEmitter pe = ProgramEmitter.create(ensure, context.getHierarchy());
        ValueEmitter self = pe.var(0, ValueType.object(cls.getName()));
        ValueEmitter grown = pe.invoke(ArrayGrowth.class.getName(), "grow", OBJECTS,
                self.getField("array", OBJECTS), pe.var(1, ValueType.INTEGER));
        self.setField("array", grown);
        pe.exit();
    }
}
