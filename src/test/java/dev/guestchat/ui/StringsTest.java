package dev.guestchat.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guestchat.protocol.JacksonJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The message catalogues: complete, placeholder-safe, and chosen the way a browser's preferences say. */
class StringsTest {
    /** The whole English catalogue: the panel's labels and the failures' words. */
    static String[] english() {
        String[] all = java.util.Arrays.copyOf(Strings.EN, Strings.EN.length + FailureTexts.EN.length);
        System.arraycopy(FailureTexts.EN, 0, all, Strings.EN.length, FailureTexts.EN.length);
        return all;
    }

    static TreeSet<String> englishKeys() {
        TreeSet<String> keys = new TreeSet<>();
        String[] english = english();
        for (int i = 0; i < english.length; i += 2) {
            keys.add(english[i]);
        }
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "nl", "ar"})
    void everyCatalogueHasExactlyTheEnglishKeysAndKeepsPlaceholders(String lang) throws Exception {
        JsonNode catalogue = JacksonJson.MAPPER.readTree(Files.readString(Path.of("src/main/i18n/" + lang + ".json")));
        TreeSet<String> keys = new TreeSet<>();
        catalogue.propertyNames().forEach(keys::add);
        assertEquals(englishKeys(), keys);
        String[] english = english();
        for (int i = 0; i < english.length; i += 2) {
            String translated = catalogue.path(english[i]).asString();
            assertFalse(translated.isBlank(), lang + ": " + english[i]);
            assertEquals(english[i + 1].contains("{n}"), translated.contains("{n}"), lang + ": " + english[i]);
        }
    }

    @Test
    void everyCatalogueKeyIsUsedSomewhere() throws Exception {
        String sources = Files.readString(Path.of("src/main/js/ui/panel-dom.js"))
                + Files.readString(Path.of("src/main/js/ui/rich-parts.js"))
                + Files.readString(Path.of("src/main/java/dev/guestchat/ui/ChatPanel.java"))
                + Files.readString(Path.of("src/main/java/dev/guestchat/ui/RowView.java"))
                + Files.readString(Path.of("src/main/java/dev/guestchat/ui/Strings.java")).replaceAll("(?s)EN = \\{.*?\\};", "")
                + Files.readString(Path.of("src/main/java/dev/guestchat/ui/FailureTexts.java")).replaceAll("(?s)EN = \\{.*?\\};", "")
                + coreSources();
        List<String> unused = new ArrayList<>();
        for (String key : englishKeys()) {
            if (!sources.contains("\"" + key + "\"") && !sources.contains("'" + key + "'")
                    && !sources.contains("texts." + key)) {
                unused.add(key);
            }
        }
        assertTrue(unused.isEmpty(), "unused keys: " + unused);
    }

    /** The session's error reasons and system rows live across the core's classes. */
    static String coreSources() throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(Path.of("src/main/java/dev/guestchat/core"))) {
            for (Path f : files.sorted().toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }

    @Test
    void languagesAreChosenByPrimarySubtagInPreferenceOrder() {
        assertEquals("de", Strings.choose(new String[] {"de-ch", "en-us"}));
        assertEquals("fr", Strings.choose(new String[] {"pt-br", "fr", "de"}));
        assertEquals("en", Strings.choose(new String[] {"pt-br", "ja"}));
        assertEquals("en", Strings.choose(new String[] {}));
        assertEquals("ar", Strings.choose(new String[] {null, "ar-eg"}));
    }

    @Test
    void lookupsFallBackToEnglishAndOverridesWin() {
        Strings s = new Strings("de");
        s.putAll(dev.guestchat.protocol.StringPairs.of("endChat", "Chat beenden"));
        assertEquals("Chat beenden", s.get("endChat"));
        assertEquals("Keep chatting", s.get("confirmKeep"), "a missing translation falls back to English");
        assertEquals("Open chat, 3 unread", s.get("launcherUnread", 3));
        assertEquals("That message is too long to send.", s.all().get(FailureTexts.key("message-rejected", 4011)));
        assertEquals(s.get("read-only"), s.all().get(FailureTexts.key("cannot-send", 409)));
        assertNull(s.all().get(FailureTexts.key("brand-new-reason", 0)));
        assertTrue(new Strings("ar").rightToLeft());
        assertFalse(s.rightToLeft());
    }
}
