package io.gatehouse.app.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian, driven through Debian's chromedriver (bin/test installs both; pointing
 * Selenium at them means it never tries to download a browser or a driver). JavaScript is switched off
 * unless a test asks for it: every page must work without it.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(String base) {
        return open(base, false);
    }

    /** With {@code javascript}, to test the pages' one progressive enhancement (the copy button). */
    static Browser open(String base, boolean javascript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900");
        if (!javascript) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(executable("chromedriver")).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return new Browser(driver, base);
    }

    /** A path of Gatehouse's, or an absolute URL elsewhere (an application's). */
    Browser go(String path) {
        driver.get(path.startsWith("http://") || path.startsWith("https://") ? path : base + path);
        return this;
    }

    /** The path (and query) of the page shown now. */
    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    Browser type(String id, String text) {
        settled(() -> {
            WebElement field = driver.findElement(By.id(id));
            field.clear();
            field.sendKeys(text);
            return null;
        });
        return this;
    }

    /** Types into the field {@code css} finds (for pages not ours, whose fields have no ids). */
    Browser fill(String css, String text) {
        WebElement field = driver.findElement(By.cssSelector(css));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Shows the pages as a system set to a dark (or light) colour scheme would ask for them. */
    Browser darkScheme(boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                List.of(java.util.Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
        return this;
    }

    /** Runs a DevTools script on the page shown (to change it for a test). */
    Browser run(String script) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script);
        return this;
    }

    /** What a DevTools script returns on the page shown. */
    Object evaluate(String script) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script);
    }

    /**
     * axe-core's WCAG A and AA violations on the page shown, one line each: rule, help, the elements. The engine runs as a
     * DevTools script, which the page's CSP does not govern; it needs a browser opened with JavaScript on.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations(String axeSource) {
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript(axeSource);
        return (List<String>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                    .then(result => done(result.violations.map(v => v.id + ': ' + v.help + ' -> '
                        + v.nodes.map(n => n.target.join(' ')).join(', '))))
                    .catch(error => done(['axe failed: ' + error]));""");
    }

    /** Chooses a file in the file input {@code id}, as a person would in the file picker. */
    Browser attach(String id, java.nio.file.Path file) {
        driver.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Whether the element's document has been replaced; Chromium says so in two ways. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Runs {@code step} again (at most five times, 100 ms apart) when Chromium reports that the node it found belongs to a
     * document that has just been replaced: a page reached by a redirect may still be settling.
     */
    private <T> T settled(java.util.function.Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (org.openqa.selenium.WebDriverException e) {
                boolean replaced = e instanceof org.openqa.selenium.StaleElementReferenceException
                        || String.valueOf(e.getMessage()).contains("does not belong to the document");
                if (attempt == 5 || !replaced) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Presses the submit button of the form that holds the element {@code id}, as a person would. */
    Browser submit(String id) {
        return navigateBy(() -> driver.findElement(By.id(id)).findElement(By.xpath("ancestor::form"))
                .findElement(By.cssSelector("button[type=submit]")));
    }

    /**
     * Clicks, then waits for the next page: a click returns before the navigation it starts has replaced the
     * page. The element is looked up again if the page was still settling when it was first found.
     */
    private Browser navigateBy(java.util.function.Supplier<WebElement> element) {
        WebElement page = settled(() -> {
            WebElement before = driver.findElement(By.tagName("html"));
            element.get().click();
            return before;
        });
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> isGone(page));
        // The new document must have finished loading before anything in it is touched.
        wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** Waits until the browser shows a page whose address starts with {@code prefix}: for moves it makes on its own (a meta refresh). */
    Browser waitForUrl(String prefix) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(prefix)
                && "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** This browser's cookies as a Cookie header, for a request the test crafts itself. */
    String cookieHeader() {
        return driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** A fresh visitor: no cookie of any site (WebDriver's own deleteAllCookies forgets only the current site's). */
    void forgetCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
    }

    /** Clicks a link or button that leads to another page. */
    Browser click(String css) {
        return navigateBy(() -> driver.findElement(By.cssSelector(css)));
    }

    String value(String css) {
        return driver.findElement(By.cssSelector(css)).getDomProperty("value");
    }

    boolean isDisplayed(String css) {
        return driver.findElement(By.cssSelector(css)).isDisplayed();
    }

    String text(String css) {
        return settled(() -> driver.findElement(By.cssSelector(css)).getText());
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String html() {
        return driver.getPageSource();
    }

    String title() {
        return driver.getTitle();
    }

    /** The elements whose right edge passes the viewport's, outside a container that scrolls or clips sideways (a table's). */
    private static final String STICKING_OUT = """
            const width = document.documentElement.clientWidth;
            const out = [];
            for (const e of document.body.querySelectorAll('*')) {
              let contained = false;
              for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) { contained = true; break; }
              }
              const r = e.getBoundingClientRect();
              if (!contained && r.width > 0 && r.right > width + 1) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : ''));
            }
            return out.slice(0, 10).join(', ');""";

    /**
     * Writes target/screenshots/{name}-desktop.png and {name}-phone.png (whole pages); at each width nothing may run past the
     * page's right edge (a phone would have to scroll sideways).
     */
    Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (var size : List.of(java.util.Map.entry("desktop", DESKTOP), java.util.Map.entry("phone", PHONE))) {
                driver.manage().window().setSize(size.getValue());
                // The whole page, not only what fits the window: grow the window to the document's height (capped).
                long height = (Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollHeight");
                driver.manage().window().setSize(new Dimension(size.getValue().width, (int) Math.min(4000, Math.max(size.getValue().height,
                        height + (size.getValue().height - viewportHeight())))));
                Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, SCREENSHOTS.resolve(name + "-" + size.getKey() + ".png"), StandardCopyOption.REPLACE_EXISTING);
                String sticksOut = (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(STICKING_OUT);
                if (!sticksOut.isEmpty()) {
                    throw new AssertionError(name + " at " + size.getKey() + " width: elements run past the page's right edge: " + sticksOut);
                }
            }
            driver.manage().window().setSize(DESKTOP);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long viewportHeight() {
        return (Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.innerHeight");
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String executable(String name) {
        for (String directory : List.of("/usr/bin", "/usr/local/bin", "/usr/lib/chromium")) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is not installed: run bin/test, which installs Debian's chromium and chromium-driver");
    }
}
