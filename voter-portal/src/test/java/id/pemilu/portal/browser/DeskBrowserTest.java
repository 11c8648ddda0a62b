package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Desk Pilkada in a real Chromium through the gateway and the real Keycloak sign-in page of the running suite. A
 * reporter of kecamatan Gambir (pelapor.gambir.2) picks a TPS, types the quick numbers (a failing sum is shown as they
 * type), sends; sends another TPS with the network cut (it waits in the phone and is sent once when the signal
 * returns); sends a TPS another reporter has just reported (refused: who and when); opens a TPS outside their region
 * (refused); sends a failing report with a reason (flagged). The desk of Jakarta Pusat (desk.jakpus) sees it among the
 * flagged reports and corrects it with a reason; the province desk and the national desk (desk.kemendagri) see their
 * views; a citizen sees the quick numbers marked unofficial beside KPU's count. Each run takes TPS nobody has reported yet (read through the API), so it can run again on the same suite.
 * Every page: phone and laptop, no sideways scrolling, axe-core, screenshots target/screenshots/desk-*.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskBrowserTest {

    static final String KECAMATAN = "31.71.01";
    static final String PASSWORD = "dev-only-pemilu";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Browser browser;
    private static String contest;
    private static String sentTps;
    private static String offlineTps;
    private static String doubleTps;
    private static String flaggedTps;

    @BeforeAll
    static void start() throws Exception {
        pickFreeTps();
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
    void aReporterPicksATpsTypesTheNumbersWithLiveChecksAndSends() {
        signIn("pelapor.gambir.2", "/desk?pilkada=" + contest);
        assertThat(browser.find("#unofficial").getText()).contains("BUKAN DATA RESMI").contains("bukan hasil resmi KPU");
        assertThat(browser.text()).contains("Pelapor Desk Pilkada").contains("wilayah " + KECAMATAN);
        browser.check("desk", "1-beranda-pelapor");

        browser.clickAndWait(browser.find("#region-rows a[href*='wilayah=" + desa(sentTps) + "']"));
        assertThat(browser.find("#tps-list").getText()).contains("TPS " + number(sentTps));
        browser.check("desk", "2-daftar-tps");

        browser.clickAndWait(browser.find("#tps-" + number(sentTps) + " a.button"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/desk/tps/" + sentTps + "/" + contest);
        int ballots = ballots(sentTps);
        int valid = Math.min(ballots - 5, 180);
        type("p1", "100");
        type("p2", "50");
        type("p3", String.valueOf(valid - 150));
        type("valid", String.valueOf(valid - 10)); // a slip: the pairs add up to more
        type("invalid", "2");
        type("total", String.valueOf(valid - 8));
        assertThat(browser.find("#check-list").getText()).contains("Suara sah " + (valid - 10) + " ≠ 100 + 50 + "
                + (valid - 150));
        assertThat(browser.find("#f-valid").getAttribute("aria-invalid")).isEqualTo("true");
        browser.check("desk", "3-periksa-gagal");

        type("valid", String.valueOf(valid));
        type("total", String.valueOf(valid + 2));
        assertThat(browser.find("#checks-ok").isDisplayed()).as(browser.find("#check-list").getText()).isTrue();
        browser.check("desk", "4-periksa-cocok");
        submitAndWaitFor("desk-report", d -> d.getCurrentUrl().contains("terkirim=baru"));
        assertThat(browser.find("#sent").getText()).contains("Laporan terkirim");
        assertThat(browser.find("#report-status").getText()).isEqualTo("masuk");
        assertThat(browser.find("#report-numbers").getText()).contains("100").contains(String.valueOf(valid));
        browser.check("desk", "5-terkirim");
    }

    @Test
    @Order(2)
    void withoutSignalTheReportWaitsInThePhoneAndIsSentOnce() throws Exception {
        browser.open("/desk/tps/" + offlineTps + "/" + contest);
        waitFor(d -> !browser.findAll("#desk-report").isEmpty());
        fillValid(offlineTps, 90, 60);
        browser.driver().setNetworkConditions(offline());
        browser.find("#desk-report button[type=submit]").click();
        waitFor(d -> browser.find("#outbox-status").isDisplayed());
        assertThat(browser.find("#outbox-status").getText()).contains("Tidak ada sinyal").contains("dua kali");
        browser.screenshot("desk", "6-tanpa-sinyal");
        Thread.sleep(2000);
        assertThat(status(offlineTps)).as("nothing sent while offline").isEqualTo("belum_masuk");

        browser.driver().deleteNetworkConditions();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(d -> d.getCurrentUrl().contains("terkirim="));
        assertThat(browser.find("#report-status").getText()).isEqualTo("masuk");
        browser.check("desk", "7-terkirim-setelah-sinyal");
        Thread.sleep(6000);
        JsonNode report = api("pelapor.gambir.2", "/api/desk/reports/" + offlineTps + "/" + contest);
        assertThat(report.path("history").size()).as("sent once").isEqualTo(1);
    }

    @Test
    @Order(3)
    void aTpsAnotherReporterHasJustReportedIsRefusedSayingWhoAndWhen() throws Exception {
        browser.open("/desk/tps/" + doubleTps + "/" + contest);
        waitFor(d -> !browser.findAll("#desk-report").isEmpty());
        fillValid(doubleTps, 70, 40);
        // meanwhile the kelurahan's own reporter sends the same TPS from their phone
        String first = firstReporter(doubleTps);
        HttpResponse<String> sent = post(first, "/api/desk/reports/" + doubleTps + "/" + contest,
                "{\"candidates\":[10,20,30],\"valid\":60,\"invalid\":1,\"total\":61}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

        submitAndWaitFor("desk-report", d -> !browser.findAll("#double-report").isEmpty());
        String refusal = browser.find("#double-report").getText();
        assertThat(refusal).contains("sudah dilaporkan").contains(first).contains("WIB").contains("koreksi dengan alasan");
        assertThat(browser.find("#report-numbers").getText()).contains("60"); // the first report is shown
        browser.check("desk", "8-ditolak-ganda");
        JsonNode report = api(first, "/api/desk/reports/" + doubleTps + "/" + contest);
        assertThat(report.path("history").size()).isEqualTo(1);
        assertThat(report.path("reportedBy").asString()).isEqualTo(first);
    }

    @Test
    @Order(4)
    void aTpsOutsideTheReportersRegionIsRefused() {
        browser.open("/desk/tps/31.71.02.1001.001/" + contest);
        assertThat(browser.find("h1").getText()).isEqualTo("Akses ditolak");
        assertThat(browser.find("#refusal").getText()).contains("Wilayah tugas Anda (" + KECAMATAN + ")")
                .contains("tidak mencakup");
        browser.check("desk", "9-luar-wilayah");
    }

    @Test
    @Order(5)
    void aFailingReportSentWithAReasonIsFlagged() {
        browser.open("/desk/tps/" + flaggedTps + "/" + contest);
        waitFor(d -> !browser.findAll("#desk-report").isEmpty());
        // every generated TPS has at least 204 ballots (DPT >= 200 + 2 %): 198 fits once paslon 1 is corrected
        type("p1", "905");
        type("p2", "50");
        type("p3", "40");
        type("valid", "195");
        type("invalid", "3");
        type("total", "198");
        assertThat(browser.find("#check-list").getText()).contains("Suara sah 195 ≠ 905 + 50 + 40");
        type("reason", "Angka di formulir memang tertulis begitu; foto dikirim ke desk");
        submitAndWaitFor("desk-report", d -> d.getCurrentUrl().contains("terkirim="));
        assertThat(browser.find("#report-status").getText()).isEqualTo("ditandai");
        assertThat(browser.text()).contains("tidak dijumlahkan");
        browser.check("desk", "10-ditandai");
    }

    @Test
    @Order(6)
    void theDeskSeesTheFlaggedReportAndCorrectsItWithAReason() throws Exception {
        signOut();
        signIn("desk.jakpus", "/desk?pilkada=" + contest);
        assertThat(browser.find("h1").getText()).contains("Jakarta Pusat");
        assertThat(browser.find("#flagged").getText()).contains(flaggedTps);
        assertThat(browser.find("#totals").getText()).contains("Paslon 1");
        assertThat(browser.findAll("#export-pdf")).hasSize(1);
        browser.check("desk", "11-desk-kabkota");

        browser.clickAndWait(browser.find("#flagged a[href='/desk/tps/" + flaggedTps + "/" + contest + "']"));
        assertThat(browser.findAll("#desk-correction")).hasSize(1);
        assertThat(browser.find("#desk-correction details").getAttribute("open")).isNotNull();
        browser.check("desk", "12-periksa-ditandai");
        type("p1", "105");
        type("reason", "Salah salin paslon 1 (905 → 105), dicek dengan foto formulir");
        assertThat(browser.find("#checks-ok").isDisplayed()).as(browser.find("#check-list").getText()).isTrue();
        submitAndWaitFor("desk-correction", d -> d.getCurrentUrl().contains("terkirim=koreksi"));
        assertThat(browser.find("#sent").getText()).contains("Koreksi tersimpan");
        assertThat(browser.find("#report-status").getText()).isEqualTo("masuk");
        assertThat(browser.find("#history").getText()).contains("Laporan oleh pelapor.gambir.2")
                .contains("Koreksi oleh desk.jakpus").contains("Salah salin paslon 1");
        browser.check("desk", "13-koreksi");
        browser.open("/desk/pelapor?pilkada=" + contest);
        assertThat(browser.find("#reporters").getText()).contains("pelapor.gambir.2");
        browser.check("desk", "13b-pelapor");
        JsonNode report = api("desk.jakpus", "/api/desk/reports/" + flaggedTps + "/" + contest);
        assertThat(report.path("status").asString()).isEqualTo("reported");
        assertThat(report.path("history").size()).isEqualTo(2);
        assertThat(report.path("numbers").path("candidates").get(0).asInt()).isEqualTo(105);
    }

    @Test
    @Order(7)
    void theProvinceAndTheNationalDeskSeeTheirViews() {
        signOut();
        signIn("desk.dki", "/desk?pilkada=" + contest);
        assertThat(browser.find("h1").getText()).contains("Jakarta");
        browser.check("desk", "14-desk-provinsi");
        signOut();
        signIn("desk.kemendagri", "/desk?pilkada=" + contest);
        assertThat(browser.find("h1").getText()).contains("Indonesia");
        assertThat(browser.text()).contains("Kemendagri").contains("nasional");
        assertThat(browser.find("#region-rows").getText()).contains("Jakarta");
        assertThat(browser.findAll("#desk-report")).isEmpty();
        browser.check("desk", "15-desk-nasional");
    }

    @Test
    @Order(8)
    void thePublicSeesTheQuickNumbersMarkedUnofficialBesideKpusCount() {
        signOut();
        browser.open("/hasil/data-cepat?wilayah=" + KECAMATAN + "&pilkada=" + contest);
        assertThat(browser.find("#unofficial").getText()).contains("BUKAN DATA RESMI").contains("bukan hasil resmi KPU");
        assertThat(browser.find("#kpu-title").getText()).contains("Hasil hitung KPU");
        assertThat(browser.find("#pairs").getText()).contains("Paslon 1").contains("Selisih");
        assertThat(browser.text()).doesNotContain("pelapor.gambir"); // no reporter names in public
        browser.check("desk", "16-publik-perbandingan");
    }

    // --- helpers ---

    /** Four TPS of kecamatan Gambir nobody has reported for one contest; the double report's TPS where another
     *  reporter covers it (kelurahan Gambir or Cideng). */
    private static void pickFreeTps() throws Exception {
        for (String c : List.of("PILKADA_GUBERNUR", "PILKADA_BUPATI")) {
            JsonNode progress = api("pelapor.gambir.2", "/api/desk/progress?region=" + KECAMATAN + "&contest=" + c
                    + "&limit=1000");
            List<String> free = new ArrayList<>();
            progress.path("notReportedTps").forEach(t -> free.add(t.asString()));
            List<String> coveredTwice = free.stream().filter(t -> t.startsWith("31.71.01.1001.")
                    || t.startsWith("31.71.01.1002.")).toList();
            if (free.size() >= 4 && !coveredTwice.isEmpty()) {
                contest = c;
                doubleTps = coveredTwice.get(coveredTwice.size() - 1);
                List<String> rest = new ArrayList<>(free);
                rest.remove(doubleTps);
                sentTps = rest.get(0);
                offlineTps = rest.get(1);
                flaggedTps = rest.get(2);
                return;
            }
        }
        throw new IllegalStateException("No unreported TPS left in kecamatan Gambir for either Pilkada contest: "
                + "start the suite on fresh data (delete .suite/data)");
    }

    private static String firstReporter(String tps) {
        return tps.startsWith("31.71.01.1001.") ? "pelapor.gambir.1" : "pelapor.cideng.1";
    }

    private static String desa(String tps) {
        return tps.substring(0, 13);
    }

    private static String number(String tps) {
        return tps.substring(14);
    }

    private static int ballots(String tps) {
        try {
            return api("pelapor.gambir.2", "/api/desk/form/" + tps + "/" + contest).path("ballots").asInt(250);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fillValid(String tps, int first, int second) {
        int third = 30;
        type("p1", String.valueOf(first));
        type("p2", String.valueOf(second));
        type("p3", String.valueOf(third));
        type("valid", String.valueOf(first + second + third));
        type("invalid", "1");
        type("total", String.valueOf(first + second + third + 1));
        assertThat(browser.find("#checks-ok").isDisplayed()).as(tps + ": " + browser.find("#check-list").getText())
                .isTrue();
    }

    private static String status(String tps) throws Exception {
        JsonNode progress = api("pelapor.gambir.2", "/api/desk/progress?region=" + desa(tps) + "&contest=" + contest);
        for (JsonNode row : progress.path("rows")) {
            if (tps.equals(row.path("tps").path("tpsCode").asString())) {
                return row.path("tps").path("status").asString();
            }
        }
        return "?";
    }

    private static void submitAndWaitFor(String formId, Function<WebDriver, Boolean> condition) {
        browser.find("#" + formId + " button[type=submit]").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(condition::apply);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> "complete".equals(browser.js("return document.readyState;")));
    }

    private static void signIn(String username, String path) {
        browser.open(path);
        waitFor(d -> !browser.findAll("#username").isEmpty());
        type(browser.find("#username"), username);
        type(browser.find("#password"), PASSWORD);
        browser.clickAndWait(browser.find("#kc-login"));
        waitFor(d -> d.getCurrentUrl().contains("/desk"));
    }

    private static void signOut() {
        browser.open("/desk");
        browser.clickAndWait(browser.find(".signed-in button"));
        waitFor(d -> browser.text().contains("Masuk petugas"));
    }

    private static void type(String key, String text) {
        type(browser.find(key.equals("reason") ? "#reason" : "#f-" + key), text);
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private static void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(condition::apply);
    }

    private static ChromiumNetworkConditions offline() {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        return conditions;
    }

    // --- the API, past the browser (its network may be cut), with tokens of the real Keycloak ---

    private static String token(String username) throws Exception {
        String keycloak = Browser.setting("keycloak.url", "KEYCLOAK_URL", "http://127.0.0.1:8180");
        String form = "grant_type=password&client_id=pemilu-cli&username=" + URLEncoder.encode(username,
                StandardCharsets.UTF_8) + "&password=" + PASSWORD;
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/pemilu/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token of " + username + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private static String baseUrl() {
        return Browser.setting("portal.baseUrl", "PORTAL_BASE_URL", "http://127.0.0.1:8080").replaceAll("/$", "");
    }

    private static JsonNode api(String username, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token(username)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> post(String username, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token(username)).header("Content-Type", "application/json")
                .header("Idempotency-Key", "browser-test-" + System.nanoTime())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
