package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.portal.kpps.FakeServices;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reconciliation desk's pages in a real Chromium with the portal alone (stand-ins for recap-service and Keycloak,
 * no suite needed) on a laptop and a tablet: work list, TPS review (photo turned and zoomed in place, live checks of a
 * correction, the portal's refusal, the confirmation), session page with its blockers, and a service 403 as a page.
 * The same journey against the real suite is {@link RekapBrowserTest}. Screenshots: target/screenshots/rekap-alone-*.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RekapPortalBrowserTest {

    static final String KEC = "31.71.01";
    static final String TPS = "31.71.01.1001.001";
    static final String SUB = "0b6f0c1e-4a53-3f3f-9d7e-3f1d2f6f8a10";
    static final Browser.Size[] SIZES = {Browser.Size.LAPTOP, Browser.Size.TABLET};
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

    static String values(int c1, int valid) {
        return """
                [{"key":"dpt.men","value":150},{"key":"dpt.women","value":150},{"key":"dpt.total","value":300},
                 {"key":"voted.all.total","value":240},{"key":"ballots.received","value":306},
                 {"key":"ballots.used","value":240},{"key":"ballots.unused","value":65},{"key":"ballots.damaged","value":1},
                 {"key":"votes.candidate.1","value":%d},{"key":"votes.candidate.2","value":80},
                 {"key":"votes.candidate.3","value":55},{"key":"votes.valid","value":%d},{"key":"votes.invalid","value":5},
                 {"key":"votes.total","value":240}]""".formatted(c1, valid);
    }

    @BeforeAll
    static void answers() throws Exception {
        keycloak.username = "ppk.gambir";
        keycloak.role = "ppk";
        keycloak.regionCode = KEC;
        keycloak.tpsCode = null;
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(600, 840,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 600, 840);
        g.setColor(java.awt.Color.BLACK);
        g.drawString("MODEL C.HASIL - PILKADA (foto contoh uji)", 40, 60);
        for (int y = 120; y < 800; y += 40) {
            g.drawRect(40, y, 520, 30);
        }
        g.dispose();
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", jpeg);
        recap.bytes("GET /api/recap/submissions/" + SUB + "/photos/1", "image/jpeg", jpeg.toByteArray());
        recap.json("GET /api/recap/public/tps/" + TPS, 200, """
                {"tpsCode":"%s","path":[{"code":"31","name":"DKI JAKARTA"},{"code":"31.71.01","name":"GAMBIR"}],
                 "dptMen":150,"dptWomen":150,"dpt":300,"ballots":[]}""".formatted(TPS));
        recap.json("GET /api/recap/tps/" + TPS + "/ballots/PILKADA_BUPATI", 200, """
                {"tpsCode":"%s","ballotType":"PILKADA_BUPATI","status":"flagged","resultVersion":1,"values":%s,
                 "flags":[{"code":"VOTES_SUM","message":"Jumlah suara pasangan calon (325) tidak sama dengan suara sah (235)"}],
                 "source":"photo","submissionId":"%s",
                 "history":[{"resultVersion":1,"status":"FLAGGED","by":"kpps.gambir.1","role":"kpps",
                   "at":"2029-02-14T10:00:00Z","reason":"angka disalin dari formulir apa adanya","values":%s}]}"""
                .formatted(TPS, values(190, 235), SUB, values(190, 235)));
        recap.json("GET /api/recap/submissions/" + SUB, 200, """
                {"submissionId":"%s","tpsCode":"%s","ballotType":"PILKADA_BUPATI","status":"draft",
                 "photos":[{"page":1,"sha256":"abc","width":600,"height":840}],
                 "draft":[{"key":"votes.candidate.1","value":100},{"key":"votes.valid","value":235}]}""".formatted(SUB, TPS));
        recap.json("GET /api/recap/sessions/PILKADA_BUPATI/" + KEC, 404, "{\"status\":404}");
        recap.json("GET /api/recap/worklist/PILKADA_BUPATI/" + KEC, 200, """
                {"regionCode":"31.71.01","regionName":"Gambir","tier":"KECAMATAN","ballotType":"PILKADA_BUPATI",
                 "session":null,"counts":{"rows":3,"tpsTotal":3,"counted":1,"flagged":1,"disputed":0,"readingsDisagree":0,
                   "notReported":1,"decided":0,"openReports":2,"finalized":0},
                 "rows":[{"code":"31.71.01.1001.002","name":"TPS 002","parentName":"Gambir","status":"submitted","flags":[],
                   "tpsTotal":1,"countedTps":1,"openReports":0,"updatedBy":"kpps.gambir.2","updatedAt":"2029-02-14T10:05:00Z"},
                  {"code":"31.71.01.1001.003","name":"TPS 003","parentName":"Gambir","status":"belum_masuk","flags":[],
                   "tpsTotal":1,"notReportedTps":1,"openReports":0},
                  {"code":"%s","name":"TPS 001","parentName":"Gambir","status":"flagged",
                   "flags":[{"code":"VOTES_SUM","message":"x"}],"tpsTotal":1,"flaggedTps":1,"openReports":2,
                   "updatedBy":"kpps.gambir.1","updatedAt":"2029-02-14T10:00:00Z"}]}""".formatted(TPS));
        recap.json("GET /api/recap/sessions/PILKADA_BUPATI/" + KEC + "/readiness", 200, """
                {"regionCode":"31.71.01","ballotType":"PILKADA_BUPATI","status":"preparing","exists":false,
                 "canOpen":false,"openBlockers":["TPS 31.71.01.1001.003: belum ada hasil dan belum ada keputusan",
                 "TPS 31.71.01.1001.001: hasil ditandai (VOTES_SUM) dan belum ada keputusan"],
                 "canFinalize":false,"finalizeBlockers":[]}""");
        recap.json("GET /api/recap/public/dhasil/PILKADA_BUPATI/" + KEC, 404, "{\"status\":404}");
        recap.json("POST /api/recap/tps/" + TPS + "/ballots/PILKADA_BUPATI/review", 200, "{\"status\":\"corrected\"}");
        String reports = """
                [{"tpsCode":"%s","reason":"NUMBERS_DIFFER","label":"Angka berbeda dengan foto C.Hasil","status":"open",
                  "count":2,"reporters":2,"firstAt":"2029-02-14T10:30:00Z","lastAt":"2029-02-14T11:00:00Z",
                  "samples":[{"ballotType":"PILKADA_BUPATI","field":"votes.candidate.1",
                    "text":"di foto paslon 1 dapat 100, di situs 190","at":"2029-02-14T10:30:00Z"}],"closed":[]}]"""
                .formatted(TPS);
        recap.json("GET /api/recap/tps/" + TPS + "/reports", 200, reports);
        recap.json("GET /api/recap/reports?region=" + KEC + "&status=all&limit=500", 200, reports);
        String recommendations = """
                [{"id":"rek-1","target":"%s","targetKind":"TPS","ballotType":"PILKADA_BUPATI","kind":"RECOUNT",
                  "kindLabel":"Penghitungan suara ulang","reason":"saksi paslon 2 melihat salah tulis di C.Hasil",
                  "responsibleRegion":"31.71.01","recordedBy":"bawaslu.jakpus","recordedAt":"2029-02-14T13:00:00Z",
                  "status":"open","answer":null}]""".formatted(TPS);
        recap.json("GET /api/recap/recommendations?region=" + TPS, 200, recommendations);
        recap.json("GET /api/recap/recommendations?region=" + KEC, 200, recommendations);
        recap.json("GET /api/recap/tps/31.71.02.1001.001/ballots/PILKADA_BUPATI", 403,
                "{\"status\":403,\"detail\":\"TPS 31.71.02.1001.001 berada di luar wilayah Anda.\"}");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        recap.close();
        keycloak.close();
    }

    @Test
    void ppkWorksThroughTheDeskOnALaptopAndATablet() {
        browser = Browser.start(Browser.Size.LAPTOP, "http://127.0.0.1:" + port);
        browser.open("/staf");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(d -> !browser.findAll("#signed-in-as").isEmpty());
        assertThat(browser.text()).contains("Meja rekapitulasi kecamatan");
        browser.check("rekap-alone", "1-staf", SIZES);

        browser.open("/rekap/PILKADA_BUPATI/" + KEC);
        assertThat(browser.findAll("#worklist tbody tr").get(0).getAttribute("data-tps")).isEqualTo(TPS);
        browser.check("rekap-alone", "2-daftar-kerja", SIZES);

        // the report count leads to who reported what and its status, and Bawaslu's recommendation
        browser.clickAndWait(browser.find("#to-reports"));
        assertThat(browser.find("#reports").getText()).contains("Angka berbeda dengan foto C.Hasil")
                .contains("2 laporan dari 2 pelapor").contains("di foto paslon 1 dapat 100, di situs 190");
        assertThat(browser.find("#recommendations").getText()).contains("Penghitungan suara ulang")
                .contains("bawaslu.jakpus").contains("belum dijawab");
        browser.check("rekap-alone", "2b-laporan-wilayah", SIZES);
        browser.open("/rekap/PILKADA_BUPATI/" + KEC);

        browser.clickAndWait(browser.find("a[href='/rekap/PILKADA_BUPATI/tps/" + TPS + "']"));
        WebElement img = browser.find(".photo-frame img");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                Boolean.TRUE.equals(browser.js("return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
        assertThat(browser.find("#failing-checks").getText()).contains("Suara semua calon harus sama dengan suara sah");
        browser.check("rekap-alone", "3-tps-ditandai", SIZES);
        assertThat(browser.find("#laporan").getText()).contains("Tutup laporan").contains("Jawab rekomendasi ini");
        browser.find("a[data-photo-action=rotate]").click();
        browser.find("a[data-photo-action=zoom-in]").click();
        assertThat(browser.find(".photo-frame img").getAttribute("class")).contains("rot-90").contains("zoom-2");
        browser.check("rekap-alone", "4-foto-diputar", SIZES);

        WebElement c2 = browser.find("input[data-key='votes.candidate.2']");
        c2.clear();
        c2.sendKeys("87");
        assertThat(browser.find("#check-list").getText()).contains("jumlah suara sah 235 ≠ 190 + 87 + 55");
        browser.find("#correct-reason").sendKeys("Dicocokkan dengan C.Hasil kertas dalam rapat pleno");
        browser.clickAndWait(browser.find("#correct-submit"));
        assertThat(browser.find("#action-error").getText()).contains("Koreksi belum dikirim");
        browser.check("rekap-alone", "5-koreksi-ditolak", SIZES);

        WebElement c1 = browser.find("input[data-key='votes.candidate.1']");
        c1.clear();
        c1.sendKeys("100");
        c2 = browser.find("input[data-key='votes.candidate.2']");
        c2.clear();
        c2.sendKeys("80");
        assertThat(browser.find("#checks-ok").isDisplayed()).isTrue();
        browser.clickAndWait(browser.find("#correct-submit"));
        assertThat(browser.find("#done").getText()).contains("dikoreksi").contains("190 → 100");
        browser.check("rekap-alone", "6-koreksi-tercatat", SIZES);

        browser.open("/rekap/PILKADA_BUPATI/" + KEC + "/sesi");
        assertThat(browser.find("#open-blockers").getText()).contains("31.71.01.1001.003");
        browser.check("rekap-alone", "7-sesi-belum-dapat-dibuka", SIZES);

        browser.open("/rekap/PILKADA_BUPATI/tps/31.71.02.1001.001");
        assertThat(browser.find("#refusal").getText()).contains("di luar wilayah Anda");
        browser.check("rekap-alone", "8-wilayah-lain-403", SIZES);
    }

    private static FakeKeycloak keycloak() {
        try {
            return new FakeKeycloak();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
