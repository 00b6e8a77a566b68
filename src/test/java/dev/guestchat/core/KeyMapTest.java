package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyMapTest {
    /** Against java.util.HashMap: random adds and removes over few keys (long probe runs, many wrap-arounds). */
    @Test
    void agreesWithHashMapUnderRandomPutsAndRemoves() {
        for (long seed = 1; seed <= 10; seed++) {
            Random random = new Random(seed);
            KeyMap<Integer> keys = new KeyMap<>();
            Map<String, Integer> expected = new HashMap<>();
            for (int step = 0; step < 50_000; step++) {
                String key = "k" + random.nextInt(step < 25_000 ? 300 : 5_000);
                if (random.nextInt(3) == 0) {
                    keys.remove(key);
                    expected.remove(key);
                } else {
                    keys.put(key, step);
                    expected.put(key, step);
                }
                String probe = "k" + random.nextInt(5_000);
                assertEquals(expected.containsKey(probe), keys.contains(probe), "seed " + seed + " step " + step);
                assertEquals(expected.get(probe), keys.get(probe), "seed " + seed + " step " + step);
            }
            for (int i = 0; i < 5_000; i++) {
                assertEquals(expected.get("k" + i), keys.get("k" + i));
            }
            keys.clear();
            assertEquals(false, keys.contains("k1"));
            assertEquals(true, keys.isEmpty());
        }
    }
}
