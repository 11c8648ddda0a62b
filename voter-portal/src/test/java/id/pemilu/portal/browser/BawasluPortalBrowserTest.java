package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.portal.bawaslu.BawasluPagesTest;
import id.pemilu.portal.kpps.FakeServices;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Bawaslu pages in a real Chromium with the portal alone (stand-ins for recap-service and Keycloak, no suite
 * needed), on a tablet (768) and a laptop (1280): home, a TPS with its trail, original photo (EXIF, SHA-256
 * recomputed) and log proofs, the original itself, a recommendation, and a hand-made change refused with 403. The same
 * journey against the real suite and Keycloak is {@link BawasluBrowserTest}. Screenshots target/screenshots/bawaslu-alone-*.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BawasluPortalBrowserTest {

    static final String TPS = "31.71.01.1001.001";
    static final String SUBMISSION = "5d1c7a3e-0f4b-3a11-8e2d-9c0b1a2f3e4d";
    static final FakeServices recap = new FakeServices();
    static final FakeKeycloak keycloak = keycloak();
    static Browser browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("pemilu.portal.recap-service-url", recap::url);
        registry.add("pemilu.portal.sign-in.issuer", keycloak::issuer);
        registry.add("pemilu.portal.sign-in.jwks-uri", () -> keycloak.issuer() + "/protocol/openid-connect/certs");
    }

    @BeforeAll
    static void answers() throws Exception {
        keycloak.username = "bawaslu.ri";
        keycloak.role = "bawaslu";
        keycloak.tpsCode = null;
        keycloak.name = "Pengawas Bawaslu RI";
        byte[] original = originalPhoto();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original));
        recap.json("GET /api/recap/public/tps/" + TPS, 200, """
                {"tpsCode":"%s","path":[{"code":"31","name":"DKI JAKARTA"},{"code":"31.71","name":"KOTA ADM. JAKARTA
                 PUSAT"},{"code":"31.71.01","name":"GAMBIR"},{"code":"31.71.01.1001","name":"GAMBIR"}],"dpt":210,
                 "ballots":[{"ballotType":"PPWP","status":"corrected","resultVersion":2}],
                 "openReports":{"total":2,"byReason":[]},"openRecommendations":0}""".formatted(TPS)
                .replace("JAKARTA\n PUSAT", "JAKARTA PUSAT"));
        recap.json("GET /api/recap/tps/" + TPS + "/ballots/PPWP", 200, """
                {"tpsCode":"%s","ballotType":"PPWP","status":"corrected","resultVersion":2,"submissionId":"%s",
                 "values":[{"key":"votes.candidate.1","value":103},{"key":"votes.candidate.2","value":61},
                  {"key":"votes.candidate.3","value":42},{"key":"votes.valid","value":206},{"key":"votes.invalid","value":3}],
                 "flags":[],"photos":[{"page":1,"sha256":"%s"}],
                 "history":[{"resultVersion":1,"status":"SUBMITTED","by":"kpps.gambir.1","role":"kpps",
                   "at":"2029-02-14T10:00:00Z","reason":null},
                  {"resultVersion":2,"status":"CORRECTED","by":"ppk.gambir","role":"ppk",
                   "at":"2029-02-15T09:00:00Z","reason":"Dicocokkan dengan C.Hasil kertas dalam rapat pleno"}]}"""
                .formatted(TPS, SUBMISSION, sha));
        recap.bytes("GET /api/recap/submissions/" + SUBMISSION + "/photos/1/original", "image/jpeg", original);
        recap.json("GET /api/recap/public/log/tps/" + TPS + "/PPWP", 200, BawasluPagesTest.log(false));
        recap.json("GET /api/recap/recommendations?region=ID", 200, "[]");
        recap.json("POST /api/recap/recommendations", 201, "{\"id\":\"RB-1a2b3c4d\",\"status\":\"open\"}");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        recap.close();
        keycloak.close();
    }

    static void check(String step) {
        for (Browser.Size size : List.of(Browser.Size.TABLET, Browser.Size.LAPTOP)) {
            browser.use(size);
            browser.screenshot("bawaslu-alone", step);
            browser.assertNoHorizontalOverflow();
            browser.assertAccessible();
        }
        browser.use(Browser.Size.TABLET);
    }

    @Test
    void bawasluReadsATpsRecordsARecommendationAndCannotChangeAnything() {
        browser = Browser.start(Browser.Size.TABLET, "http://127.0.0.1:" + port);
        browser.open("/bawaslu");
        waitFor(() -> browser.driver().getCurrentUrl().matches(".*/bawaslu(\\?.*)?$"));
        assertThat(browser.find("#signed-in-as").getText()).contains("bawaslu.ri").contains("Bawaslu");
        check("1-beranda");

        browser.find("#kode").sendKeys(TPS);
        browser.clickAndWait(browser.find("form[role=search] button"));
        String page = browser.text();
        assertThat(page).contains("Hanya baca").contains("cocok").contains("KameraUji").contains("Bukti inklusi sah")
                .contains("Dicocokkan dengan C.Hasil kertas dalam rapat pleno").doesNotContain("GAGAL");
        check("2-tps");

        String photo = browser.find("#surat-PPWP .original a.button").getAttribute("href");
        browser.open(photo);
        waitFor(() -> ((Number) browser.js("var i = document.images[0]; return i ? i.naturalWidth : 0;"))
                .intValue() > 0);
        browser.use(Browser.Size.LAPTOP);
        browser.screenshot("bawaslu-alone", "3-foto-asli");
        browser.use(Browser.Size.TABLET);

        browser.open("/bawaslu/tps/" + TPS);
        browser.find("#reason").sendKeys("Cocokkan ulang angka paslon 2 dengan C.Hasil kertas");
        browser.clickAndWait(browser.find("#recommendation-form button[type=submit]"));
        assertThat(browser.find("#notice").getText()).contains("RB-1a2b3c4d");
        check("4-rekomendasi");

        browser.js("""
                var f = document.createElement('form');
                f.method = 'post';
                f.action = '/kpps/kiriman/buatan-sendiri/konfirmasi';
                f.appendChild(document.querySelector('input[name=_csrf]').cloneNode());
                var v = document.createElement('input');
                v.type = 'hidden'; v.name = 'votes.candidate.1'; v.value = '999';
                f.appendChild(v);
                var b = document.createElement('button');
                b.type = 'submit'; b.id = 'buatan'; b.textContent = 'Kirim';
                f.appendChild(b);
                document.body.appendChild(f);
                """);
        browser.clickAndWait(browser.find("#buatan"));
        assertThat(browser.find("h1").getText()).isEqualTo("Akses ditolak");
        assertThat(browser.find("#refusal").getText()).contains("Bawaslu mengawasi dan tidak dapat mengubah");
        assertThat(((Number) browser.js("return performance.getEntriesByType('navigation')[0].responseStatus;"))
                .intValue()).isEqualTo(403);
        assertThat(recap.calls("POST /api/recap/tps")).isEmpty();
        check("5-tolak-ubah");
    }

    /** A decodable JPEG (a page with lines) carrying an EXIF block with camera make, model and a GPS pointer. */
    static byte[] originalPhoto() throws Exception {
        BufferedImage image = new BufferedImage(480, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 480, 640);
        g.setColor(Color.DARK_GRAY);
        g.drawString("C.HASIL-PPWP  TPS " + TPS, 40, 60);
        for (int y = 100; y < 600; y += 40) {
            g.drawLine(40, y, 440, y);
        }
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        byte[] plain = jpeg.toByteArray();
        byte[] exif = BawasluPagesTest.jpegWithExif("KameraUji", "Ponsel-9");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(exif, 0, exif.length - 2);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    static void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> condition.getAsBoolean());
    }

    private static FakeKeycloak keycloak() {
        try {
            return new FakeKeycloak();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
