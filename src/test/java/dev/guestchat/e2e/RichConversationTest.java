package dev.guestchat.e2e;

import static dev.guestchat.e2e.SimulatorFixture.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Files both ways and structured messages (issue 9 §1, §2) in Chromium, Firefox and WebKit against the real
 * simulator: its presigned PUT on itself, its content check, its expiring download addresses, its agent side.
 * Files are handed to the widget the way a browser does — a {@code File} on the picker's input, a drop, a paste —
 * built in the page, since WebDriver cannot drive the operating system's file dialog.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("engines")
class RichConversationTest extends EngineTest {
    /** Script: a File of {@code arguments[1]} bytes named {@code arguments[0]} of type {@code arguments[2]}. */
    static final String FILE = "var _b=new Uint8Array(arguments[1]);for(var _i=0;_i<_b.length;_i++)_b[_i]=_i%251;"
            + "var f=new File([_b],arguments[0],{type:arguments[2]});var dt=new DataTransfer();dt.items.add(f);";

    /** Every frame the widget sent in the test passed the official schema (the simulator logs any that did not). */
    @org.junit.jupiter.api.AfterEach
    void everyFrameWasSchemaValid() {
        for (JsonNode e : sim.get("/sim/events")) {
            assertFalse("invalid-frame".equals(e.path("event").asString()), engineName + ": " + e);
        }
    }

    /** Picks a file with the attach button's input, as the browser's file dialog would. */
    void pick(String name, int size, String type) {
        engine.waitForWidget(".gcw-attach");
        engine.js(FILE + Engine.HOST + "var i=h.shadowRoot.querySelector('.gcw-file-input');i.files=dt.files;"
                + "i.dispatchEvent(new Event('change',{bubbles:true}));", name, size, type);
    }

    String widgetText(String css) {
        return String.valueOf(engine.js(Engine.HOST + "var e=h&&h.shadowRoot.querySelector(arguments[0]);"
                + "return e?e.textContent:'';", css));
    }

    String notice() {
        return widgetText(".gcw-notice-text");
    }

