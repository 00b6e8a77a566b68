package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySetTest {
    /** Against java.util.HashSet: random adds and removes over few keys (long probe runs, many wrap-arounds). */
    @Test
    void agreesWithHashSetUnderRandomAddsAndRemoves() {
        for (long seed = 1; seed <= 10; seed++) {
            Random random = new Random(seed);
            KeySet keys = new KeySet();
            Set<String> expected = new HashSet<>();
            for (int step = 0; step < 50_000; step++) {
                String key = "k" + random.nextInt(step < 25_000 ? 300 : 5_000);
                if (random.nextInt(3) == 0) {
                    keys.remove(key);
                    expected.remove(key);
                } else {
                    keys.add(key);
                    expected.add(key);
                }
                String probe = "k" + random.nextInt(5_000);
                assertEquals(expected.contains(probe), keys.contains(probe), "seed " + seed + " step " + step);
            }
            for (int i = 0; i < 5_000; i++) {
                assertEquals(expected.contains("k" + i), keys.contains("k" + i));
            }
            keys.clear();
            assertEquals(false, keys.contains("k1"));
        }
    }
}
