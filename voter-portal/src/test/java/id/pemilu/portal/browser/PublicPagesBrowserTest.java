package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The public portal in a real Chromium through the gateway of the running suite with its demo data
 * ({@code ./suite demo}, then {@code ./mvnw -De2e -pl voter-portal test}; {@code ./suite test} does both). Every step
 * is checked on a phone and a laptop: no sideways scrolling, axe-core clean of serious/critical findings, a
 * screenshot {@code target/screenshots/<journey>-<step>-<phone|laptop>.png}.
 */
@Tag("e2e")
class PublicPagesBrowserTest {

    /** The demo's TPS with a C.Hasil photo (demo/recap-service.sh). */
    static final String PHOTO_TPS = "31.71.01.1001.001";

    /** Each page at most 100 KB compressed without the photo (issue 17). */
    static final long MAX_PAGE_BYTES = 100 * 1024;

    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start(Browser.Size.PHONE);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void citizenDrillsDownFromTheNationToATpsAndItsPhoto() {
        browser.open("/");
        assertThat(browser.driver().getCurrentUrl()).contains("/hasil");
        // a weak connection: the first page with its stylesheet and charts stays under 100 KB compressed
        assertThat(browser.pageWeight()).as("bytes of the first page").isPositive().isLessThanOrEqualTo(MAX_PAGE_BYTES);
        assertThat(browser.find("h1").getText()).contains("Indonesia");
        assertThat(browser.findAll("svg.chart")).as("results, progress and comparison charts").hasSizeGreaterThanOrEqualTo(2);
        browser.check("warga", "1-nasional");

        follow("/hasil?wilayah=31&", "2-provinsi", "Jakarta");
        follow("/hasil?wilayah=31.71&", "3-kabkota", "Jakarta Pusat");
        follow("/hasil?wilayah=31.71.01&", "4-kecamatan", "Gambir");
        assertThat(browser.text()).as("the demo's results are counted in Gambir").contains("TPS dihitung");
        follow("/hasil?wilayah=31.71.01.1001&", "5-desa", "Gambir");

        browser.clickAndWait(browser.find("a[href='/tps/" + PHOTO_TPS + "']"));
        assertThat(browser.find("h1").getText()).contains(PHOTO_TPS);
        assertThat(browser.text()).contains("Presiden dan Wakil Presiden").contains("Jumlah suara sah");
        WebElement photo = browser.find(".photo img");
        browser.js("arguments[0].scrollIntoView()", photo);
        browser.js("arguments[0].loading = 'eager'", photo);
        waitUntilLoaded(photo);
        assertThat(((Number) browser.js("return arguments[0].naturalWidth", photo)).intValue())
                .as("the C.Hasil photo is shown").isGreaterThan(100);
        assertThat(photo.findElement(By.xpath("./ancestor::a")).getAttribute("href"))
                .as("the photo opens full size to zoom").contains("/api/recap/public/photos/");
        // the history of the result: who in which role, when, why
        assertThat(browser.text()).contains("Riwayat perubahan").contains("oleh KPPS TPS " + PHOTO_TPS);
        assertThat(browser.pageWeight()).as("bytes of the TPS page without its photo").isLessThanOrEqualTo(MAX_PAGE_BYTES);
        browser.js("window.scrollTo(0, 0)");
        browser.check("warga", "6-tps");
    }

    @Test
    void citizenChecksANikThatNoPartyLists() {
        browser.open("/cek-nik");
        browser.check("cek-nik", "1-formulir");
        browser.find("#nik").sendKeys("3171019912990001");
        browser.find("#fullName").sendKeys("Warga Uji Peramban");
        browser.clickAndWait(browser.find("main form button[type=submit]"));
        assertThat(browser.text()).contains("tidak ditemukan");
        browser.check("cek-nik", "2-jawaban");
    }

    @Test
    void citizenReadsTheCandidateListsAndCommentsOnAProvisionalOne() {
        browser.open("/calon");
        assertThat(browser.text()).contains("DKI Jakarta I");
        browser.check("calon", "1-dapil");

        browser.clickAndWait(browser.find("a[href='/calon/DPR-31-1']"));
        assertThat(browser.text()).contains("DCT").contains("Dewi Lestari");
        assertThat(browser.findAll("details form")).as("the DCT is final: no feedback form").isEmpty();
        browser.check("calon", "2-dct");

        browser.open("/calon");
        List<WebElement> open = browser.findAll("a[href='/calon/DPR-31-2']");
        assertThat(open).as("the demo leaves DKI Jakarta II at the DCS stage (demo/candidate-service.sh)").isNotEmpty();
        browser.clickAndWait(open.get(0));
        assertThat(browser.text()).contains("DCS").contains("daftar sementara");
        WebElement details = browser.find("details");
        details.findElement(By.tagName("summary")).click();
        browser.check("calon", "3-dcs-tanggapan");
        details.findElement(By.tagName("textarea")).sendKeys("Uji peramban: calon ini masih tercatat sebagai pengurus "
                + "organisasi lain.");
        details.findElement(By.cssSelector("input[type=url]")).sendKeys("https://contoh.example/berita/uji");
        browser.clickAndWait(details.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.text()).contains("Terima kasih");
        browser.check("calon", "4-terkirim");
    }

    @Test
    void legislativeResultsPerDapilShowPartiesWithTheirCandidates() {
        browser.open("/hasil/dapil");
        browser.check("dapil", "1-daftar");
        browser.clickAndWait(browser.find("a[href='/hasil/dapil/DPR-31-1']"));
        assertThat(browser.find("h1").getText()).contains("DKI Jakarta I");
        assertThat(browser.text()).contains("Perolehan kursi dan calon terpilih").contains("Kemajuan");
        browser.check("dapil", "2-dpr-dki-1");

        // the demo's KPU RI publishes the DPR seats of DKI Jakarta II (demo/determination.sh)
        browser.open("/hasil/dapil/DPR-31-2");
        assertThat(browser.find("#kursi").getText()).contains("Ditetapkan KPU").contains("Calon terpilih")
                .doesNotContain("Belum ditetapkan");
        assertThat(browser.findAll("#kursi-partai tr")).as("parties with seats").hasSizeGreaterThan(1);
        browser.check("dapil", "3-kursi-dpr-dki-2");
    }

    @Test
    void everyBallotTypeOfARegionFitsAPhone() {
        for (String type : List.of("DPR", "DPD", "PILKADA_GUBERNUR", "PILKADA_BUPATI")) {
            browser.open("/hasil?wilayah=31.71.01&jenis=" + type);
            assertThat(browser.find("h1").getText()).containsIgnoringCase("Gambir");
            browser.check("jenis", type.toLowerCase());
        }
        browser.open("/tps/31.71.01.1001.002");
        assertThat(browser.text()).contains("ditandai");
        browser.check("tps", "ditandai");
        browser.open("/tps/99.99.99.9999.999");
        assertThat(browser.text()).contains("tidak ada");
        browser.check("pesan", "tidak-ada");
    }

    private static void follow(String hrefPrefix, String step, String expectedHeading) {
        WebElement link = browser.find("a[href^='" + hrefPrefix + "']");
        browser.clickAndWait(link);
        assertThat(browser.find("h1").getText()).containsIgnoringCase(expectedHeading);
        assertThat(browser.pageWeight()).as("bytes of " + step).isLessThanOrEqualTo(MAX_PAGE_BYTES);
        browser.check("warga", step);
    }

    private static void waitUntilLoaded(WebElement image) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> Boolean.TRUE.equals(browser.js("return arguments[0].complete", image)));
    }
}
