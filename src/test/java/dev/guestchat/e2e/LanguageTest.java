package dev.guestchat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Languages in real Chromium: by option, by the browser's preferences, right to left, host overrides, fallback. */
class LanguageTest {
    static SimulatorFixture sim;

    @BeforeAll
    static void start() {
        sim = new SimulatorFixture();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static void init(Browser b, String options) {
        init(b, options, "{}");
    }

    static void init(Browser b, String options, String deployment) {
        b.driver.get("http://localhost:" + sim.port + "/pages/chat.html");
        String dep = sim.newDeployment(deployment);
        b.js("window.chat=GuestChat.init(Object.assign({deploymentId:arguments[0],websocketUrl:'/v1',apiUrl:''},"
                + options + "));", dep);
    }

    @Test
    void theLanguageOptionTranslatesTextsLabelsAndTheConfirmation() {
        try (Browser b = new Browser()) {
            init(b, "{language:'de'}");
            assertEquals("Chat öffnen", b.find(".gcw-launcher").getAccessibleName());
            b.find(".gcw-launcher").click();
            assertEquals("Chat beenden", b.find(".gcw-end").getText());
            assertEquals("Chat minimieren", b.find(".gcw-minimize").getAccessibleName());
            assertEquals("Nachricht eingeben", b.find(".gcw-input").getDomAttribute("placeholder"));
            assertEquals("Chatten Sie mit uns", b.find(".gcw-title").getText());
            b.find(".gcw-end").click();
            assertTrue(b.find(".gcw-confirm").getText().startsWith("Diesen Chat beenden?"));
            assertEquals("Weiter chatten", b.find(".gcw-confirm-cancel").getText());
            assertEquals("de", b.js("return document.querySelector('[data-guest-chat]').lang;"));
        }
    }

    @Test
    void theBrowsersPreferredLanguageIsUsed() {
        try (Browser b = new Browser("fr-FR,fr,en")) {
            init(b, "{}");
            b.find(".gcw-launcher").click();
            assertEquals("Terminer le chat", b.find(".gcw-end").getText());
        }
    }

    @Test
    void theDeploymentsLanguagesDecideWhenThePageDoesNot() {
        try (Browser b = new Browser("fr-FR,fr,en")) {
            // the deployment offers German and English, German by default: French is not among them, English is
            init(b, "{}", "{\"languages\":[\"de-de\",\"en-us\"],\"defaultLanguage\":\"de-de\"}");
            b.find(".gcw-launcher").click();
            // drawn in French at once, then switched in place when the configuration arrives
            b.waitFor(Duration.ofSeconds(5), d -> "End chat".equals(b.find(".gcw-end").getText()));
            assertEquals("en", b.js("return document.querySelector('[data-guest-chat]:not([data-stage])').lang;"));
        }
        try (Browser b = new Browser("fr-FR,fr")) {
            init(b, "{}", "{\"languages\":[\"de-de\",\"en-us\"],\"defaultLanguage\":\"de-de\"}");
            b.find(".gcw-launcher").click();
            b.waitFor(Duration.ofSeconds(5), d -> "Chat beenden".equals(b.find(".gcw-end").getText())); // the default
            assertEquals("Nachricht eingeben", b.find(".gcw-input").getDomAttribute("placeholder"), "static texts too");
        }
        try (Browser b = new Browser("fr-FR,fr")) {
            init(b, "{language:'es'}", "{\"languages\":[\"de-de\"],\"defaultLanguage\":\"de-de\"}");
            b.find(".gcw-launcher").click();
            SimulatorFixture.sleep(500); // the configuration has arrived: nothing switches
            assertEquals("Finalizar chat", b.find(".gcw-end").getText(), "the page's own choice wins");
        }
    }

    @Test
    void arabicIsRightToLeftAndSitsOnTheLeft() {
        try (Browser b = new Browser()) {
            init(b, "{language:'ar'}");
            b.find(".gcw-launcher").click();
            assertEquals("إنهاء الدردشة", b.find(".gcw-end").getText());
            assertEquals("rtl", b.js("return document.querySelector('[data-guest-chat]').dir;"));
            assertEquals("rtl", b.js("var h=document.querySelector('[data-guest-chat]');"
                    + "return getComputedStyle(h.shadowRoot.querySelector('.gcw-panel')).direction;"));
            assertEquals("20px", b.js("return getComputedStyle(document.querySelector('[data-guest-chat]')).left;"));
        }
    }

    @Test
    void hostOverridesWinAndAMissingCatalogueFallsBackToEnglish() {
        try (Browser b = new Browser()) {
            init(b, "{language:'nl', i18nUrl:'/nowhere/', strings:{endChat:'Leave the chat'}}");
            b.waitFor(Duration.ofSeconds(5), d -> b.present(".gcw-launcher"));
            b.find(".gcw-launcher").click();
            assertEquals("Leave the chat", b.find(".gcw-end").getText());
            b.find(".gcw-minimize").click();
            assertEquals("Open chat", b.find(".gcw-launcher").getAccessibleName(), "English when the catalogue is missing");
        }
    }
}
