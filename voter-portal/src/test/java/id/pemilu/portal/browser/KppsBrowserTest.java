package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A KPPS officer on a phone, in a real Chromium through the gateway and the real Keycloak sign-in page of the running
 * suite: sign in, photograph the C.Hasil (a synthetic phone photo from ocr-c1-reader's command line, chosen by file),
 * the draft with a field the reader doubts and the crop of its digit boxes, retype, confirm, the public page; the
 * same with the network cut between upload and confirmation (counted once); an officer of TPS A refused TPS B. Dev
 * users kpps.gambir.4 (TPS .004) and kpps.gambir.5 (TPS .005), used by no other test or demo. Every page is checked
 * on a phone and a laptop (no sideways scrolling, axe-core, screenshots in target/screenshots/kpps-*).
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KppsBrowserTest {

    static final String TPS_A = "31.71.01.1001.004";
    static final String TPS_B = "31.71.01.1001.005";
    /**
     * Seeds of the synthetic photos (ocr-c1-reader synth, distortion ALL, the TPS's registered DPT): TPS A's is a poor
     * photo on which the reader doubts every field (two are misread), found by reading seeds 1-40 with FormReader; TPS
     * B's reads cleanly.
     */
    static final Map<String, Long> SEEDS = Map.of(TPS_A, Long.getLong("kpps.seedA", 18L), TPS_B,
            Long.getLong("kpps.seedB", 3L));
    static final String PASSWORD = "dev-only-pemilu";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Path PHOTOS = Path.of("target", "kpps-photos");

    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(PHOTOS);
        Process a = synth(TPS_A);
        Process b = synth(TPS_B);
        assertThat(a.waitFor(10, TimeUnit.MINUTES) && a.exitValue() == 0).as("photo of TPS A").isTrue();
        assertThat(b.waitFor(10, TimeUnit.MINUTES) && b.exitValue() == 0).as("photo of TPS B").isTrue();
        browser = Browser.start(Browser.Size.PHONE);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void anOfficerPhotographsChecksRetypesAndConfirmsAndThePublicSeesIt() throws Exception {
        signIn("kpps.gambir.4");
        assertThat(browser.text()).contains("Masuk sebagai").contains("kpps.gambir.4").contains("Petugas KPPS")
                .contains("TPS " + TPS_A);
        // the browser holds only the session cookie, out of reach of scripts; the tokens stay in the portal
        Cookie session = browser.driver().manage().getCookieNamed("PEMILU_SESSION");
        assertThat(session).as("session cookie").isNotNull();
        assertThat(session.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(session.getSameSite()).as("SameSite").isEqualTo("Lax");
        assertThat((String) browser.js("return document.cookie;")).doesNotContain("PEMILU_SESSION");
        assertThat(browser.driver().manage().getCookies()).extracting(Cookie::getValue)
                .noneMatch(v -> v.startsWith("eyJ"));
        browser.check("kpps", "1-beranda");
        long before = publicVersion(TPS_A);

        String draftUrl = uploadAndWaitForDraft(TPS_A, "kpps", true);
        // the reader's doubtful field comes first, with the crop of its digit boxes from the photo
        List<WebElement> doubtful = browser.findAll(".field.review");
        assertThat(doubtful).as("fields the reader doubts").isNotEmpty();
        WebElement crop = doubtful.get(0).findElement(org.openqa.selenium.By.cssSelector("img.crop"));
        wait(d -> ((Number) browser.js("return arguments[0].naturalWidth;", crop)).intValue() > 0);
        browser.check("kpps", "4-draf");

        // a post of the session without the form's CSRF token (as another site would send it) is refused
        Object forged = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById('confirm').action, {method: 'POST', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: 'reason=tanpa+token&idempotencyKey=' + crypto.getRandomValues(new Uint32Array(4)).join('-')})
                  .then(r => done(r.status), e => done(String(e)));""");
        assertThat(forged).as("confirmation without CSRF token").isEqualTo(403L);
        assertThat(publicVersion(TPS_A)).as("nothing recorded by the refused post").isEqualTo(before);

        // a wrong number: the failing sum is shown in words at once
        WebElement valid = browser.find("input[data-key='votes.valid']");
        String validRead = valid.getAttribute("value");
        type(valid, String.valueOf(Integer.parseInt(validRead.isEmpty() ? "0" : validRead) + 1));
        assertThat(browser.find("#check-list").getText()).contains("jumlah suara sah").contains("≠");
        browser.check("kpps", "5-periksa-gagal");

        // the officer retypes every doubtful field (and the one mistyped) from the paper form
        retypeFromForm(TPS_A);
        assertThat(browser.find("#checks-ok").isDisplayed()).as("all sums add up: " + browser.find("#check-list")
                .getText()).isTrue();
        type(browser.find("#reason"), "Diketik ulang dari formulir oleh uji peramban");
        browser.clickAndWait(browser.find("#confirm button[type=submit]"));
        assertThat(browser.driver().getCurrentUrl()).as("after the confirmation: %s", browser.text())
                .endsWith("/kpps/tps/" + TPS_A + "/PPWP/hasil");
        assertThat(browser.find("#result-status").getText()).contains("lolos semua pemeriksaan");
        browser.check("kpps", "6-hasil");
        assertThat(publicVersionOnceFresh(TPS_A, before + 1)).isEqualTo(before + 1);

        browser.clickAndWait(browser.find("#permalink"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/tps/" + TPS_A);
        waitForText("Presiden");
        // the public history names the office, when and why, never the officer's account
        assertThat(browser.text()).contains("Riwayat perubahan");
        assertThat(browser.find("ol.history").getText()).contains("oleh KPPS TPS " + TPS_A)
                .contains("Diketik ulang dari formulir oleh uji peramban").doesNotContain("kpps.gambir.4");
        browser.check("kpps", "7-publik");
        assertThat(draftUrl).contains("/kpps/kiriman/");
    }

    @Test
    @Order(2)
    void anOfficerOfTpsAIsRefusedTpsBsPages() {
        browser.open("/kpps/tps/" + TPS_B + "/PPWP");
        assertThat(browser.find("h1").getText()).isEqualTo("Akses ditolak");
        assertThat(browser.find("#refusal").getText()).contains("Halaman ini untuk petugas KPPS TPS " + TPS_B)
                .contains("Anda masuk sebagai petugas KPPS TPS " + TPS_A);
        browser.check("kpps", "8-tolak-tps-lain");
    }

    @Test
    @Order(3)
    void withoutSignalTheConfirmationWaitsAndIsCountedOnceWhenTheSignalReturns() throws Exception {
        // signing out ends the Keycloak session too: the next sign-in asks for the password again
        browser.clickAndWait(browser.find(".signed-in button"));
        assertThat(browser.text()).contains("Masuk petugas").doesNotContain("Masuk sebagai");
        signIn("kpps.gambir.5");
        long before = publicVersion(TPS_B);
        uploadAndWaitForDraft(TPS_B, "kpps-sinyal", false);
        retypeFromForm(TPS_B);
        type(browser.find("#reason"), "Diketik ulang dari formulir oleh uji peramban (tanpa sinyal)");

        browser.driver().setNetworkConditions(offline());
        browser.find("#confirm button[type=submit]").click();
        wait(d -> browser.find("#outbox-status").isDisplayed());
        assertThat(browser.find("#outbox-status").getText()).contains("Tidak ada sinyal").contains("dua kali");
        browser.screenshot("kpps-sinyal", "5-menunggu-sinyal");
        Thread.sleep(3000);
        assertThat(publicVersion(TPS_B)).as("nothing sent while offline").isEqualTo(before);

        browser.driver().deleteNetworkConditions();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(180))
                .until(d -> d.getCurrentUrl().endsWith("/kpps/tps/" + TPS_B + "/PPWP/hasil"));
        waitForText("Status");
        browser.check("kpps-sinyal", "6-hasil");
        assertThat(publicVersionOnceFresh(TPS_B, before + 1)).isEqualTo(before + 1);
        // the outbox is empty and nothing more is sent later: still counted once
        Thread.sleep(6000);
        assertThat(publicVersion(TPS_B)).as("counted once").isEqualTo(before + 1);
    }

    private static void signIn(String username) {
        browser.open("/kpps");
        wait(d -> !browser.findAll("#username").isEmpty());
        // Keycloak's sign-in page speaks Bahasa Indonesia (the realm's texts for locale id)
        assertThat(browser.text()).contains("Nama pengguna").contains("Kata sandi");
        browser.screenshot("kpps", "0-masuk-keycloak-" + username);
        type(browser.find("#username"), username);
        type(browser.find("#password"), PASSWORD);
        browser.clickAndWait(browser.find("#kc-login"));
        wait(d -> d.getCurrentUrl().matches(".*/kpps(\\?.*)?$"));
    }

    /** Chooses the photo and sends it; {@code slowly}: over a slow connection, watching the progress bar. */
    private static String uploadAndWaitForDraft(String tps, String journey, boolean slowly) {
        browser.clickAndWait(browser.find("a[href='/kpps/tps/" + tps + "/PPWP']"));
        assertThat(browser.find("#photo").getAttribute("capture")).isEqualTo("environment");
        browser.check(journey, "2-unggah");
        browser.find("#photo").sendKeys(photo(tps).toAbsolutePath().toString());
        if (slowly) {
            ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
            slow.setUploadThroughput(64 * 1024); // bytes per second: the photo takes several seconds
            browser.driver().setNetworkConditions(slow);
            // remembers the highest value the bar showed (the page is replaced when the upload ends)
            browser.js("""
                    sessionStorage.removeItem('progressSeen');
                    setInterval(() => { const bar = document.getElementById('upload-progress');
                      if (bar && !bar.closest('[hidden]')) { sessionStorage.setItem('progressSeen',
                        Math.max(Number(sessionStorage.getItem('progressSeen') || 0), bar.value)); } }, 20);""");
        }
        browser.find("#upload button[type=submit]").click();
        if (slowly) {
            try {
                new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
                    Object value = browser.js("const bar = document.getElementById('upload-progress');"
                            + "return bar && bar.value > 0 && bar.value < 100 ? bar.value : null;");
                    return value != null;
                });
                browser.screenshot(journey, "2b-mengunggah");
            } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException
                     | org.openqa.selenium.JavascriptException e) {
                // the page moved on before a screenshot: the bar's highest value is checked below
            }
        }
        new WebDriverWait(browser.driver(), Duration.ofSeconds(180))
                .until(d -> d.getCurrentUrl().contains("/kpps/kiriman/"));
        if (slowly) {
            browser.driver().deleteNetworkConditions();
            Object seen = browser.js("return Number(sessionStorage.getItem('progressSeen') || 0);");
            assertThat(((Number) seen).intValue()).as("the upload's progress bar moved").isGreaterThan(0);
        }
        if (!browser.findAll("#reading").isEmpty()) {
            browser.screenshot(journey, "3-sedang-dibaca");
        }
        new WebDriverWait(browser.driver(), Duration.ofSeconds(240))
                .until(d -> !browser.findAll("#confirm").isEmpty() || !browser.findAll("#unreadable").isEmpty());
        assertThat(browser.findAll("#unreadable")).as("the photo was read").isEmpty();
        return browser.driver().getCurrentUrl();
    }

    /**
     * Types the numbers written on the form (the {@code values} of the photo's truth file) into every field that
     * differs, as the officer does with the paper form beside the phone.
     */
    private static void retypeFromForm(String tps) throws IOException {
        JsonNode truth = JSON.readTree(Files.readString(truth(tps))).path("values");
        assertThat(truth.isObject()).as("numbers written on the form of " + tps).isTrue();
        for (WebElement input : browser.findAll("input[data-key]")) {
            JsonNode written = truth.path(input.getAttribute("data-key"));
            if (written.isNumber() && !written.asString().equals(input.getAttribute("value"))) {
                type(input, written.asString());
            }
        }
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private static void waitForText(String text) {
        wait(d -> browser.text().contains(text));
    }

    private static void wait(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(condition::apply);
    }

    private static ChromiumNetworkConditions offline() {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        return conditions;
    }

    /** The public result version of the TPS's PPWP (0 before any), read past the browser (its network is cut). */
    /**
     * The public version once the gateway's copy of the public answer is fresh: the portal writes to recap-service
     * directly, and the gateway may serve a public answer read just before for up to 1 s (its documented cache time).
     * Waits at most 5 s for {@code expected}, then returns what it reads.
     */
    private static long publicVersionOnceFresh(String tps, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long version = publicVersion(tps);
        while (version != expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
            version = publicVersion(tps);
        }
        return version;
    }

    private static long publicVersion(String tps) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(browser.baseUrl()
                + "/api/recap/public/tps/" + tps)).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode ballot : JSON.readTree(response.body()).path("ballots")) {
            if ("PPWP".equals(ballot.path("ballotType").asString())) {
                return ballot.path("resultVersion").asLong();
            }
        }
        return 0;
    }

    private static Path photo(String tps) {
        return PHOTOS.resolve("c1-" + tps + ".jpg");
    }

    private static Path truth(String tps) {
        return PHOTOS.resolve("c1-" + tps + ".truth.json");
    }

    /** A synthetic phone photo of the TPS's filled C.Hasil-PPWP with its registered DPT (ocr-c1-reader's CLI). */
    private static Process synth(String tps) throws Exception {
        String baseUrl = Browser.setting("portal.baseUrl", "PORTAL_BASE_URL", "http://127.0.0.1:8080");
        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/api/recap/public/tps/" + tps)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode station = JSON.readTree(registered.body());
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("..", "ocr-c1-reader", "target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("ocr-c1-reader-.*\\.jar")
                    && !p.getFileName().toString().endsWith("tests.jar")).findFirst().orElseThrow();
        }
        return new ProcessBuilder("java", "-Dai.djl.offline=true", "-Xmx512m", "-jar", jar.toAbsolutePath().toString(), "synth",
                "--tps", tps, "--ballot", "PPWP", "--seed", String.valueOf(SEEDS.get(tps)), "--distortion", "ALL",
                "--dpt-men", station.path("dptMen").asString(), "--dpt-women", station.path("dptWomen").asString(),
                "--out", photo(tps).toAbsolutePath().toString(), "--truth", truth(tps).toAbsolutePath().toString())
                .directory(Path.of("..").toFile()).redirectErrorStream(true)
                .redirectOutput(PHOTOS.resolve("synth-" + tps + ".log").toFile()).start();
    }
}