    /** Opens the chat, says hello and waits for the conversation; returns its id. */
    String chatting(String dep) {
        engine.get(sim.pageUrl(dep, "mode=never"));
        engine.say("hello");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.conversations(dep).size() == 1));
        engine.await(Duration.ofSeconds(5), "hello acknowledged", () -> !engine.transcriptText().contains("Sending"));
        return sim.onlyConversation(dep).path("id").asString();
    }

    List<JsonNode> framesOf(String dep, String action) {
        return sim.framesIn(dep).stream().filter(f -> action.equals(f.path("action").asString())).toList();
    }

    /** Picks a 5,000-byte label.png and waits until it is stored and the service's check is under way. */
    void pickAndAwaitTheCheck() {
        pick("label.png", 5000, "image/png");
        engine.await(Duration.ofSeconds(10), "stored, being checked", () -> Boolean.TRUE.equals(engine.js(Engine.HOST
                + "var p=h.shadowRoot.querySelector('.gcw-progress');return !!p&&p.value===100;")));
    }

    boolean uploadReady() {
        return widgetText(".gcw-upload").contains("label.png") && Boolean.TRUE.equals(engine.js(Engine.HOST
                + "var p=h.shadowRoot.querySelector('.gcw-progress');return !!p&&p.value===100"
                + "&&p.getAttribute('aria-label')==='Ready to send';"));
    }

    @Test
    void aPictureUploadsWithProgressAndReachesTheAgentWithTheMessage() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":0,\"uploadCheckMillis\":800}");
        chatting(dep);
        engine.js(Engine.HOST + "window.progressSeen=[];new MutationObserver(function(){var p=h.shadowRoot"
                + ".querySelector('.gcw-progress');if(p)window.progressSeen.push(p.value+' '+p.getAttribute('aria-label'));})"
                + ".observe(h.shadowRoot,{subtree:true,childList:true,attributes:true});");
        pick("label.png", 2_000_000, "image/png");
        engine.await(Duration.ofSeconds(10), "uploaded and checked", this::uploadReady);
        @SuppressWarnings("unchecked")
        List<Object> seen = (List<Object>) engine.js("return window.progressSeen;");
        assertTrue(seen.stream().anyMatch(v -> String.valueOf(v).endsWith("Uploading")), "the bar showed the upload: " + seen);
        assertTrue(seen.contains("100 Uploading"), "stored, then the service's check: " + seen);
        JsonNode ask = framesOf(dep, "onAttachment").get(0);
        assertEquals("label.png", ask.path("fileName").asString());
        assertEquals(2_000_000, ask.path("fileSize").asInt());
        engine.typeInWidget(".gcw-input", "the label\n");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "the label")));
        JsonNode sent = sim.framesIn(dep).stream().filter(f -> "the label".equals(f.path("message").path("text").asString()))
                .findFirst().orElseThrow();
        assertEquals(ask.path("attachmentId").asString(),
                sent.path("message").path("content").path(0).path("attachment").path("id").asString());
        engine.await(Duration.ofSeconds(5), "the agent sees the file", () -> sim.onlyConversation(dep).path("transcript")
                .toString().contains("label.png"));
        assertFalse(engine.present(".gcw-upload"), "the file left with the message");
        engine.await(Duration.ofSeconds(5), "the customer's own picture, loaded from the service", () -> Boolean.TRUE.equals(
                engine.js(Engine.HOST + "var i=h.shadowRoot.querySelector('.gcw-customer .gcw-thumb');"
                        + "return !!i&&i.complete&&i.naturalWidth===0&&i.src.indexOf('/downloads/')>0;")));
        // (the bytes are not a real PNG, so the thumbnail shows its alt text: naturalWidth 0 is expected here)
        assertEquals("label.png", engine.js(Engine.HOST
                + "return h.shadowRoot.querySelector('.gcw-customer .gcw-thumb').alt;"));
    }

    @Test
    void aRefusedTypeOrSizeIsToldAndNothingIsAsked() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":0,\"fileTypes\":[\"image/png\"],\"maxFileSizeKB\":1}");
        chatting(dep);
        pick("notes.txt", 10, "text/plain");
        engine.await(Duration.ofSeconds(5), "refused type", () -> notice().contains("type isn't accepted"));
        pick("big.png", 2048, "image/png");
        engine.await(Duration.ofSeconds(5), "refused size", () -> notice().contains("too large"));
        assertTrue(framesOf(dep, "onAttachment").isEmpty(), "checked before asking the service");
        assertFalse(engine.present(".gcw-upload"));
        assertEquals(2L, engine.js("return window.chatEvents.filter(function(e){return e.name==='error'"
                + "&&e.payload&&e.payload.reason==='upload-refused';}).length;"), "the host page hears both");
    }

    @Test
    void aFailedCheckIsToldAndTheMessageGoesWithoutIt() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":0,\"uploadsFail\":true}");
        chatting(dep);
        pick("label.png", 5000, "image/png");
        engine.await(Duration.ofSeconds(10), "the failure told", () -> notice().contains("could not be sent"));
        assertFalse(engine.present(".gcw-upload"));
        engine.say("text only");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "text only")));
        assertTrue(sim.framesIn(dep).stream().filter(f -> "text only".equals(f.path("message").path("text").asString()))
                .allMatch(f -> f.path("message").path("content").isMissingNode()));
    }

    @Test
    void removingTheFileCancelsItAndTheServiceDeletesIt() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":0,\"uploadCheckMillis\":60000}");
        chatting(dep);
        pickAndAwaitTheCheck();
        engine.clickInWidget(".gcw-remove-file");
        engine.await(Duration.ofSeconds(5), "the file gone", () -> !engine.present(".gcw-upload"));
        assertTrue(eventually(Duration.ofSeconds(5), () -> framesOf(dep, "deleteAttachment").size() == 1));
        assertEquals(framesOf(dep, "onAttachment").get(0).path("attachmentId").asString(),
                framesOf(dep, "deleteAttachment").get(0).path("attachmentId").asString());
        engine.await(Duration.ofSeconds(5), "focus back in the message box", () -> Boolean.TRUE.equals(engine.js(
                Engine.HOST + "return h.shadowRoot.activeElement===h.shadowRoot.querySelector('.gcw-input');")));
    }

    @Test
    void aSocketDropWhileTheServiceChecksLosesNothing() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":0,\"uploadCheckMillis\":1500}");
        chatting(dep);
        pickAndAwaitTheCheck();
        sim.post("/sim/sessions/" + sim.token(dep) + "/drop", ""); // the verdict will go to no one
        engine.await(Duration.ofSeconds(15), "asked again on the new connection, and ready", this::uploadReady);
        assertFalse(framesOf(dep, "getAttachment").isEmpty(), "the missed verdict was asked for");
        engine.say("after the drop");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.onlyConversation(dep).path("transcript").toString()
                .contains("label.png")), "the agent got the file");
    }

    @Test
    void aDroppedOrPastedPictureIsAttachedToo() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":0}");
        chatting(dep);
        engine.js(FILE + Engine.HOST + "var l=h.shadowRoot.querySelector('.gcw-log');"
                + "var o=new DragEvent('dragover',{dataTransfer:dt,bubbles:true,cancelable:true,composed:true});l.dispatchEvent(o);"
                + "l.dispatchEvent(new DragEvent('drop',{dataTransfer:dt,bubbles:true,cancelable:true,composed:true}));",
                "label.png", 3000, "image/png");
        engine.await(Duration.ofSeconds(10), "the dropped file ready", this::uploadReady);
        engine.clickInWidget(".gcw-remove-file");
        engine.await(Duration.ofSeconds(5), "removed", () -> !engine.present(".gcw-upload"));
        engine.js(FILE + Engine.HOST + "var i=h.shadowRoot.querySelector('.gcw-input');var e=new ClipboardEvent('paste',"
                + "{clipboardData:dt,bubbles:true,cancelable:true,composed:true});"
                + "if(!e.clipboardData||!e.clipboardData.files.length)Object.defineProperty(e,'clipboardData',{value:dt});"
                + "i.dispatchEvent(e);",
                "label.png", 3000, "image/png");
        // (a page cannot fill a paste event's clipboard in Firefox; there the same files are set on the event)
        engine.await(Duration.ofSeconds(10), "the pasted picture ready", this::uploadReady);
    }

    @Test
    void cardsCarouselsAndButtonListsAreDrawnAndAnswered() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":0}");
        String conv = chatting(dep);
        sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"Pick a plan\",\"bot\":true,\"content\":["
                + "{\"contentType\":\"Card\",\"card\":{\"title\":\"Basic\",\"description\":\"5 GB\",\"actions\":["
                + "{\"type\":\"Postback\",\"text\":\"Choose Basic\",\"payload\":\"PLAN_BASIC\"},"
                + "{\"type\":\"Link\",\"text\":\"Compare\",\"url\":\"https://example.com/compare\"},"
                + "{\"type\":\"Link\",\"text\":\"Evil\",\"url\":\"javascript:alert(1)\"}]}}]}");
        engine.await(Duration.ofSeconds(5), "the card", () -> widgetText(".gcw-card").contains("Basic"));
        assertTrue(widgetText(".gcw-card").contains("5 GB"));
        assertEquals("https://example.com/compare|_blank|noopener noreferrer", engine.js(Engine.HOST
                + "var a=h.shadowRoot.querySelector('.gcw-card a.gcw-choice');return a.href+'|'+a.target+'|'+a.rel;"));
        assertFalse(widgetText(".gcw-card").contains("Evil"), "a javascript: link is not drawn");
        engine.js(Engine.HOST + "h.shadowRoot.querySelector('.gcw-card button.gcw-choice').click();");
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "Choose Basic")));
        JsonNode answer = sim.framesIn(dep).stream().filter(f -> "Choose Basic".equals(f.path("message").path("text")
                .asString())).findFirst().orElseThrow();
        JsonNode br = answer.path("message").path("content").path(0).path("buttonResponse");
        assertEquals("Button", br.path("type").asString(), "a card's Postback answers as a Button (§3.3.3)");
        assertEquals("PLAN_BASIC", br.path("payload").asString());
        assertFalse(br.path("originatingMessageId").asString("").isEmpty());

        sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"Our shops\",\"bot\":true,\"content\":["
                + "{\"contentType\":\"Carousel\",\"carousel\":{\"cards\":[{\"title\":\"North\"},{\"title\":\"South\"},"
                + "{\"title\":\"West\"}]}},{\"contentType\":\"QuickReplyV2\",\"quickReplyV2\":{\"title\":\"Or ask\","
                + "\"actions\":[{\"text\":\"Opening hours\",\"payload\":\"HOURS\"}]}},"
                + "{\"contentType\":\"ListPicker\",\"listPicker\":{\"title\":\"Unknown kind of list\"}}]}");
        engine.await(Duration.ofSeconds(5), "the carousel", () -> widgetText(".gcw-position").equals("1 of 3"));
        String visible = "var c=[].slice.call(h.shadowRoot.querySelectorAll('.gcw-row:last-of-type .gcw-card'))"
                + ".filter(function(e){return e.offsetParent!==null;});return c.map(function(e){return e.textContent;}).join();";
        assertEquals("North", engine.js(Engine.HOST + visible), "one card per step");
        engine.js(Engine.HOST + "h.shadowRoot.querySelector('.gcw-next').focus();");
        engine.js(Engine.HOST + "var n=h.shadowRoot.querySelector('.gcw-next');n.dispatchEvent(new KeyboardEvent('keydown',"
                + "{key:'ArrowRight',bubbles:true,composed:true}));");
        engine.await(Duration.ofSeconds(5), "the arrow key moved it", () -> widgetText(".gcw-position").equals("2 of 3"));
        engine.clickInWidget(".gcw-next");
        engine.await(Duration.ofSeconds(5), "the next button moved it", () -> widgetText(".gcw-position").equals("3 of 3"));
        assertEquals("West", engine.js(Engine.HOST + visible));
        assertEquals("true", engine.js(Engine.HOST + "return h.shadowRoot.querySelector('.gcw-next')"
                + ".getAttribute('aria-disabled');"), "the last card says so");
        String transcript = engine.transcriptText();
        assertTrue(transcript.contains("Or ask") && transcript.contains("Unknown kind of list"),
                "V2 titles and unknown types show their words: " + transcript);
        engine.clickInWidget(".gcw-row > .gcw-choices > .gcw-choice"); // the quick reply, not a card's button
        assertTrue(eventually(Duration.ofSeconds(5), () -> sim.received(dep, "Opening hours")));
        assertEquals(0L, engine.js("return (window.pageErrors||[]).length;"), "nothing broke the page");
    }

    @Test
    void anAgentsPictureIsAThumbnailThatOpensFullSizeAndOutlivesItsAddress() {
        String dep = sim.newDeployment("{\"routingDelayMillis\":0,\"downloadUrlMillis\":2000}");
        String conv = chatting(dep);
        sim.post("/sim/conversations/" + conv + "/messages", "{\"text\":\"Like this\",\"file\":{\"name\":\"steps.png\"}}");
        sim.post("/sim/conversations/" + conv + "/messages", "{\"file\":{\"name\":\"manual.pdf\",\"type\":\"application/pdf\","
                + "\"base64\":\"JVBERi0xLjQK\"}}");
        String loaded = "var i=h.shadowRoot.querySelector('.gcw-agent .gcw-thumb');return !!i&&i.complete&&i.naturalWidth>0;";
        engine.await(Duration.ofSeconds(5), "the thumbnail", () -> Boolean.TRUE.equals(engine.js(Engine.HOST + loaded)));
        assertEquals("steps.png|_blank|noopener noreferrer", engine.js(Engine.HOST + "var i=h.shadowRoot.querySelector("
                + "'.gcw-agent .gcw-thumb');var a=i.parentNode;return i.alt+'|'+a.target+'|'+a.rel;"), "opens full size in a tab");
        engine.await(Duration.ofSeconds(5), "the download link", () -> widgetText(".gcw-agent a.gcw-file[download]")
                .equals("manual.pdf"));
        SimulatorFixture.sleep(2500); // every address the page holds has expired now
        engine.reload(); // history brings the rows back with expired addresses
        engine.await(Duration.ofSeconds(15), "renewed and loaded again", () -> Boolean.TRUE.equals(engine.js(Engine.HOST
                + loaded)));
        assertFalse(framesOf(dep, "getAttachment").isEmpty(), "renewed with getAttachment");
        String href = String.valueOf(engine.js(Engine.HOST
                + "return h.shadowRoot.querySelector('.gcw-agent a.gcw-file[download]').href;"));
        assertEquals(200, SimulatorFixture.status(href), "the file link works again too");
    }
}
