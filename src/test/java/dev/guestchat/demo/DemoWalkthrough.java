package dev.guestchat.demo;

import static dev.guestchat.e2e.SimulatorFixture.eventually;

import dev.guestchat.e2e.Browser;
import dev.guestchat.e2e.SimulatorFixture;
import java.time.Duration;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The stakeholder walkthrough of demo/README.md, step by step, in real Chromium against the real simulator.
 * {@link DemoTest} asserts on it; {@link DemoScreenshots} photographs it.
 */
public final class DemoWalkthrough {
    final SimulatorFixture sim;
    final Browser b;
    /** Called with a step name after each step that is worth a picture. */
    final Consumer<String> shot;

    public DemoWalkthrough(SimulatorFixture sim, Browser b, Consumer<String> shot) {
        this.sim = sim;
        this.b = b;
        this.shot = shot;
        sim.simulator.deployment("demo-deployment").set("{\"autoReply\":true,\"routingDelayMillis\":1500}");
        sim.simulator.deployment("naive-deployment").set("{\"autoReply\":true,\"routingDelayMillis\":1500}");
    }

    String base() {
        return "http://localhost:" + sim.port + "/";
    }

    JsonNode conversation(String deployment) {
        return sim.conversations(deployment).isEmpty() ? null : sim.conversations(deployment).get(0);
    }

    /** 1: chat in the shop, follow the customer to another page, end the chat. */
    public void shop() {
        b.driver.get(base() + "index.html");
        b.find(".gcw-launcher");
        shot.accept("01-shop");
        b.say("Hi! Is the Ridgeline tent waterproof?");
        b.waitFor(Duration.ofSeconds(10), d -> b.transcriptText().contains("Dana"));
        shot.accept("02-chatting");
        rich();
        b.driver.findElement(By.linkText("Tent")).click();
        b.waitFor(Duration.ofSeconds(10), d -> b.transcriptText().contains("waterproof"));
        shot.accept("03-next-page");
        b.find(".gcw-end").click();
        shot.accept("04-confirm-end");
        b.find(".gcw-confirm-end").click();
        b.waitFor(Duration.ofSeconds(10), d -> b.present(".gcw-ended"));
        shot.accept("05-ended");
    }

    /** 1b: the scripted agent's quick replies bring a card, a carousel of shops and a picture. */
    void rich() {
        b.find(".gcw-row > .gcw-choices > .gcw-choice").click(); // "Show me a product"
        b.waitFor(Duration.ofSeconds(10), d -> b.present(".gcw-card .gcw-card-img"));
        b.say("Find a shop");
        b.waitFor(Duration.ofSeconds(10), d -> b.present(".gcw-position"));
        b.find(".gcw-next").click();
        b.js(dev.guestchat.e2e.Engine.HOST + "h.shadowRoot.querySelector('.gcw-cards[role=group] .gcw-card:not([hidden])"
                + " button.gcw-choice').click();"); // "Reserve in Hamburg Altona", the carousel's second card
        b.waitFor(Duration.ofSeconds(10), d -> sim.onlyConversation("demo-deployment").path("transcript").toString()
                .contains("\"from\":\"customer\",\"text\":\"Reserve in Hamburg Altona\""));
        b.js("var _b=new Uint8Array(30000);var f=new File([_b],'box.jpg',{type:'image/jpeg'});var dt=new DataTransfer();"
                + "dt.items.add(f);" + dev.guestchat.e2e.Engine.HOST + "var i=h.shadowRoot.querySelector('.gcw-file-input');"
                + "i.files=dt.files;i.dispatchEvent(new Event('change',{bubbles:true}));"); // the photo, as the picker gives it
        b.waitFor(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(b.js(dev.guestchat.e2e.Engine.HOST
                + "var p=h.shadowRoot.querySelector('.gcw-progress');return !!p&&p.getAttribute('aria-label')==='Ready to send';")));
        shot.accept("02a-photo-ready");
        b.say("Photo of the box");
        b.say("How do returns work?");
        b.waitFor(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(b.js(dev.guestchat.e2e.Engine.HOST
                + "var i=h.shadowRoot.querySelector('.gcw-agent .gcw-thumb');return !!i&&i.complete&&i.naturalWidth>0;")));
        shot.accept("02b-card-carousel-picture");
    }

    /**
     * 5: sign in to the shop (the simulator's identity provider), chat as a signed-in customer, and find the same
     * chat with its history in a second browser signed in as the same customer; sign out ends it in both.
     */
    public void signedIn() {
        b.driver.get(base() + "index.html");
        signInAs(b, "Ada Lovelace");
        b.say("Hello, I ordered the Ridgeline tent last week");
        b.waitFor(Duration.ofSeconds(10), d -> sim.conversations("demo-deployment").stream()
                .anyMatch(c -> "Ada Lovelace".equals(c.path("customer").asString()) && "active".equals(c.path("state").asString())));
        shot.accept("10-signed-in");
        try (Browser other = new Browser()) {
            other.driver.get(base() + "product.html");
            signInAs(other, "Ada Lovelace");
            other.find(".gcw-launcher").click();
            other.waitFor(Duration.ofSeconds(10), d -> other.transcriptText().contains("Ridgeline tent last week"));
            other.driver.findElement(By.id("sign-out")); // signed in there too
        }
        b.driver.findElement(By.id("sign-out")).click();
        b.waitFor(Duration.ofSeconds(10), d -> !d.findElements(By.id("sign-in")).isEmpty());
        shot.accept("11-signed-out");
    }

    /** The shop's Sign in link, then the customer's name on the identity provider's page; back on the shop. */
    static void signInAs(Browser browser, String name) {
        browser.waitFor(Duration.ofSeconds(10), d -> !d.findElements(By.cssSelector("#sign-in[href]")).isEmpty());
        browser.driver.findElement(By.id("sign-in")).click();
        browser.driver.findElement(By.linkText(name)).click();
        browser.waitFor(Duration.ofSeconds(10), d -> !d.findElements(By.id("sign-out")).isEmpty());
    }

    /** 2: the agent console shows the conversation ended by the customer. */
    public void console() {
        b.driver.get(base() + "agent");
        b.waitFor(Duration.ofSeconds(10), d -> !d.findElements(By.cssSelector("#conversations .state")).isEmpty());
        shot.accept("06-agent-console");
    }

    /** 3: before/after — the naive widget's conversation is abandoned, ours is ended. */
    public void compare() {
        b.driver.get(base() + "compare.html");
        WebElement naiveInput = b.driver.findElement(By.cssSelector(".naive input"));
        naiveInput.sendKeys("Hello from the naive widget");
        naiveInput.submit();
        b.say("Hello from guest-chat-widget");
        eventually(Duration.ofSeconds(10), () -> conversation("naive-deployment") != null
                && sim.conversations("demo-deployment").size() >= 2);
        shot.accept("07-compare-chatting");
        b.driver.findElement(By.cssSelector(".naive header button")).click();
        b.find(".gcw-end").click();
        b.find(".gcw-confirm-end").click();
        b.waitFor(Duration.ofSeconds(10), d -> b.present(".gcw-ended"));
        eventually(Duration.ofSeconds(10), () -> "abandoned".equals(conversation("naive-deployment").path("state").asString()));
        shot.accept("08-compare-closed");
        b.driver.get(base() + "agent");
        b.waitFor(Duration.ofSeconds(10), d -> d.findElements(By.cssSelector("#conversations .state.abandoned")).size() == 1);
        shot.accept("09-console-before-after");
    }
}
