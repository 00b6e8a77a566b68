package dev.guestchat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StringPairsTest {
    @Test
    void keepsInsertionOrderAndLaterPutsReplace() {
        StringPairs p = StringPairs.of("b", "1", "a", "2").put("b", "3");
        assertEquals(2, p.size());
        assertEquals("b", p.key(0));
        assertEquals("3", p.get("b"));
        assertEquals("2", p.value(1));
        assertNull(p.get("missing"));
        assertTrue(new StringPairs().isEmpty());
    }

    @Test
    void copiesAreIndependentAndEqualByContent() {
        StringPairs p = StringPairs.of("k", "v");
        StringPairs copy = p.copy();
        assertEquals(p, copy);
        assertEquals(p.hashCode(), copy.hashCode());
        copy.put("k", "w");
        assertEquals("v", p.get("k"));
        assertNotEquals(p, copy);
        assertEquals("w", new StringPairs().putAll(copy).get("k"));
    }
}
