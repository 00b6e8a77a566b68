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
 * Build-time TeaVM plugin for every program of this project: the {@code String} searches that frame parsing, URLs
 * and text checks use call the browser's own ({@link JsText}).
 *
 * <p>TeaVM's class library writes each of them as a char-by-char loop with its own bounds and surrogate handling;
 * the browser has every one of them built in.
 */
public final class NativeStringMethods implements TeaVMPlugin, ClassHolderTransformer {
    private static final ValueType STRING = ValueType.object("java.lang.String");

    @Override
    public void install(TeaVMHost host) {
        host.add(this);
    }

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals("java.lang.String")) {
            return;
        }
        redirect(cls, context, "startsWith", ValueType.BOOLEAN, STRING);
        redirect(cls, context, "endsWith", ValueType.BOOLEAN, STRING);
        redirect(cls, context, "trim", STRING);
        redirect(cls, context, "indexOf", ValueType.INTEGER, ValueType.INTEGER, ValueType.INTEGER);
        redirect(cls, context, "lastIndexOf", ValueType.INTEGER, ValueType.INTEGER, ValueType.INTEGER);
    }

    /** Replaces {@code String.name(params) → result} by {@code return JsText.name(this, params…)}. */
    private static void redirect(ClassHolder cls, ClassHolderTransformerContext context, String name,
            ValueType result, ValueType... params) {
        ValueType[] signature = new ValueType[params.length + 1];
        System.arraycopy(params, 0, signature, 0, params.length);
        signature[params.length] = result;
        MethodHolder method = cls.getMethod(new MethodDescriptor(name, signature));
        if (method == null || method.getProgram() == null) {
            return; // not the class library's Java body: nothing to replace
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
