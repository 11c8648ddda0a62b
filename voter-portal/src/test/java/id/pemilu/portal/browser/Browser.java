package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium for the browser tests (end-to-end, {@code -De2e}): Debian's {@code /usr/bin/chromium} driven by
 * {@code /usr/bin/chromedriver} through Selenium, headless, with a fresh profile that is deleted on {@link #close()}.
 *
 * <p>One browser serves both screen sizes: {@link #use(Size)} switches the emulated device (a phone is emulated as a
 * touch device with a mobile viewport, so the page's {@code <meta name="viewport">} counts as on a real phone).
 * {@link #check(String, String)} is the usual end of a step: for each size, no horizontal overflow, axe-core without
 * serious or critical findings, and a full-page screenshot {@code target/screenshots/<journey>-<step>-<size>.png}.
 *
 * <p>Configuration (system property, else environment variable, else default): {@code portal.baseUrl} /
 * {@code PORTAL_BASE_URL} ({@code http://127.0.0.1:8080}, the gateway), {@code chrome.binary} / {@code CHROME_BINARY}
 * ({@code /usr/bin/chromium}), {@code chromedriver} / {@code CHROMEDRIVER} ({@code /usr/bin/chromedriver}).
 */
public final class Browser implements AutoCloseable {

    /** The two screens every page is checked on. */
    public enum Size {
        PHONE("phone", 412, 915, true),
        LAPTOP("laptop", 1280, 800, false),
        /** Staff consoles are made for a laptop first and must stay usable on a tablet (portrait, touch). */
        TABLET("tablet", 768, 1024, true);

        public final String label;
        public final int width;
        public final int height;
        public final boolean mobile;

        Size(String label, int width, int height, boolean mobile) {
            this.label = label;
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    /** Axe findings at these impacts fail a test. */
    static final List<String> FAILING_IMPACTS = List.of("serious", "critical");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int MAX_SCREENSHOT_HEIGHT = 8000;

    private static String axeSource;

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;
    private Size size;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** Starts a headless Chromium with a fresh profile, emulating the given screen, aimed at the suite's portal. */
    public static Browser start(Size size) {
        return start(size, setting("portal.baseUrl", "PORTAL_BASE_URL", "http://127.0.0.1:8080"));
    }

    /** The same, aimed at another portal (a test's own portal on a random port, with stand-ins behind it). */
    public static Browser start(Size size, String baseUrl) {
        Path profile;
        try {
            profile = Files.createTempDirectory("pemilu-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(setting("chrome.binary", "CHROME_BINARY", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=id-ID", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(setting("chromedriver", "CHROMEDRIVER", "/usr/bin/chromedriver")))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // generous: a CI machine (or one shared by several builds) can take a minute for a sign-in round trip
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(150));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        Browser browser = new Browser(driver, profile, stripSlash(baseUrl));
        browser.use(size);
        return browser;
    }

    public static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Size size() {
        return size;
    }

    /** Emulates the given screen (viewport, device pixel ratio 1, touch and a mobile viewport for the phone). */
    public Browser use(Size newSize) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", newSize.width, "height", newSize.height, "deviceScaleFactor", 1, "mobile", newSize.mobile));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of(
                "enabled", newSize.mobile, "maxTouchPoints", newSize.mobile ? 5 : 1));
        this.size = newSize;
        return this;
    }

    /** Opens a path of the portal (relative to the base URL) or an absolute URL. */
    public Browser open(String pathOrUrl) {
        driver.get(pathOrUrl.matches("^[a-z]+:.*") ? pathOrUrl : baseUrl + (pathOrUrl.startsWith("/") ? "" : "/")
                + pathOrUrl);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clicks the element (a link or a submit button) and waits until the next page has loaded. */
    public Browser clickAndWait(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        wait.until(d -> gone(page));
        wait.until(d -> "complete".equals(js("return document.readyState;")));
        return this;
    }

    /**
     * Whether the element belongs to a page that has been replaced. Chromium answers a question about a node of a
     * page that has just gone either with a stale reference or with "Node with given id does not belong to the
     * document"; both mean the next page is there.
     */
    static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (pageReplaced(e)) {
                return true;
            }
            throw e;
        }
    }

    /** Whether a failed look at an element means only that its page was replaced meanwhile (see {@link #gone}). */
    static boolean pageReplaced(org.openqa.selenium.WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * The usual end of a step: on the phone and on the laptop, no horizontal overflow, axe-core clean of serious and
     * critical findings, and a screenshot. Leaves the browser on the size it had before.
     */
    public void check(String journey, String step) {
        check(journey, step, Size.PHONE, Size.LAPTOP);
    }

    /** {@link #check(String, String)} on the given screens (staff consoles: laptop and tablet). */
    public void check(String journey, String step, Size... sizes) {
        Size original = size;
        for (Size s : sizes) {
            use(s);
            screenshot(journey, step);
            assertNoHorizontalOverflow();
            assertAccessible();
        }
        use(original);
    }

    /** The page does not scroll sideways: {@code scrollWidth <= clientWidth}; names the widest elements if it does. */
    public void assertNoHorizontalOverflow() {
        Object widths = js("""
                const d = document.documentElement;
                return [d.scrollWidth, d.clientWidth, document.body.scrollWidth];""");
        List<?> w = (List<?>) widths;
        long scrollWidth = ((Number) w.get(0)).longValue();
        long clientWidth = ((Number) w.get(1)).longValue();
        long bodyWidth = ((Number) w.get(2)).longValue();
        if (scrollWidth <= clientWidth && bodyWidth <= clientWidth) {
            return;
        }
        Object culprits = js("""
                const limit = document.documentElement.clientWidth;
                const out = [];
                for (const el of document.body.querySelectorAll('*')) {
                  const r = el.getBoundingClientRect();
                  if (r.right > limit + 0.5 && r.width > 0) {
                    let inScroller = false;
                    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                      const o = getComputedStyle(p).overflowX;
                      if (o === 'auto' || o === 'scroll' || o === 'hidden') { inScroller = true; break; }
                    }
                    if (!inScroller) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                        + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\\s+/g, '.') : '')
                        + ' right=' + Math.round(r.right));
                  }
                }
                return out.slice(0, 10);""");
        throw new AssertionError("%s at %s: page scrolls sideways (scrollWidth %d, body %d > clientWidth %d): %s"
                .formatted(driver.getCurrentUrl(), size.label, scrollWidth, bodyWidth, clientWidth, culprits));
    }

    /**
     * What the page cost over the network: the page and everything it loaded (compressed sizes with headers, from the
     * browser's resource timing), photos of C.Hasil forms left out. Resources the browser had cached count 0.
     */
    public long pageWeight() {
        return ((Number) js("""
                let total = 0;
                for (const e of performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))) {
                  if (!/\\/(photos|foto)\\//.test(new URL(e.name).pathname)) { total += e.transferSize || 0; }
                }
                return total;""")).longValue();
    }

    /** Runs axe-core on the page; fails on any serious or critical violation, listing rule, help and elements. */
    public void assertAccessible() {
        Object result = null;
        // a page that replaces itself (a polling script, the offline queue's reload) between injecting axe and running it
        // loses the injected script: wait for the new page and inject again
        for (int attempt = 1; result == null; attempt++) {
            try {
                result = runAxe();
            } catch (org.openqa.selenium.JavascriptException e) {
                if (attempt == 3 || e.getMessage() == null || !e.getMessage().contains("axe is not defined")) {
                    throw e;
                }
                new WebDriverWait(driver, Duration.ofSeconds(30))
                        .until(d -> "complete".equals(js("return document.readyState;")));
            }
        }
        List<?> violations = (List<?>) result;
        assertThat(violations)
                .as("axe-core serious/critical findings on %s at %s", driver.getCurrentUrl(), size.label)
                .isEmpty();
    }

    private Object runAxe() {
        js(axe());
        return ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const failing = arguments[0];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.filter(v => failing.includes(v.impact)).map(v =>
                      v.impact + ' ' + v.id + ': ' + v.help + ' -> '
                      + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' (' + (n.failureSummary || '')
                          .replace(/\\s+/g, ' ') + ')').join('; '))))
                  .catch(e => done(['axe failed: ' + e]));""", FAILING_IMPACTS);
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<journey>-<step>-<size>.png}. */
    @SuppressWarnings("unchecked")
    public Path screenshot(String journey, String step) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = Math.max(size.width, ((Number) content.get("width")).doubleValue());
        double height = Math.min(MAX_SCREENSHOT_HEIGHT,
                Math.max(size.height, ((Number) content.get("height")).doubleValue()));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path file = SCREENSHOTS.resolve(journey + "-" + step + "-" + size.label + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe/axe.min.js missing from the test resources");
                }
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
                for (Path p : all) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless; the next run makes a new one
            }
        }
    }
}
