package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.portal.kpps.FakeServices;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The KPPS pages in a real Chromium with the portal alone (no suite needed): recap-service and Keycloak are stand-ins
 * (the sign-in returns at once), so the pages, their JavaScript (upload, live checks, offline outbox) and their look
 * are tested on every machine with Chromium. The same journey against the real suite is {@link KppsBrowserTest}.
 * Screenshots: target/screenshots/kpps-alone-*.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KppsPortalBrowserTest {

    static final String TPS_A = "31.71.01.1001.004";
    static final String TPS_B = "31.71.01.1001.005";
    static final String SUBMISSION = "0b6f0c1e-4a53-3f3f-9d7e-3f1d2f6f8a10";
    static final FakeServices recap = new FakeServices();
    static final FakeKeycloak keycloak = keycloak();
    /** The form as written: candidate 1 has 104 votes; the reader read 103 and doubts it. */
    static final Map<String, Integer> FORM = form();
    static final Map<String, int[]> BOXES = new LinkedHashMap<>();
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
        Path photo = Path.of("target", "kpps-alone-c1.jpg");
        Files.createDirectories(photo.getParent());
        ImageIO.write(photo(), "jpg", photo.toFile());
        recap.bytes("GET /api/recap/submissions/" + SUBMISSION + "/photos/1", "image/jpeg", Files.readAllBytes(photo));
        recap.json("GET /api/recap/public/tps/" + TPS_A, 200, """
                {"tpsCode":"31.71.01.1001.004","path":[{"code":"31","name":"DKI JAKARTA"},
                 {"code":"31.71","name":"KOTA ADM. JAKARTA PUSAT"},{"code":"31.71.01","name":"GAMBIR"},
                 {"code":"31.71.01.1001","name":"GAMBIR"}],"dptMen":100,"dptWomen":110,"dpt":210,"ballots":[]}""");
        for (String type : List.of("PPWP", "DPR", "DPD", "DPRD_PROVINSI", "DPRD_KABKOTA", "PILKADA_GUBERNUR",
                "PILKADA_BUPATI")) {
            recap.json("GET /api/recap/tps/" + TPS_A + "/ballots/" + type, 404, "{\"status\":404}");
        }
        recap.json("POST /api/recap/tps/" + TPS_A + "/ballots/PPWP/photos?page=1", 201,
                "{\"submissionId\":\"" + SUBMISSION + "\",\"page\":1,\"status\":\"draft\"}");
        recap.json("POST /api/recap/tps/" + TPS_A + "/ballots/PPWP/confirm", 200, "{\"status\":\"submitted\"}");
    }

    /** The base URL the other browser tests of this JVM use (the suite's gateway): restored after this test. */

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        recap.close();
        keycloak.close();
    }

    @Test
    void theKppsJourneyOnAPhoneWithTheSignalCutBeforeConfirming() throws Exception {
        browser = Browser.start(Browser.Size.PHONE, "http://127.0.0.1:" + port);
        browser.open("/kpps");
        waitFor(() -> browser.driver().getCurrentUrl().matches(".*/kpps(\\?.*)?$"));
        assertThat(browser.find("#signed-in-as").getText()).contains("kpps.gambir.4").contains("Petugas KPPS")
                .contains("TPS " + TPS_A);
        browser.check("kpps-alone", "1-beranda");
        // a TPS in DKI Jakarta: no DPRD kab/kota and no wali kota race; the gubernur race of the configured Pilkada
        assertThat(browser.findAll("ul.ballots a.button")).extracting(e -> e.getAttribute("href"))
                .map(h -> h.substring(h.lastIndexOf('/') + 1))
                .containsExactly("PPWP", "DPR", "DPD", "DPRD_PROVINSI", "PILKADA_GUBERNUR");
        assertThat(browser.find("#not-here").getText()).contains("DPRD Kabupaten/Kota").contains("Bupati/Wali Kota");

        browser.clickAndWait(browser.find("a[href='/kpps/tps/" + TPS_A + "/PPWP']"));
        browser.check("kpps-alone", "2-unggah");
        recap.json("GET /api/recap/submissions/" + SUBMISSION, 200, submission("\"readings\":[],\"flags\":[],", false));
        browser.find("#photo").sendKeys(Path.of("target", "kpps-alone-c1.jpg").toAbsolutePath().toString());
        browser.find("#upload button[type=submit]").click();
        waitFor(() -> !browser.findAll("#reading").isEmpty());
        assertThat(browser.text()).contains("sedang dibaca…");
        browser.check("kpps-alone", "3-sedang-dibaca");
        assertThat(recap.calls("POST /api/recap/tps/").get(0).idempotencyKey()).matches("[0-9a-f-]{36}");

        // the reading arrives: the page reloads itself into the draft
        recap.json("GET /api/recap/submissions/" + SUBMISSION, 200, submission("""
                "readings":[{"page":1,"sha256":"abc","outcome":"READ","reason":"periksa 1 angka yang ditandai"}],
                "flags":[],""", true));
        waitFor(() -> !browser.findAll("#confirm").isEmpty());
        List<WebElement> doubtful = browser.findAll(".field.review");
        assertThat(doubtful).hasSize(1);
        WebElement crop = doubtful.get(0).findElement(By.cssSelector("img.crop"));
        waitFor(() -> ((Number) browser.js("return arguments[0].naturalWidth;", crop)).intValue() > 0);
        assertThat(browser.find("#check-list").getText()).contains("jumlah suara sah 206 ≠ 103 + 0 + 102");
        // the sums' suggestion beside the doubtful field, tied to its input for screen readers; the value stays as read
        WebElement suggestion = browser.find("#saran-votes\\.candidate\\.1");
        assertThat(suggestion.getText()).contains("Saran dari penjumlahan: 104").contains("hanya saran");
        assertThat(browser.find("input[data-key='votes.candidate.1']").getAttribute("aria-describedby"))
                .isEqualTo("saran-votes.candidate.1");
        assertThat(browser.find("input[data-key='votes.candidate.1']").getAttribute("value")).isEqualTo("103");
        assertThat(browser.findAll(".suggest")).hasSize(1);
        browser.check("kpps-alone", "4-draf");

        WebElement candidate1 = browser.find("input[data-key='votes.candidate.1']");
        candidate1.clear();
        candidate1.sendKeys("104");
        assertThat(browser.find("#checks-ok").isDisplayed()).isTrue();
        browser.check("kpps-alone", "5-diketik-ulang");

        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver().setNetworkConditions(offline);
        browser.find("#confirm button[type=submit]").click();
        waitFor(() -> browser.find("#outbox-status").isDisplayed());
        assertThat(browser.find("#outbox-status").getText()).contains("Tidak ada sinyal");
        browser.screenshot("kpps-alone", "6-menunggu-sinyal");
        Thread.sleep(3000);
        assertThat(recap.calls("POST /api/recap/tps/" + TPS_A + "/ballots/PPWP/confirm")).isEmpty();

        recap.json("GET /api/recap/tps/" + TPS_A + "/ballots/PPWP", 200, """
                {"tpsCode":"31.71.01.1001.004","ballotType":"PPWP","status":"submitted","resultVersion":1,
                 "values":[{"key":"votes.candidate.1","value":104},{"key":"votes.valid","value":206}],"flags":[],
                 "history":[{"resultVersion":1,"status":"SUBMITTED","by":"kpps.gambir.4","role":"kpps",
                   "at":"2029-02-14T10:00:00Z","reason":null}]}""");
        browser.driver().deleteNetworkConditions();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith("/kpps/tps/" + TPS_A + "/PPWP/hasil"));
        browser.check("kpps-alone", "7-hasil");
        Thread.sleep(6000);
        List<FakeServices.Call> confirms = recap.calls("POST /api/recap/tps/" + TPS_A + "/ballots/PPWP/confirm");
        assertThat(confirms).as("sent once, when the signal returned").hasSize(1);
        assertThat(confirms.get(0).text()).contains("{\"key\":\"votes.candidate.1\",\"value\":104}");
        assertThat(confirms.get(0).idempotencyKey()).matches("[0-9a-f-]{36}");

        browser.open("/kpps/tps/" + TPS_B + "/PPWP");
        assertThat(browser.find("#refusal").getText()).contains("Halaman ini untuk petugas KPPS TPS " + TPS_B);
        browser.check("kpps-alone", "8-tolak-tps-lain");

        recap.json("GET /api/recap/submissions/" + SUBMISSION, 200, submission("""
                "readings":[{"page":1,"sha256":"abc","outcome":"UNREADABLE",
                  "reason":"formulir salah: kode QR menunjukkan TPS 31.71.01.1001.009, bukan TPS 31.71.01.1001.004"}],
                "flags":[{"code":"QR_TPS_MISMATCH","message":"Kode QR pada formulir (31.71.01.1001.009) bukan TPS ini"}],""",
                false));
        browser.open("/kpps/kiriman/" + SUBMISSION);
        assertThat(browser.text()).contains("Foto formulir TPS lain");
        browser.check("kpps-alone", "9-foto-tps-lain");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited in vain on " + browser.driver().getCurrentUrl() + ": " + browser.text(), e);
        }
    }

    private static FakeKeycloak keycloak() {
        try {
            return new FakeKeycloak();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Integer> form() {
        Map<String, Integer> v = new LinkedHashMap<>();
        row(v, "dpt", 100, 110);
        row(v, "dptb", 2, 1);
        row(v, "dpk", 0, 0);
        row(v, "all", 102, 111);
        row(v, "voted.dpt", 100, 106);
        row(v, "voted.dptb", 2, 1);
        row(v, "voted.dpk", 0, 0);
        row(v, "voted.all", 102, 107);
        v.put("ballots.received", 215);
        v.put("ballots.used", 209);
        v.put("ballots.unused", 4);
        v.put("ballots.damaged", 2);
        v.put("votes.candidate.1", 104);
        v.put("votes.candidate.2", 0);
        v.put("votes.candidate.3", 102);
        v.put("votes.valid", 206);
        v.put("votes.invalid", 3);
        v.put("votes.total", 209);
        return v;
    }

    private static void row(Map<String, Integer> v, String row, int men, int women) {
        v.put(row + ".men", men);
        v.put(row + ".women", women);
        v.put(row + ".total", men + women);
    }

    /** A drawn C.Hasil page: one row of three digit boxes per field, with the numbers written in blue. */
    private static BufferedImage photo() {
        BufferedImage image = new BufferedImage(900, 60 + 34 * FORM.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(250, 250, 245));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString("MODEL C.HASIL-PPWP  TPS " + TPS_A, 40, 38);
        int i = 0;
        for (Map.Entry<String, Integer> field : FORM.entrySet()) {
            int y = 56 + 34 * i++;
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
            g.drawString(field.getKey(), 40, y + 21);
            String digits = String.format("%3s", field.getValue());
            g.setStroke(new BasicStroke(1.5f));
            for (int d = 0; d < 3; d++) {
                g.setColor(Color.GRAY);
                g.drawRect(600 + 34 * d, y, 30, 30);
                g.setColor(new Color(20, 40, 160));
                g.setFont(new Font(Font.SERIF, Font.ITALIC, 24));
                g.drawString(digits.substring(d, d + 1), 607 + 34 * d, y + 24);
            }
            BOXES.put(field.getKey(), new int[] {600, y, 100, 31});
        }
        g.dispose();
        return image;
    }

    private static String submission(String readingsAndFlags, boolean withDraft) {
        StringBuilder draft = new StringBuilder("[");
        if (withDraft) {
            for (Map.Entry<String, Integer> field : FORM.entrySet()) {
                boolean doubtful = field.getKey().equals("votes.candidate.1");
                int[] box = BOXES.get(field.getKey());
                if (draft.length() > 1) {
                    draft.append(',');
                }
                draft.append("{\"key\":\"").append(field.getKey()).append("\",\"value\":")
                        .append(doubtful ? 103 : field.getValue()).append(",\"confidence\":")
                        .append(doubtful ? 0.41 : 0.99999).append(",\"needsReview\":").append(doubtful)
                        .append(",\"readingsDisagree\":false,\"page\":1,\"box\":{\"x\":").append(box[0])
                        .append(",\"y\":").append(box[1]).append(",\"width\":").append(box[2]).append(",\"height\":")
                        .append(box[3]).append('}')
                        // the reader's suggestion from the sums (a form read as written): shown, never filled in
                        .append(doubtful ? ",\"suggested\":104" : "").append('}');
            }
        }
        draft.append(']');
        return """
                {"submissionId":"%s","tpsCode":"%s","ballotType":"PPWP","status":"draft",
                 "photos":[{"page":1,"sha256":"abc","contentType":"image/jpeg","width":900,"height":%d,"size":1000}],
                 %s "draft":%s}""".formatted(SUBMISSION, TPS_A, 60 + 34 * FORM.size(), readingsAndFlags, draft);
    }
}
