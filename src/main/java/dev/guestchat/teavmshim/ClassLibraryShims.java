package dev.guestchat.teavmshim;

import org.teavm.model.ClassHolder;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Build-time TeaVM plugin for every program of this project: class-library methods whose Java bodies carry more code
 * than the browser needs get smaller bodies, each from one transformer here. Each replacement answers what the JDK
 * answers, except {@code Object.toString()}, whose hash text nothing here shows ({@link ConstantObjectToString}).
 */
public final class ClassLibraryShims implements TeaVMPlugin {
    @Override
    public void install(TeaVMHost host) {
        host.add(new ConstantObjectToString());
        host.add(new NativeIntAppend());
        host.add(new NativeStringMethods());
        host.add(new PlainArrayListGrowth());
    }

    /**
     * The method {@code name(params) → result} of {@code cls} when that holds a Java body to replace; null when
     * {@code cls} is not {@code className}, or the method is absent or native there (nothing to replace).
     */
    static MethodHolder javaBody(ClassHolder cls, String className, String name, ValueType result,
            ValueType... params) {
        if (!cls.getName().equals(className)) {
            return null;
        }
        ValueType[] signature = new ValueType[params.length + 1];
        System.arraycopy(params, 0, signature, 0, params.length);
        signature[params.length] = result;
        MethodHolder method = cls.getMethod(new MethodDescriptor(name, signature));
        return method == null || method.getProgram() == null ? null : method;
    }
}
