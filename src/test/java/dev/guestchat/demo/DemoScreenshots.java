package dev.guestchat.demo;

import dev.guestchat.e2e.Browser;
import dev.guestchat.e2e.SimulatorFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;

/**
 * Regenerates demo/screenshots/*.png by walking through the demo in headless Chromium:
 * {@code mvn -q -DskipTests package exec:java@screenshots}.
 */
public final class DemoScreenshots {
    private DemoScreenshots() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("demo/screenshots");
        Files.createDirectories(dir);
        try (SimulatorFixture sim = new SimulatorFixture(true); Browser b = new Browser()) {
            DemoWalkthrough walk = new DemoWalkthrough(sim, b, step -> {
                try {
                    Files.write(dir.resolve(step + ".png"), b.driver.getScreenshotAs(OutputType.BYTES));
                    System.out.println("wrote " + dir.resolve(step + ".png"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            walk.shop();
            walk.console();
            walk.compare();
            walk.signedIn();
        }
    }
}
