package dev.guestchat.teavmshim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.teavm.model.MethodReference;
import org.teavm.model.ValueType;

/** The Flavour compatibility plugin rewrites exactly the old JSArray call shapes, and is registered. */
class FlavourJsArrayShimTest {
    static final ValueType JSOBJECT = ValueType.object("org.teavm.jso.JSObject");

    @Test
    void oldGetAndPushDescriptorsBecomeTheErasedForms() {
        MethodReference get = new MethodReference("org.teavm.jso.core.JSArray", "get", ValueType.INTEGER, JSOBJECT);
        assertEquals("org.teavm.jso.core.JSArray.get(I)Ljava/lang/Object;",
                FlavourJsArrayShim.rewrite(get).toString());
        MethodReference push = new MethodReference("org.teavm.jso.core.JSArray", "push", JSOBJECT, ValueType.INTEGER);
        assertEquals("org.teavm.jso.core.JSArray.push(Ljava/lang/Object;)I", FlavourJsArrayShim.rewrite(push).toString());
    }

    @Test
    void everythingElseIsLeftAlone() {
        assertNull(FlavourJsArrayShim.rewrite(new MethodReference("org.teavm.jso.core.JSArray", "getLength",
                ValueType.INTEGER)));
        assertNull(FlavourJsArrayShim.rewrite(new MethodReference("org.teavm.jso.core.JSString", "get", ValueType.INTEGER,
                JSOBJECT)));
    }

    @Test
    void thePluginIsRegisteredForTeaVM() throws Exception {
        assertEquals(List.of(FlavourJsArrayShim.class.getName(), FirstStageObjectToString.class.getName()),
                Files.readAllLines(Path.of("src/main/resources/META-INF/services/org.teavm.vm.spi.TeaVMPlugin")));
    }
}
