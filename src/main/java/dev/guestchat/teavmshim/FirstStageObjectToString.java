package dev.guestchat.teavmshim;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Build-time TeaVM plugin for the first stage (loader) only: its {@code Object.toString()} answers a constant.
 *
 * <p>TeaVM installs {@code Object.toString()} as every Java object's JavaScript {@code toString}, and the class
 * library's version ({@code "<java_object>@" + hex hash}) drags a StringBuilder, integer formatting and the
 * exception machinery of their bounds checks into every program — about 1 KB gzip, a sixth of the first stage's
 * budget, in code no one runs: the first stage never prints a Java object. The full widget keeps the class
 * library's version. Switched on by the TeaVM property {@value #PROPERTY} in the first stage's executions.
 */
public final class FirstStageObjectToString implements TeaVMPlugin, ClassHolderTransformer {
    /** The TeaVM property that marks a first-stage build. */
    static final String PROPERTY = "guestchat.firstStage";
    /** What a Java object in the first stage says it is. */
    static final String TEXT = "[object GuestChat]";

    @Override
    public void install(TeaVMHost host) {
        if (Boolean.parseBoolean(host.getProperties().getProperty(PROPERTY))) {
            host.add(this);
        }
    }

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals("java.lang.Object")) {
            return;
        }
        MethodHolder toString = cls.getMethod(new MethodDescriptor("toString", String.class));
        if (toString == null || toString.getProgram() == null) {
            return; // not the class library's Java body: nothing to replace
        }
        ProgramEmitter.create(toString, context.getHierarchy()).constant(TEXT).returnValue();
    }
}
