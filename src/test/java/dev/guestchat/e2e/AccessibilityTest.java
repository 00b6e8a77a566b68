package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;

/** WCAG 2.2 AA checks that a browser can measure: contrast in both themes, the live log, small screens. */
class AccessibilityTest extends BrowserTest {
    /** A chat with every kind of row, a notice, quick replies and the confirmation showing. */
    String busyChat(String theme) {
        String dep = sim.newDeployment("{\"routingDelayMillis\":60000,\"clearEnabled\":false}");
        browser.driver.manage().window().setSize(new Dimension(1200, 900));
        browser.driver.get("http://localhost:" + sim.port + "/pages/chat.html");
        browser.js("window.chat=GuestChat.init({deploymentId:arguments[0],websocketUrl:'/v1',apiUrl:'',theme:arguments[1],"
                + "confirmEnd:false});", dep, theme);
        browser.say("a customer message");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        String conv = sim.onlyConversation(dep).path("id").asString();
        sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"an agent message\",\"quickReplies\":[\"Yes\",\"No\"]}");
        browser.waitFor(Duration.ofSeconds(5), d -> browser.present(".gcw-choice"));
        browser.find(".gcw-end").click(); // Clear disabled: shows the notice
        browser.waitFor(Duration.ofSeconds(5), d -> browser.present(".gcw-notice"));
        return dep;
    }

    /**
     * Contrast of every visible text in the shadow root against its effective background (the first opaque
     * background up the tree), per WCAG: 4.5:1, or 3:1 for large text (≥ 24px, or ≥ 18.66px bold).
     */
    static final String CONTRAST = ""
            + "function rgb(c){var m=c.match(/[\\d.]+/g);return m?m.map(Number):[0,0,0,0];}"
            + "function lum(c){var a=[c[0],c[1],c[2]].map(function(v){v/=255;return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4);});"
            + "return 0.2126*a[0]+0.7152*a[1]+0.0722*a[2];}"
            + "function bg(e){for(;e;e=e.parentElement||(e.getRootNode&&e.getRootNode().host)){var c=rgb(getComputedStyle(e).backgroundColor);"
            + "if(c.length<4||c[3]>0.9)return c;}return [255,255,255];}"
            + "var root=document.querySelector('[data-guest-chat]').shadowRoot,out=[],checked=0;"
            + "root.querySelectorAll('*').forEach(function(e){var own=Array.from(e.childNodes).some(function(n){"
            + "return n.nodeType===3&&n.textContent.trim();});if(!own||!e.offsetParent&&e.tagName!=='BUTTON')return;"
            + "var s=getComputedStyle(e),f=rgb(s.color),b=bg(e),l1=lum(f),l2=lum(b),r=(Math.max(l1,l2)+0.05)/(Math.min(l1,l2)+0.05);"
            + "var size=parseFloat(s.fontSize),large=size>=24||size>=18.66&&Number(s.fontWeight)>=700;"
            + "checked++;if(r<(large?3:4.5))out.push(e.className+' \"'+e.textContent.trim().slice(0,20)+'\" '+r.toFixed(2));});"
            + "return checked+' checked; failing: '+JSON.stringify(out);";

    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void everyTextMeetsAaContrast(String theme) {
        busyChat(theme);
        String panel = String.valueOf(browser.js(CONTRAST));
        assertTrue(panel.endsWith("failing: []"), theme + " theme: " + panel);
        assertTrue(Integer.parseInt(panel.substring(0, panel.indexOf(' '))) >= 10, "measured every text: " + panel);
        browser.find(".gcw-minimize").click();
        browser.find(".gcw-launcher");
        String launcher = String.valueOf(browser.js(CONTRAST));
        assertTrue(launcher.endsWith("failing: []"), theme + " theme, launcher: " + launcher);
    }

    @Test
    void theLogKeepsExistingRowsSoOnlyNewMessagesAreAnnounced() {
        String dep = busyChat("light");
        browser.js("var r=document.querySelector('[data-guest-chat]').shadowRoot.querySelectorAll('.gcw-row');"
                + "r.forEach(function(e,i){e.dataset.seen=String(i);});window.rowsBefore=r.length;");
        String conv = sim.onlyConversation(dep).path("id").asString();
        sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"a newer message\"}");
        browser.waitFor(Duration.ofSeconds(5), d -> browser.transcriptText().contains("a newer message"));
        Object kept = browser.js("var r=document.querySelector('[data-guest-chat]').shadowRoot.querySelectorAll('.gcw-row');"
                + "var n=0;r.forEach(function(e){if(e.dataset.seen)n++;});return n+'/'+window.rowsBefore+'/'+r.length;");
        assertEquals("2/2/3", kept, "old rows are the same DOM nodes; one new row was added");
        assertEquals("polite", browser.find(".gcw-log").getDomAttribute("aria-live"));
    }

    @Test
    void onSmallScreensThePanelIsFullScreenWithAClearMinimise() {
        String dep = sim.newDeployment("{}");
        browser.driver.get("http://localhost:" + sim.port + "/pages/chat.html?deployment=" + dep + "&mode=never");
        browser.driver.manage().window().setSize(new Dimension(400, 800));
        browser.find(".gcw-launcher").click();
        browser.find(".gcw-panel"); // the click loads the full widget, which opens
        assertEquals("none", browser.js("var h=document.querySelector('[data-guest-chat]');"
                + "return getComputedStyle(h.shadowRoot.querySelector('.gcw-panel')).animationName;"),
                "prefers-reduced-motion turns the open animation off");
        Object sizes = browser.js("var p=document.querySelector('[data-guest-chat]').shadowRoot.querySelector('.gcw-panel')"
                + ".getBoundingClientRect();return [Math.round(p.width)===innerWidth, Math.round(p.height)===innerHeight,"
                + "Math.round(p.left), Math.round(p.top)].join();");
        assertEquals("true,true,0,0", sizes);
        Object minimize = browser.js("var b=document.querySelector('[data-guest-chat]').shadowRoot.querySelector('.gcw-minimize')"
                + ".getBoundingClientRect();return b.width>=44&&b.height>=24;");
        assertEquals(true, minimize, "a minimise control big enough to hit");
        browser.find(".gcw-minimize").click();
        browser.find(".gcw-launcher");
        browser.driver.manage().window().setSize(new Dimension(1200, 900));
    }
}
