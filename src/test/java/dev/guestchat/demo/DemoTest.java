package dev.guestchat.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.guestchat.e2e.Browser;
import dev.guestchat.e2e.SimulatorFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/** The stakeholder demo works as demo/README.md tells it. */
class DemoTest {
    @Test
    void theWalkthroughShowsOurChatEndedAndTheNaiveOneAbandoned() {
        try (SimulatorFixture sim = new SimulatorFixture(true); Browser b = new Browser()) {
            DemoWalkthrough walk = new DemoWalkthrough(sim, b, step -> { });
            walk.shop(); // includes the card, the carousel and the picture (walk.rich)
            JsonNode shopConversation = sim.conversations("demo-deployment").get(0);
            assertEquals("ended-by-customer", shopConversation.path("state").asString());
            assertTrue(shopConversation.path("routed").asBoolean(), "the scripted agent had answered");
            String said = shopConversation.path("transcript").toString();
            assertTrue(said.contains("Show me a product") && said.contains("structured item") && said.contains("returns-label.png"),
                    "the agent side sent a card, a carousel and a picture: " + said);
            assertTrue(said.contains("Reserve in Hamburg Altona") && said.contains("box.jpg"),
                    "the customer answered the carousel with a button and sent a photo: " + said);
            walk.console();
            walk.compare();
            List<JsonNode> ours = sim.conversations("demo-deployment");
            assertEquals("ended-by-customer", ours.get(ours.size() - 1).path("state").asString());
            JsonNode naive = sim.conversations("naive-deployment").get(0);
            assertEquals("abandoned", naive.path("state").asString(), "the naive widget's conversation reached an agent");
            assertTrue(naive.path("routed").asBoolean());
            List<WebElement> states = b.driver.findElements(By.cssSelector("#conversations .state"));
            assertTrue(states.stream().anyMatch(s -> s.getText().equals("abandoned")));
            assertTrue(states.stream().anyMatch(s -> s.getText().equals("ended-by-customer")));
            assertFalse(b.driver.findElements(By.cssSelector("#transcript li")).isEmpty(), "the console shows a transcript");
        }
    }

    @Test
    void aSignedInCustomerIsSeenByNameAndHasTheSameChatInASecondBrowser() {
        try (SimulatorFixture sim = new SimulatorFixture(true); Browser b = new Browser()) {
            new DemoWalkthrough(sim, b, step -> { }).signedIn();
            JsonNode ada = sim.conversations("demo-deployment").stream()
                    .filter(c -> "Ada Lovelace".equals(c.path("customer").asString())).findFirst().orElseThrow();
            assertTrue(ada.path("transcript").toString().contains("Ridgeline tent last week"), ada.toString());
            assertEquals(1, sim.conversations("demo-deployment").size(), "one conversation on both browsers");
            assertTrue(b.driver.findElements(By.id("sign-out")).isEmpty(), "signed out");
            assertEquals(0L, ((Number) b.js("var n=0;for(var i=0;i<localStorage.length;i++)"
                    + "if(localStorage.key(i).indexOf('.auth.')>0)n++;return n;")).longValue(), "tokens cleared");
        }
    }
}
