package dev.guestchat.e2e;

import java.io.File;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless system Chromium through Selenium, plus the few shadow-DOM helpers the widget tests need. */
public final class Browser implements AutoCloseable {
    public final ChromeDriver driver;

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
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguages));
        }
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public SearchContext shadow() {
        WebElement host = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("[data-guest-chat]")));
        return host.getShadowRoot();
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            List<WebElement> found = shadow().findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    public boolean present(String css) {
        return !shadow().findElements(By.cssSelector(css)).isEmpty();
    }

    public void waitFor(Duration limit, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, limit).until(condition::apply);
    }

    /** Opens the panel, types and sends one message with Enter. */
    public void say(String text) {
        if (present(".gcw-launcher")) {
            find(".gcw-launcher").click();
        }
        WebElement input = find(".gcw-input");
        input.sendKeys(text);
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    public String transcriptText() {
        return String.valueOf(js("var h=document.querySelector('[data-guest-chat]');"
                + "var l=h&&h.shadowRoot.querySelector('.gcw-log');return l?l.innerText:'';"));
    }

    public String widgetState() {
        return String.valueOf(js("return window.chat?window.chat.state():'none';"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
