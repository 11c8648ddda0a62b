package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Bawaslu in a real Chromium through the gateway and the real Keycloak sign-in page of the running suite (with the
 * demo data): bawaslu.ri signs in, opens TPS 31.71.01.1001.001, sees its trail, the original C.Hasil photo with its
 * SHA-256 recomputed and the log entries with their inclusion proofs checked, opens the original, records a
 * recommendation, and a hand-made change request is refused with 403 in words. Every page on a tablet (768) and a
 * laptop (1280): no sideways scrolling, axe-core clean, screenshots target/screenshots/bawaslu-*.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BawasluBrowserTest {

    static final String TPS = "31.71.01.1001.001";
    static final String PASSWORD = "dev-only-pemilu";

    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start(Browser.Size.TABLET);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    static void check(String step) {
        for (Browser.Size size : List.of(Browser.Size.TABLET, Browser.Size.LAPTOP)) {
            browser.use(size);
            browser.screenshot("bawaslu", step);
            browser.assertNoHorizontalOverflow();
            browser.assertAccessible();
        }
        browser.use(Browser.Size.TABLET);
    }

    @Test
    @Order(1)
    void bawasluOpensATpsItsOriginalPhotoAndItsTrail() {
        browser.open("/bawaslu");
        wait(d -> !browser.findAll("#username").isEmpty());
        type(browser.find("#username"), "bawaslu.ri");
        type(browser.find("#password"), PASSWORD);
        browser.clickAndWait(browser.find("#kc-login"));
        wait(d -> d.getCurrentUrl().matches(".*/bawaslu(\\?.*)?$"));
        assertThat(browser.text()).contains("Masuk sebagai").contains("bawaslu.ri").contains("Pengawasan Bawaslu");
        check("1-beranda");

        type(browser.find("#kode"), TPS);
        browser.clickAndWait(browser.find("form[role=search] button"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/bawaslu/tps/" + TPS);
        String page = browser.text();
        assertThat(page).contains("Hanya baca").contains("Riwayat perubahan").contains("SHA-256 tercatat")
                .contains("cocok").contains("Bukti inklusi sah").contains("tanda tangan Ed25519 sah");
        assertThat(page).doesNotContain("TIDAK COCOK").doesNotContain("GAGAL");
        check("2-tps");

        String photoUrl = browser.find("#surat-PPWP .original a.button").getAttribute("href");
        browser.open(photoUrl);
        wait(d -> ((Number) browser.js("var i = document.images[0]; return i ? i.naturalWidth : 0;")).intValue() > 0);
        browser.use(Browser.Size.LAPTOP);
        browser.screenshot("bawaslu", "3-foto-asli");
        browser.use(Browser.Size.TABLET);
    }

    @Test
    @Order(2)
    void bawasluRecordsARecommendationButCannotChangeAnything() {
        browser.open("/bawaslu/tps/" + TPS);
        type(browser.find("#reason"), "Uji peramban: cocokkan ulang angka paslon 2 dengan C.Hasil kertas");
        browser.find("#kind").sendKeys("Pencocokan ulang");
        browser.clickAndWait(browser.find("#recommendation-form button[type=submit]"));
        assertThat(browser.find("#notice").getText()).contains("dicatat dan masuk log transparansi");
        check("4-rekomendasi");

        // a hand-made request to change the numbers (the KPPS confirmation, with a valid CSRF token): 403, in words
        browser.js("""
                var f = document.createElement('form');
                f.method = 'post';
                f.action = '/kpps/kiriman/buatan-sendiri/konfirmasi';
                var csrf = document.querySelector('input[name=_csrf]').cloneNode();
                f.appendChild(csrf);
                var v = document.createElement('input');
                v.name = 'votes.candidate.1'; v.value = '999';
                f.appendChild(v);
                document.body.appendChild(f);
                """);
        browser.clickAndWait(browser.find("body > form:last-of-type input[name='votes.candidate.1']") == null
                ? null : submitButton());
        assertThat(browser.find("h1").getText()).isEqualTo("Akses ditolak");
        assertThat(browser.find("#refusal").getText()).contains("Bawaslu mengawasi dan tidak dapat mengubah");
        Object status = browser.js("return performance.getEntriesByType('navigation')[0].responseStatus;");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        check("5-tolak-ubah");
    }

    /** A submit button appended to the hand-made form (clicking it is what a person would do). */
    private static WebElement submitButton() {
        browser.js("""
                var f = document.querySelector('body > form:last-of-type');
                var b = document.createElement('button');
                b.type = 'submit'; b.id = 'buatan'; b.textContent = 'Kirim';
                f.appendChild(b);
                """);
        return browser.find("#buatan");
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private static void wait(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(condition::apply);
    }
}
