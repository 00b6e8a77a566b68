package dev.guestchat.teavmshim;

import org.teavm.model.BasicBlock;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.ValueType;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Build-time TeaVM plugin that lets Flavour 0.2.1 (compiled against TeaVM 0.6) link on TeaVM 0.16.
 *
 * <p>Flavour calls {@code JSArray.get(int)} and {@code JSArray.push(..)} with {@code JSObject} in the
 * descriptor; in TeaVM 0.16 those methods are generic and erase to {@code Object}, so the old call sites
 * name methods that no longer exist. We rewrite only those call sites, only in Flavour's own classes, so
 * no project code can come to depend on the shim. Never part of the browser bundle: TeaVM loads it from
 * {@code META-INF/services/org.teavm.vm.spi.TeaVMPlugin} while compiling.
 */
public final class FlavourJsArrayShim implements TeaVMPlugin, ClassHolderTransformer {
    static final String JS_ARRAY = "org.teavm.jso.core.JSArray";
    static final ValueType JS_OBJECT = ValueType.object("org.teavm.jso.JSObject");
    static final ValueType OBJECT = ValueType.object("java.lang.Object");

    @Override
    public void install(TeaVMHost host) {
        host.add(this);
    }

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().startsWith("org.teavm.flavour.")) {
            return; // only Flavour was compiled against the old JSArray signatures
        }
        for (MethodHolder method : cls.getMethods()) {
            if (method.getProgram() == null) {
                continue; // abstract or native: nothing to rewrite
            }
            for (BasicBlock block : method.getProgram().getBasicBlocks()) {
                for (Instruction insn : block) {
                    if (insn instanceof InvokeInstruction invoke) {
                        MethodReference fixed = rewrite(invoke.getMethod());
                        if (fixed != null) {
                            invoke.setMethod(fixed);
                        }
                    }
                }
            }
        }
    }

    /** Returns the {@code Object}-erased form of an old {@code JSArray} call, or null if it needs none. */
    static MethodReference rewrite(MethodReference ref) {
        if (!JS_ARRAY.equals(ref.getClassName())) {
            return null;
        }
        ValueType[] signature = ref.getSignature();
        boolean changed = false;
        for (int i = 0; i < signature.length; i++) {
            if (JS_OBJECT.equals(signature[i])) {
                signature[i] = OBJECT;
                changed = true;
            }
        }
        return changed ? new MethodReference(ref.getClassName(), ref.getName(), signature) : null;
    }
}
