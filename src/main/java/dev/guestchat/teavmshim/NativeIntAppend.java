package dev.guestchat.teavmshim;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;
import org.teavm.model.emit.ValueEmitter;
import org.teavm.vm.spi.TeaVMPlugin;
import org.teavm.vm.spi.TeaVMHost;

/**
 * Build-time TeaVM plugin for every program of this project: {@code StringBuilder.append(int)} appends the browser's
 * {@code String(n)}.
 *
 * <p>Every {@code "…" + n} and every number in a client frame goes through it. The class library's version writes
 * the digits into the builder's char array itself, with its own digit counting, sign handling and
 * {@code Character.forDigit}: about 2 KB of code before terser, in place of one call the browser has.
 */
public final class NativeIntAppend implements TeaVMPlugin, ClassHolderTransformer {
    private static final ValueType BUILDER = ValueType.object("java.lang.AbstractStringBuilder");

    @Override
    public void install(TeaVMHost host) {
        host.add(this);
    }

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals("java.lang.AbstractStringBuilder")) {
            return;
        }
        MethodHolder append = cls.getMethod(new MethodDescriptor("append", ValueType.INTEGER, BUILDER));
        if (append == null || append.getProgram() == null) {
            return; // not the class library's Java body: nothing to replace
        }
        ProgramEmitter pe = ProgramEmitter.create(append, context.getHierarchy());
        ValueEmitter text = pe.invoke(JsIntText.class, "of", String.class, pe.var(1, int.class));
        pe.var(0, BUILDER).invokeVirtual("append", BUILDER, text).returnValue();
    }
}
