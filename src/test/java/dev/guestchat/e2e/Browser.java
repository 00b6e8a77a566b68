package dev.guestchat.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.DetachedShadowRootException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser driven through Selenium (WebDriver classic): headless system Chromium, or WebKitGTK's MiniBrowser
 * through Debian's {@code WebKitWebDriver} on an Xvfb display. Also the few shadow-DOM helpers the
 * Chromium-only suites use with Selenium's own element API.
 */
public final class Browser implements Engine {
    /**
     * A command chromedriver has not answered by then is hung, not slow (seen on a loaded 2-core machine: a
     * {@code getWindowHandles} between two tests that never returned): it fails, so the suite can go on.
     */
    static final Duration COMMAND_LIMIT = Duration.ofSeconds(60);

    public final RemoteWebDriver driver;
    /** {@code chromium} or {@code webkit}. */
    private final String name;
    /** The WebKitWebDriver process; null for Chromium, whose driver service Selenium owns. */
    private final Process webkitDriver;
    /** The X display MiniBrowser draws on; null for Chromium and when the machine already has a display. */
    private final Xvfb display;
    /**
     * Chromium's own profile directory, which names its processes; null for WebKit. A chromedriver that hung does not
     * stop its Chromium on quit, and a leaked one slows every later test on this 2-core machine.
     */
    private final java.nio.file.Path profile;

    public Browser() {
        this(null);
    }

    /** @param acceptLanguages the browser's language preferences (navigator.languages), e.g. "fr-FR,fr"; null = default */
    public Browser(String acceptLanguages) {
        System.setProperty("SE_OFFLINE", "true"); // Selenium Manager must never try the network here
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1200,900",
                // the panel fades in (150 ms, from opacity 0) unless reduced motion is asked for, and Selenium
                // reads an element at opacity 0 as having no text: tests ask for reduced motion to stay exact
                "--force-prefers-reduced-motion");
        if (acceptLanguages != null) {
            options.addArguments("--lang=" + acceptLanguages.split(",")[0]);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        }
        try {
            this.profile = java.nio.file.Files.createTempDirectory("gcw-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException("no temp directory for a Chromium profile", e);
        }
        options.addArguments("--user-data-dir=" + profile);
        this.name = "chromium";
        this.webkitDriver = null;
        this.display = null;
        this.driver = new ChromeDriver(service, options, ClientConfig.defaultConfig().readTimeout(COMMAND_LIMIT));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    private Browser(RemoteWebDriver driver, Process webkitDriver, Xvfb display) {
        this.name = "webkit";
        this.driver = driver;
        this.webkitDriver = webkitDriver;
        this.display = display;
        this.profile = null;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    /**
     * WebKitGTK (the engine family of Safari): Debian's {@code WebKitWebDriver} starts {@code MiniBrowser
     * --automation}, which has no headless mode, so it draws on an Xvfb display of its own.
     */
    public static Browser webkit() {
        System.setProperty("SE_OFFLINE", "true");
        Xvfb display = Xvfb.startUnlessDisplayed();
        Process process = null;
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            ProcessBuilder pb = new ProcessBuilder(System.getProperty("webkitdriver", "/usr/bin/WebKitWebDriver"),
                    "--port=" + port).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            if (display != null) {
                pb.environment().put("DISPLAY", display.name());
            }
            process = pb.start();
            MutableCapabilities caps = new MutableCapabilities();
            caps.setCapability("webkitgtk:browserOptions", Map.of(
                    "binary", System.getProperty("minibrowser", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"),
                    "args", List.of("--automation", "--javascript-can-open-windows-automatically=true")));
            URI url = URI.create("http://127.0.0.1:" + port);
            SimulatorFixture.eventually(Duration.ofSeconds(10), () -> {
                try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            return new Browser(new RemoteWebDriver(url.toURL(), caps), process, display);
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.destroyForcibly();
            }
            if (display != null) {
                display.close();
            }
            throw new IllegalStateException("cannot start WebKitWebDriver", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void get(String url) {
        driver.get(url);
    }

    @Override
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Override
    public void click(String css) {
        driver.findElement(By.cssSelector(css)).click();
    }

    @Override
    public void clickInWidget(String css) {
        find(css).click();
    }

    @Override
    public void typeInWidget(String css, String text) {
        WebElement input = find(css);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                input.sendKeys(lines[i]);
            }
            if (i < lines.length - 1) {
                input.sendKeys(Keys.ENTER);
            }
        }
    }

    @Override
    public String newTab() {
        driver.switchTo().newWindow(WindowType.TAB);
        return driver.getWindowHandle();
    }

    @Override
    public String tab() {
        return driver.getWindowHandle();
    }

    @Override
    public void switchTo(String handle) {
        driver.switchTo().window(handle);
    }

    @Override
    public void closeTab() {
        driver.close();
    }

    @Override
    public void back() {
        driver.navigate().back();
    }

    @Override
    public void reload() {
        driver.navigate().refresh();
    }

    @Override
    public String url() {
        return driver.getCurrentUrl();
    }

    @Override
    public List<String> tabs() {
        return new ArrayList<>(driver.getWindowHandles());
    }

    /**
     * The widget's shadow root: the full widget's once it is on the page, else the first stage's (which the full
     * widget replaces on the first intent — so a root found here may detach; {@link #find} looks again).
     */
    public SearchContext shadow() {
        WebElement host = wait(Duration.ofSeconds(10)).until(d -> {
            List<WebElement> full = d.findElements(By.cssSelector("[data-guest-chat]:not([data-stage])"));
            return full.isEmpty() ? d.findElement(By.cssSelector("[data-guest-chat]")) : full.get(0);
        });
        return host.getShadowRoot();
    }

    public WebElement find(String css) {
        return wait(Duration.ofSeconds(10)).until(d -> {
            List<WebElement> found = shadow().findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** A wait that looks again when the first stage's element it held was replaced by the full widget's. */
    private WebDriverWait wait(Duration limit) {
        WebDriverWait wait = new WebDriverWait(driver, limit);
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(DetachedShadowRootException.class);
        return wait;
    }

    public void waitFor(Duration limit, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, limit).until(condition::apply);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            if (webkitDriver != null) {
                webkitDriver.destroy();
            }
            if (display != null) {
                display.close();
            }
            if (profile != null) {
                stopChromiumOf(profile);
            }
        }
    }

    /** Kills what is left of the Chromium that ran with this profile (after a quit that failed), then the profile. */
    private static void stopChromiumOf(java.nio.file.Path profile) {
        String flag = "--user-data-dir=" + profile;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(flag)).orElse(false))
                .forEach(p -> {
                    System.err.println("Browser: stopping leftover Chromium process " + p.pid());
                    p.destroyForcibly();
                });
        TempDirs.delete(profile);
    }
}
