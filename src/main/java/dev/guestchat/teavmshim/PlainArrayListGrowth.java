package dev.guestchat.teavmshim;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Build-time TeaVM plugin for every program of this project: {@code ArrayList} grows its {@code Object[]} with a
 * plain copy ({@link ArrayGrowth}).
 *
 * <p>The class library's growth goes through {@code Arrays.copyOf}, which asks the array for its class and builds
 * the copy by reflection: class metadata, reflection and three exception types for an array that is always an
 * {@code Object[]}.
 */
public final class PlainArrayListGrowth implements TeaVMPlugin, ClassHolderTransformer {
    private static final ValueType OBJECTS = ValueType.arrayOf(ValueType.object("java.lang.Object"));

    @Override
    public void install(TeaVMHost host) {
        host.add(this);
    }

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals("java.util.ArrayList")) {
            return;
        }
        MethodHolder ensure = cls.getMethod(new MethodDescriptor("ensureCapacity", ValueType.INTEGER, ValueType.VOID));
        if (ensure == null || ensure.getProgram() == null || cls.getField("array") == null) {
            return; // not the class library's Java body: nothing to replace
        }
        ProgramEmitter pe = ProgramEmitter.create(ensure, context.getHierarchy());
        ValueEmitter self = pe.var(0, ValueType.object(cls.getName()));
        ValueEmitter grown = pe.invoke(ArrayGrowth.class.getName(), "grow", OBJECTS,
                self.getField("array", OBJECTS), pe.var(1, ValueType.INTEGER));
        self.setField("array", grown);
        pe.exit();
    }
}
