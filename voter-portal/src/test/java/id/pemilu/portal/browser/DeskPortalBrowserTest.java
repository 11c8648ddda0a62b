package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.portal.kpps.FakeServices;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Desk Pilkada pages in a real Chromium with the portal alone (no suite needed): desk-pilkada and Keycloak are
 * stand-ins. A reporter's TPS list, the form with its live checks, a send with the network cut (kept in the phone,
 * sent once when the signal returns), a double report refused with who and when; the desk's flagged report corrected;
 * the public comparison. The same against the real suite is {@link DeskBrowserTest}. Screenshots desk-alone-*.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeskPortalBrowserTest {

    static final String DESA = "31.71.01.1001";
    static final String TPS = DESA + ".002";
    static final String OTHER = DESA + ".003";
    static final String C = "PILKADA_GUBERNUR";
    static final FakeServices desk = new FakeServices();
    static final FakeKeycloak keycloak = keycloak();
    static Browser browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("pemilu.portal.desk.url", desk::url);
        registry.add("pemilu.portal.sign-in.issuer", keycloak::issuer);
        registry.add("pemilu.portal.sign-in.jwks-uri", () -> keycloak.issuer() + "/protocol/openid-connect/certs");
    }


    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        desk.close();
        keycloak.close();
    }

    static String form(String tps, String report, boolean mayReport, boolean mayCorrect) {
        return """
                {"label":"x","tpsCode":"%s","desaCode":"31.71.01.1001","desaName":"Gambir",
                 "contest":"PILKADA_GUBERNUR","pairs":3,"dpt":250,"ballots":255,"maxVoters":600,"reservePercent":2,
                 "mayReport":%s,"mayCorrect":%s,"report":%s}""".formatted(tps, mayReport, mayCorrect, report);
    }

    static String report(String tps, String status, int first, String by, String history) {
        return """
                {"tpsCode":"%s","contest":"PILKADA_GUBERNUR","status":"%s","counted":%s,
                 "numbers":{"candidates":[%d,60,40],"valid":205,"invalid":3,"total":208},
                 "flags":%s,"reportedBy":"%s","reportedAt":"2029-11-27T02:10:00Z","updatedAt":"2029-11-27T02:40:00Z",
                 "version":1,"corrections":0,"history":%s}""".formatted(tps, status, status.equals("reported"), first,
                status.equals("flagged") ? "[{\"code\":\"VOTES_SUM\",\"message\":\"Jumlah suara pasangan calon (1005) "
                        + "tidak sama dengan suara sah (205)\"}]" : "[]", by, history);
    }

    @Test
    void aReporterAndADeskOnAPhone() throws Exception {
        keycloak.username = "pelapor.gambir.1";
        keycloak.role = "desk-pelapor";
        keycloak.regionCode = DESA;
        desk.json("GET /api/desk/progress?region=" + DESA + "&contest=" + C + "&limit=100", 200, """
                {"region":{"code":"31.71.01.1001","name":"Gambir","level":"DESA"},"generatedAt":"2029-11-27T03:00:00Z",
                 "tally":{"tpsTotal":3,"reported":1,"counted":1,"flagged":0,"notReported":2,"percentReported":33.33,
                   "lastReportAt":"2029-11-27T02:10:00Z"},
                 "rows":[{"region":{},"tally":{},"tps":{"tpsCode":"31.71.01.1001.001","status":"reported",
                   "reportedBy":"pelapor.gambir.1","updatedAt":"2029-11-27T02:10:00Z","corrections":0}},
                  {"region":{},"tally":{},"tps":{"tpsCode":"31.71.01.1001.002","status":"belum_masuk","corrections":0}},
                  {"region":{},"tally":{},"tps":{"tpsCode":"31.71.01.1001.003","status":"belum_masuk","corrections":0}}],
                 "notReportedTps":[],"latestReports":[],"flaggedReports":[],"races":1,"pairs":3}""");
        desk.json("GET /api/desk/form/" + TPS + "/" + C, 200, form(TPS, "null", true, true));
        browser = Browser.start(Browser.Size.PHONE, "http://127.0.0.1:" + port);
        browser.open("/desk");
        waitFor(() -> !browser.findAll("#tps-list").isEmpty());
        assertThat(browser.find("#unofficial").getText()).contains("BUKAN DATA RESMI");
        browser.check("desk-alone", "1-daftar-tps");

        browser.clickAndWait(browser.find("#tps-002 a.button"));
        type("p1", "100");
        type("p2", "50");
        type("p3", "30");
        type("valid", "170");
        type("invalid", "2");
        type("total", "172");
        assertThat(browser.find("#check-list").getText()).contains("Suara sah 170 ≠ 100 + 50 + 30");
        browser.check("desk-alone", "2-periksa-gagal");
        type("valid", "180");
        type("total", "182");
        assertThat(browser.find("#checks-ok").isDisplayed()).isTrue();

        // no signal: the report waits in the phone, then is sent once
        desk.json("POST /api/desk/reports/" + TPS + "/" + C, 201, "{\"status\":\"reported\",\"replay\":false}");
        browser.driver().setNetworkConditions(offline());
        browser.find("#desk-report button[type=submit]").click();
        waitFor(() -> browser.find("#outbox-status").isDisplayed());
        assertThat(browser.find("#outbox-status").getText()).contains("Tidak ada sinyal");
        browser.screenshot("desk-alone", "3-tanpa-sinyal");
        assertThat(desk.calls("POST /api/desk/reports/")).isEmpty();
        desk.json("GET /api/desk/form/" + TPS + "/" + C, 200, form(TPS, report(TPS, "reported", 100,
                "pelapor.gambir.1", "[{\"kind\":\"laporan\",\"by\":\"pelapor.gambir.1\",\"at\":\"2029-11-27T02:10:00Z\","
                        + "\"status\":\"reported\",\"numbers\":{\"candidates\":[100,50,30],\"valid\":180,\"invalid\":2,"
                        + "\"total\":182}}]"), false, true));
        browser.driver().deleteNetworkConditions();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("terkirim="));
        assertThat(browser.find("#sent").getText()).contains("terkirim");
        browser.check("desk-alone", "4-terkirim");
        Thread.sleep(6000);
        assertThat(desk.calls("POST /api/desk/reports/")).hasSize(1);
        assertThat(desk.calls("POST /api/desk/reports/").get(0).idempotencyKey()).matches("[0-9a-f-]{36}");

        // a TPS someone else reported meanwhile
        desk.json("GET /api/desk/form/" + OTHER + "/" + C, 200, form(OTHER, "null", true, true));
        browser.open("/desk/tps/" + OTHER + "/" + C);
        type("p1", "10");
        type("p2", "20");
        type("p3", "30");
        type("valid", "60");
        type("invalid", "1");
        type("total", "61");
        desk.json("POST /api/desk/reports/" + OTHER + "/" + C, 409, """
                {"status":409,"title":"Sudah dilaporkan","detail":"x","tpsCode":"31.71.01.1001.003",
                 "reportedBy":"pelapor.gambir.2","reportedAt":"2029-11-27T02:15:00Z","reportStatus":"reported"}""");
        desk.json("GET /api/desk/form/" + OTHER + "/" + C, 200, form(OTHER, report(OTHER, "reported", 61,
                "pelapor.gambir.2", "[]"), false, true));
        browser.find("#desk-report button[type=submit]").click();
        waitFor(() -> !browser.findAll("#double-report").isEmpty());
        assertThat(browser.find("#double-report").getText()).contains("pelapor.gambir.2")
                .contains("27 November 2029, 09.15 WIB");
        browser.check("desk-alone", "5-ditolak-ganda");

        // the desk of Jakarta Pusat corrects a flagged report
        // a new session (signing out lands on the results page, which needs recap-service: not here)
        browser.driver().manage().deleteAllCookies();
        keycloak.username = "desk.jakpus";
        keycloak.role = "desk-pilkada";
        keycloak.regionCode = "31.71";
        desk.json("GET /api/desk/progress?region=31.71&contest=" + C + "&limit=200", 200, """
                {"region":{"code":"31.71","name":"Kota Administrasi Jakarta Pusat","level":"KABKOTA"},
                 "generatedAt":"2029-11-27T03:00:00Z",
                 "tally":{"tpsTotal":60,"reported":21,"counted":20,"flagged":1,"notReported":39,"percentReported":35.0,
                   "lastReportAt":"2029-11-27T02:40:00Z","totals":[{"key":"votes.candidate.1","value":2105},
                   {"key":"votes.candidate.2","value":1399},{"key":"votes.candidate.3","value":801},
                   {"key":"votes.valid","value":4305},{"key":"votes.invalid","value":61},{"key":"votes.total","value":4366}]},
                 "rows":[{"region":{"code":"31.71.01","name":"Gambir","level":"KECAMATAN"},
                   "tally":{"tpsTotal":60,"reported":21,"flagged":1,"percentReported":35.0,
                   "lastReportAt":"2029-11-27T02:40:00Z"}}],
                 "notReportedTps":["31.71.01.1001.004","31.71.01.1001.005","31.71.01.1002.001"],"notReportedTruncated":true,
                 "latestReports":[],"flaggedReports":[{"tpsCode":"31.71.01.1001.003","status":"flagged",
                   "reportedBy":"pelapor.gambir.2","updatedAt":"2029-11-27T02:40:00Z","corrections":0}],
                 "races":1,"pairs":3}""");
        browser.open("/desk");
        waitFor(() -> !browser.findAll("#flagged").isEmpty());
        assertThat(browser.find("#totals").getText()).contains("2.105");
        browser.check("desk-alone", "6-desk-kabkota");
        desk.json("GET /api/desk/form/" + OTHER + "/" + C, 200, form(OTHER, report(OTHER, "flagged", 1005,
                "pelapor.gambir.2", "[{\"kind\":\"laporan\",\"by\":\"pelapor.gambir.2\",\"at\":\"2029-11-27T02:40:00Z\","
                        + "\"status\":\"flagged\",\"reason\":\"tertulis begitu\",\"numbers\":{\"candidates\":[1005,60,40],"
                        + "\"valid\":205,\"invalid\":3,\"total\":208}}]"), false, true));
        browser.clickAndWait(browser.find("#flagged a.button"));
        assertThat(browser.find("#desk-correction details").getAttribute("open")).isNotNull();
        type("p1", "105");
        type("reason", "Salah salin paslon 1, dicek dengan foto formulir");
        browser.check("desk-alone", "7-koreksi");
        desk.json("POST /api/desk/reports/" + OTHER + "/" + C + "/corrections", 200, "{\"status\":\"reported\"}");
        browser.find("#desk-correction button[type=submit]").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(d -> d.getCurrentUrl().contains("terkirim=koreksi"));
        assertThat(desk.calls("POST /api/desk/reports/" + OTHER + "/" + C + "/corrections").get(0).text())
                .contains("\"candidates\":[105,60,40]").contains("Salah salin paslon 1");

        // the desk looks at the reporter's photo of the form beside the numbers, turns and zooms it
        String sha = "c0".repeat(32);
        desk.bytes("GET /api/desk/photos/" + sha, "image/jpeg", formPhoto());
        desk.json("GET /api/desk/form/" + OTHER + "/" + C, 200, form(OTHER, report(OTHER, "reported", 105,
                "pelapor.gambir.2", "[]").replace("\"history\":", "\"photos\":[{\"sha256\":\"" + sha
                + "\",\"contentType\":\"image/jpeg\",\"size\":48000,\"by\":\"pelapor.gambir.2\","
                + "\"at\":\"2029-11-27T02:12:00Z\"}],\"history\":"), false, true));
        browser.open("/desk/tps/" + OTHER + "/" + C);
        var img = browser.find("#foto .photo-frame img");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                Boolean.TRUE.equals(browser.js("return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
        assertThat(browser.find("#report-numbers").getText()).contains("Paslon 1").contains("105");
        browser.find("#foto a[data-photo-action=rotate]").click();
        browser.find("#foto a[data-photo-action=zoom-in]").click();
        assertThat(browser.find("#foto .photo-frame img").getAttribute("class")).contains("rot-90").contains("zoom-2");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("putar="); // turned in place by photo-tools.js
        browser.check("desk-alone", "7b-foto-laporan", Browser.Size.PHONE, Browser.Size.LAPTOP);

        // the public comparison
        desk.json("GET /api/desk/public/comparison?region=" + DESA + "&contest=" + C, 200, """
                {"region":{"code":"31.71.01.1001","name":"Gambir","level":"DESA"},"generatedAt":"2029-11-27T03:00:00Z",
                 "desk":{"tpsTotal":6,"reported":3,"counted":2,"flagged":1,"percentReported":50.0,
                   "lastReportAt":"2029-11-27T02:10:00Z"},
                 "kpu":{"label":"Hasil hitung KPU (Sirekap) — hanya hasil yang dihitung","available":true,
                   "countedTps":1,"flaggedTps":0,"updatedAt":"2029-11-27T02:50:00Z"},
                 "pairs":[{"key":"votes.candidate.1","desk":250,"kpu":88,"difference":162},
                          {"key":"votes.candidate.2","desk":190,"kpu":70,"difference":120},
                          {"key":"votes.candidate.3","desk":90,"kpu":41,"difference":49},
                          {"key":"votes.valid","desk":530,"kpu":199,"difference":331}],
                 "sameTps":{"tps":1,"pairs":[{"key":"votes.candidate.1","desk":88,"kpu":88,"difference":0},
                   {"key":"votes.candidate.2","desk":82,"kpu":70,"difference":12}]},
                 "perTps":[{"tpsCode":"31.71.01.1001.001","largestDifference":12,"large":true,
                   "pairs":[{"key":"votes.candidate.1","difference":0},{"key":"votes.candidate.2","difference":12},
                   {"key":"votes.candidate.3","difference":0}]}]}""");
        browser.open("/hasil/data-cepat?wilayah=" + DESA + "&pilkada=" + C);
        assertThat(browser.find("#pairs").getText()).contains("+162");
        browser.check("desk-alone", "8-publik");
    }

    /** A phone photo of a Pilkada count form (drawn): title, the pairs' rows with boxes. */
    static byte[] formPhoto() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(600, 840, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 600, 840);
        g.setColor(java.awt.Color.BLACK);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 22));
        g.drawString("HASIL PENGHITUNGAN SUARA PILKADA (foto contoh uji)", 20, 50);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 20));
        String[][] rows = {{"Paslon 1", "105"}, {"Paslon 2", "60"}, {"Paslon 3", "40"}, {"Suara sah", "205"},
                {"Tidak sah", "3"}, {"Jumlah", "208"}};
        for (int i = 0; i < rows.length; i++) {
            int y = 120 + i * 80;
            g.drawString(rows[i][0], 40, y + 30);
            g.drawRect(300, y, 200, 45);
            g.drawString(rows[i][1], 320, y + 30);
        }
        g.dispose();
        var jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", jpeg);
        return jpeg.toByteArray();
    }

    private static void type(String key, String text) {
        var input = browser.find(key.equals("reason") ? "#reason" : "#f-" + key);
        input.clear();
        input.sendKeys(text);
    }

    private static void waitFor(BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> condition.getAsBoolean());
    }

    private static ChromiumNetworkConditions offline() {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        return conditions;
    }

    private static FakeKeycloak keycloak() {
        try {
            return new FakeKeycloak();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
