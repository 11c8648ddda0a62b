package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reconciliation desk in a real Chromium through the gateway and the real Keycloak sign-in page of the running
 * suite, on a laptop (1280 px) and a tablet (768 px), axe-core clean, screenshots {@code target/screenshots/rekap-*}:
 * the PPK of Gambir (ppk.gambir) reviews a flagged TPS and corrects it (a failing correction refused first, with its
 * checks in words), records a PSU decision, opens the session, records a witness objection, is refused finalizing
 * while it is unanswered, accepts it with a linked correction, records a special event and finalizes the signed
 * D.Hasil (its PDF fetched through the portal); a hand-made request for another kecamatan gets recap-service's 403 as
 * a page; KPU RI (kpu.ri) sees the national work list and the DPR determination with its threshold step, quotient
 * table and elected candidates.
 *
 * <p>Data. The PPK journey creates what it needs itself, on the ballot {@value #TYPE} of kecamatan Gambir that no
 * demo step uses: KPPS results for every TPS (DEV ONLY KPPS users {@code kpps.uji.<tps>} made through Keycloak's
 * admin API where the realm has none, like demo/rekap.sh), TPS {@value #FLAGGED} confirmed with a synthetic C.Hasil
 * photo (ocr-c1-reader's {@code synth}, when its jar is built; otherwise typed) and one number miscopied, so that it is
 * flagged; on a later run the finalized session is reopened by KPU Jakarta Pusat and the corrected TPS disputed again,
 * so the journey runs again on the same suite. It never verifies TPS .003 (the gateway's end-to-end test confirms
 * that TPS's {@value #TYPE} on every run). The KPU RI journey reads the DPR determination of the demo
 * (demo/determination.sh): {@code ./suite test} runs the demo first when the suite has no demo data; when nothing is
 * published yet the page shows the calculation and KPU RI publishes it.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RekapBrowserTest {

    static final String TYPE = "PILKADA_BUPATI";
    static final String KEC = "31.71.01";
    static final String FLAGGED = "31.71.01.1001.001";
    static final String PASSWORD = "dev-only-pemilu";
    static final String JOURNEY = "rekap";
    static final Browser.Size[] SIZES = {Browser.Size.LAPTOP, Browser.Size.TABLET};
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Path PHOTOS = Path.of("target", "rekap-photos");
    static final Map<String, String> KPPS_USERS = Map.of("31.71.01.1001.001", "kpps.gambir.1",
            "31.71.01.1001.002", "kpps.gambir.2", "31.71.01.1001.003", "kpps.gambir.3",
            "31.71.01.1001.004", "kpps.gambir.4", "31.71.01.1001.005", "kpps.gambir.5");

    static String gateway;
    static String keycloak;
    /** The last TPS of the kecamatan: no result, the PPK records a PSU decision for it. */
    static String psuTps;
    /** The first TPS of the second kelurahan: a witness objects to its numbers. */
    static String objectionTps;
    private static Browser browser;

    @BeforeAll
    static void prepare() throws Exception {
        gateway = Browser.setting("portal.baseUrl", "PORTAL_BASE_URL", "http://127.0.0.1:8080");
        keycloak = Browser.setting("keycloak.url", "KEYCLOAK_URL", "http://127.0.0.1:8180");
        List<String> all = tpsOfKecamatan();
        psuTps = all.get(all.size() - 1);
        objectionTps = all.stream().filter(t -> !t.startsWith(KEC + ".1001.")).findFirst().orElseThrow();
        String ppk = token("ppk.gambir");
        JsonNode session = call("GET", "/api/recap/sessions/" + TYPE + "/" + KEC, ppk, null);
        if ("finalized".equals(session.path("status").asString())) {
            call("POST", "/api/recap/sessions/" + TYPE + "/" + KEC + "/reopen", token("kpu.jakpus"),
                    "{\"reason\":\"Uji peramban: dibuka kembali untuk menjalankan sesi lagi\"}");
        }
        for (JsonNode o : session.path("objections")) { // left open by an interrupted run
            if (!o.path("answer").isObject() && !"finalized".equals(session.path("status").asString())) {
                call("POST", "/api/recap/sessions/" + TYPE + "/" + KEC + "/objections/" + o.path("id").asString()
                        + "/answer", ppk, "{\"decision\":\"rejected\",\"reason\":\"Uji peramban sebelumnya terputus\"}");
            }
        }
        flagTheReviewedTps(ppk);
        fillEveryOtherTps(all);
        browser = Browser.start(Browser.Size.LAPTOP);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void ppkReviewsAFlaggedTpsAndCorrectsIt() {
        signIn("ppk.gambir", "/rekap", "ppk");
        browser.open("/staf");
        assertThat(browser.text()).contains("Meja rekapitulasi kecamatan").contains("PPK");
        browser.check(JOURNEY, "ppk-01-staf", SIZES);

        browser.open("/rekap/" + TYPE + "/" + KEC);
        assertThat(browser.find("h1").getText()).contains("Gambir");
        assertThat(browser.find("#counts").getText()).contains("ditandai").contains("belum masuk");
        WebElement first = browser.findAll("#worklist tbody tr").get(0);
        assertThat(first.findElement(org.openqa.selenium.By.cssSelector(".status")).getAttribute("class"))
                .as("flagged and disputed TPS come first").containsAnyOf("status-flagged", "status-disputed");
        assertThat(browser.findAll("#worklist tr[data-tps='" + FLAGGED + "']")).hasSize(1);
        browser.check(JOURNEY, "ppk-02-daftar-kerja", SIZES);
        browser.clickAndWait(browser.find("a[href='/rekap/" + TYPE + "/" + KEC + "?tampil=belum']"));
        assertThat(browser.find("#worklist").getText()).contains(psuTps);
        browser.check(JOURNEY, "ppk-03-daftar-belum-masuk", SIZES);

        browser.open("/rekap/" + TYPE + "/" + KEC + "?tampil=ditandai");
        browser.clickAndWait(browser.find("a[href='/rekap/" + TYPE + "/tps/" + FLAGGED + "']"));
        assertThat(browser.find("#result-status").getText()).contains("ditandai");
        // first run: the miscopied number fails the sum; later runs: the PPK's dispute
        assertThat(browser.find("#failing-checks").getText()).containsAnyOf(
                "Suara semua calon harus sama dengan suara sah", "Dipersoalkan PPK/KPU");
        assertThat(browser.find("#history").getText()).contains("kpps.gambir.1").contains("(KPPS)");
        boolean photo = !browser.findAll(".photo-frame img").isEmpty();
        if (photo) {
            WebElement img = browser.find(".photo-frame img");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> Boolean.TRUE.equals(browser.js("return arguments[0].complete && arguments[0].naturalWidth > 0", img)));
            assertThat(browser.find("#reading-summary").getText()).contains("isian berbeda dari");
        }
        browser.check(JOURNEY, "ppk-04-tps-ditandai", SIZES);
        if (photo) {
            // turn and zoom: the links work without a script; the script does it in place
            browser.find("a[data-photo-action=rotate]").click();
            browser.find("a[data-photo-action=zoom-in]").click();
            assertThat(browser.find(".photo-frame img").getAttribute("class")).contains("rot-90").contains("zoom-2");
            browser.screenshot(JOURNEY, "ppk-05-foto-diputar-diperbesar");
        }

        // a correction that does not add up: the checks say so while typing, and the portal refuses it
        Map<String, Integer> now = inputs();
        int c1 = now.get("votes.candidate.1");
        int c2 = now.get("votes.candidate.2");
        int c3 = now.get("votes.candidate.3");
        int valid = now.get("votes.valid");
        type("input[data-key='votes.candidate.2']", String.valueOf(c2 + 7));
        assertThat(browser.find("#check-list").getText()).contains("jumlah suara sah " + valid + " ≠");
        type("#correct-reason", "Dicocokkan dengan C.Hasil kertas dalam rapat pleno PPK");
        browser.screenshot(JOURNEY, "ppk-06-koreksi-cek-langsung");
        browser.clickAndWait(browser.find("#correct-submit"));
        assertThat(browser.find("#action-error").getText()).contains("Koreksi belum dikirim")
                .contains("lolos semua pemeriksaan");
        browser.check(JOURNEY, "ppk-07-koreksi-ditolak", SIZES);

        // the right numbers, sent from the keyboard (Tab to the button, Enter)
        int fixedC1 = c1 + c2 + c3 == valid ? c1 - 1 : valid - c2 - c3;
        int fixedC2 = c1 + c2 + c3 == valid ? c2 + 1 : c2;
        type("input[data-key='votes.candidate.1']", String.valueOf(fixedC1));
        type("input[data-key='votes.candidate.2']", String.valueOf(fixedC2));
        assertThat(browser.find("#checks-ok").isDisplayed()).as("every sum adds up").isTrue();
        WebElement reason = browser.find("#correct-reason");
        reason.clear();
        reason.sendKeys("Dicocokkan dengan C.Hasil kertas dalam rapat pleno PPK");
        WebElement html = browser.find("html");
        reason.sendKeys(Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("correct-submit");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> Browser.gone(html));
        assertThat(browser.find("#done").getText()).contains("dikoreksi").contains("nomor urut 1");
        assertThat(browser.find("#result-status").getText()).contains("dikoreksi");
        assertThat(browser.find("#history").getText()).contains("ppk.gambir").contains("(PPK)")
                .contains("Dicocokkan dengan C.Hasil kertas");
        browser.check(JOURNEY, "ppk-08-koreksi-tercatat", SIZES);
    }

    @Test
    @Order(2)
    void ppkRunsTheSessionWithAnObjectionAndFinalizesTheDHasil() throws Exception {
        browser.open("/rekap/" + TYPE + "/" + KEC + "/sesi");
        assertThat(browser.find("h1").getText()).contains("Sesi rekapitulasi Kecamatan Gambir");
        if (!browser.findAll("#decision-form").isEmpty()
                && browser.findAll("#d-tps option[value='" + psuTps + "']").size() == 1) {
            assertThat(browser.find("#open-blockers").getText()).contains(psuTps);
            browser.check(JOURNEY, "ppk-09-sesi-belum-dapat-dibuka", SIZES);
            new org.openqa.selenium.support.ui.Select(browser.find("#d-tps")).selectByValue(psuTps);
            type("#d-reason", "Surat suara tertukar dengan TPS lain; PSU atas rekomendasi Panwaslu Kecamatan");
            browser.clickAndWait(browser.find("#decision-form button"));
            assertThat(browser.find("#done").getText()).contains("Keputusan tercatat").contains(psuTps).contains("PSU");
            browser.check(JOURNEY, "ppk-10-keputusan-psu", SIZES);
        }
        if (!browser.findAll("#open-form").isEmpty()) {
            assertThat(browser.text()).contains("sesi dapat dibuka");
            browser.clickAndWait(browser.find("#open-form button"));
            assertThat(browser.find("#done").getText()).contains("dibuka oleh ppk.gambir");
            browser.check(JOURNEY, "ppk-11-sesi-dibuka", SIZES);
        }

        // a witness's objection, recorded by the PPK
        type("#o-filedBy", "Andi Wijaya (saksi paslon 2)");
        type("#o-represents", "pasangan calon 2");
        new org.openqa.selenium.support.ui.Select(browser.find("#o-target")).selectByValue(objectionTps);
        type("#o-field", "votes.candidate.1");
        type("#o-claim", "Dua suara paslon 2 tercatat untuk paslon 1 menurut salinan C.Hasil saksi");
        browser.clickAndWait(browser.find("#objection-form button"));
        String done = browser.find("#done").getText();
        assertThat(done).contains("Keberatan K-").contains("Andi Wijaya").contains(objectionTps);
        String objection = done.replaceAll("(?s).*Keberatan (K-\\d+).*", "$1");
        browser.check(JOURNEY, "ppk-12-keberatan-tercatat", SIZES);

        // finalizing is refused while it is unanswered, with the list of what is left
        browser.clickAndWait(browser.find("#finalize-form button"));
        assertThat(browser.find("#action-error").getText()).contains("D.Hasil belum dapat ditetapkan")
                .contains("Keberatan " + objection);
        browser.check(JOURNEY, "ppk-13-tetapkan-ditolak", SIZES);

        // accepted with a linked correction: two votes move from candidate 1 to candidate 2
        WebElement v1 = browser.find("#" + objection + "-votes\\.candidate\\.1");
        WebElement v2 = browser.find("#" + objection + "-votes\\.candidate\\.2");
        int a1 = Integer.parseInt(v1.getAttribute("value"));
        int a2 = Integer.parseInt(v2.getAttribute("value"));
        v1.clear();
        v1.sendKeys(String.valueOf(a1 - 2));
        v2.clear();
        v2.sendKeys(String.valueOf(a2 + 2));
        type("#accept-reason-" + objection, "C.Hasil kertas dibuka dalam rapat pleno: keberatan saksi benar");
        browser.clickAndWait(browser.find("#accept-" + objection + " button"));
        assertThat(browser.find("#done").getText()).contains("Keberatan " + objection + " diterima")
                .contains("Koreksi KR-").contains("nomor urut 1 " + a1 + " → " + (a1 - 2));
        assertThat(browser.find("#objection-" + objection).getText()).contains("diterima").contains("koreksi tertaut");
        browser.check(JOURNEY, "ppk-14-keberatan-diterima", SIZES);

        type("#e-description", "Kotak suara TPS " + psuTps.substring(9) + " disegel ulang menunggu PSU");
        new org.openqa.selenium.support.ui.Select(browser.find("#e-target")).selectByValue(psuTps);
        browser.clickAndWait(browser.find("#event-form button"));
        assertThat(browser.find("#done").getText()).contains("Kejadian khusus KK-").contains("disegel ulang");
        assertThat(browser.find("#can-finalize").getText()).contains("Tidak ada yang menghalangi");
        browser.check(JOURNEY, "ppk-15-kejadian-khusus", SIZES);

        browser.clickAndWait(browser.find("#finalize-form button"));
        assertThat(browser.find("#done").getText()).contains("D.Hasil " + KEC + " versi").contains("ditetapkan");
        assertThat(browser.find("#session-status").getText()).contains("D.Hasil ditetapkan");
        assertThat(browser.find("#live").getText()).contains("sama dengan D.Hasil");
        assertThat(browser.findAll("#reopen-form")).as("a PPK cannot reopen its own D.Hasil").isEmpty();
        browser.check(JOURNEY, "ppk-16-dhasil-ditetapkan", SIZES);

        // the PDF through the portal (viewed inline, or downloaded)
        String pdf = browser.find("#dhasil-versions a").getAttribute("href");
        Object head = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.headers.get('content-type') + ' '
                    + String.fromCharCode(...new Uint8Array(b.slice(0, 5))))).catch(e => done('error ' + e)));""", pdf);
        assertThat(String.valueOf(head)).isEqualTo("application/pdf %PDF-");
    }

    @Test
    @Order(3)
    void aHandMadeRequestForAnotherKecamatanGetsTheServicesRefusal() {
        browser.open("/rekap/" + TYPE + "/tps/31.71.02.1001.001");
        assertThat(browser.find("h1").getText()).isEqualTo("Akses ditolak");
        assertThat(browser.find("#refusal").getText()).contains("31.71.02.1001.001").contains("di luar wilayah Anda");
        assertThat(browser.find("#what-to-do").getText()).contains("Buka daftar kerja wilayah Anda sendiri");
        browser.check(JOURNEY, "ppk-17-tps-wilayah-lain-403", SIZES);
        browser.open("/rekap/" + TYPE + "/31.71.02/sesi");
        assertThat(browser.find("#refusal").getText()).contains("31.71.02").contains("di luar wilayah Anda");
        browser.open("/rekap/" + TYPE + "/31.71");
        assertThat(browser.find("#refusal").getText()).contains("31.71").contains("di luar wilayah Anda");
    }

    @Test
    @Order(4)
    void kpuRiSeesTheNationalListAndTheDetermination() {
        browser.close();
        browser = Browser.start(Browser.Size.LAPTOP);
        signIn("kpu.ri", "/staf", "kpu-ri");
        assertThat(browser.text()).contains("Penetapan").contains("Meja rekapitulasi");
        browser.check(JOURNEY, "kpu-ri-01-staf", SIZES);
        browser.open("/rekap/" + TYPE + "/ID");
        assertThat(browser.find("h1").getText()).contains("Nasional");
        assertThat(browser.find("#worklist").getText()).containsIgnoringCase("Jakarta");
        browser.check(JOURNEY, "kpu-ri-02-daftar-nasional", SIZES);

        browser.open("/rekap/penetapan?jenis=DPR");
        if (!browser.findAll("#publish-form").isEmpty()) {
            type("#publish-reason", "Rapat pleno terbuka penetapan hasil (uji peramban)");
            browser.clickAndWait(browser.find("#publish-form button"));
            assertThat(browser.find("#done").getText()).contains("diterbitkan");
        }
        assertThat(browser.find("#published").getText()).contains("Ditetapkan").contains("SHA-256");
        assertThat(browser.find("#threshold").getText()).contains("ambang batas parlemen").contains("lolos");
        assertThat(browser.findAll("table.quotients td.seat")).as("seats marked in the quotient table").isNotEmpty();
        assertThat(browser.findAll("table.elected tbody tr")).as("elected candidates").isNotEmpty();
        browser.check(JOURNEY, "kpu-ri-03-penetapan-dpr", SIZES);

        // a kab/kota session finalized by the demo: live against D.Hasil, and KPU RI may reopen it
        browser.open("/rekap/PPWP/31.71/sesi");
        assertThat(browser.find("h1").getText()).contains("Sesi rekapitulasi Kabupaten/Kota");
        if (!browser.findAll("#live").isEmpty()) {
            assertThat(browser.find("#live").getText()).containsAnyOf("sama dengan D.Hasil", "berbeda dari D.Hasil");
            assertThat(browser.findAll("#reopen-form")).as("KPU RI may reopen any D.Hasil").hasSize(1);
        }
        browser.check(JOURNEY, "kpu-ri-04-sesi-kabkota", SIZES);
    }

    // --- browser helpers -------------------------------------------------------------------------------------------

    private static void signIn(String username, String start, String label) {
        browser.open(start);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> !browser.findAll("#username").isEmpty());
        browser.screenshot(JOURNEY, label + "-00-masuk-keycloak"); // Keycloak's own page
        type("#username", username);
        type("#password", PASSWORD);
        browser.clickAndWait(browser.find("#kc-login"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(d -> d.getCurrentUrl().startsWith(gateway) && !browser.findAll("#signed-in-as").isEmpty());
        assertThat(browser.find("#signed-in-as").getText()).contains(username);
    }

    private static void type(String css, String text) {
        WebElement input = browser.find(css);
        input.clear();
        input.sendKeys(text);
    }

    private static Map<String, Integer> inputs() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (WebElement input : browser.findAll("#correct input[data-key]")) {
            out.put(input.getAttribute("data-key"), Integer.parseInt(input.getAttribute("value")));
        }
        return out;
    }

    // --- data the journey needs, through the APIs with real tokens ------------------------------------------------

    /** TPS codes of the kecamatan in code order (the registry numbers each kelurahan's TPS from 001). */
    static List<String> tpsOfKecamatan() throws Exception {
        JsonNode regions = call("GET", "/api/recap/public/regions?parent=" + KEC, null, null);
        List<String> out = new ArrayList<>();
        for (JsonNode desa : regions.path("children")) {
            for (int n = 1; n <= desa.path("tpsTotal").asInt(); n++) {
                out.add(desa.path("code").asString() + "." + String.format("%03d", n));
            }
        }
        assertThat(out).as("TPS of kecamatan Gambir in the registry").hasSizeGreaterThan(5);
        return out;
    }

    /** TPS {@value #FLAGGED} ends flagged: confirmed with a miscopied number, or (later runs) disputed again. */
    static void flagTheReviewedTps(String ppk) throws Exception {
        JsonNode result = call("GET", "/api/recap/tps/" + FLAGGED + "/ballots/" + TYPE, ppk, null);
        if ("flagged".equals(result.path("status").asString())) {
            return;
        }
        if (result.path("status").isString()) {
            call("POST", "/api/recap/tps/" + FLAGGED + "/ballots/" + TYPE + "/review", ppk,
                    "{\"decision\":\"disputed\",\"reason\":\"Uji peramban: dipersoalkan lagi agar diperiksa PPK\"}");
            return;
        }
        JsonNode station = call("GET", "/api/recap/public/tps/" + FLAGGED, null, null);
        String kpps = token(KPPS_USERS.get(FLAGGED));
        String submission = uploadSyntheticPhoto(kpps, station);
        Map<String, Integer> values = submission == null ? null : truth();
        if (values == null || !id.pemilu.portal.kpps.FormChecks.evaluate(id.pemilu.portal.kpps.FormChecks.rules(
                new ArrayList<>(values.keySet()), station.path("dpt").asInt(), 600, 2, 2), values).isEmpty()) {
            values = form(station, FLAGGED); // the photo's own numbers would not pass every check
        }
        values.put("votes.candidate.1", values.get("votes.candidate.1") + 90); // a miscopied digit: 1x -> 10x
        ObjectNode body = JSON.createObjectNode().put("reason", "Angka disalin dari formulir apa adanya");
        if (submission != null) {
            body.put("submissionId", submission);
        }
        body.set("values", list(values));
        JsonNode confirmed = call("POST", "/api/recap/tps/" + FLAGGED + "/ballots/" + TYPE + "/confirm", kpps,
                JSON.writeValueAsString(body));
        assertThat(confirmed.path("status").asString()).isEqualTo("flagged");
    }

    /** Every TPS of the kecamatan except the reviewed one and the PSU one has a counted result. */
    static void fillEveryOtherTps(List<String> all) throws Exception {
        JsonNode progress = call("GET", "/api/recap/public/progress?region=" + KEC + "&ballotType=" + TYPE
                + "&limit=1000", null, null);
        for (JsonNode missing : progress.path("notReportedTps")) {
            String tps = missing.asString();
            if (tps.equals(FLAGGED) || tps.equals(psuTps)) {
                continue;
            }
            String user = KPPS_USERS.get(tps);
            if (user == null) {
                // a fresh admin token each time: Keycloak's master realm tokens live 60 s, and a loaded machine
                // needs longer than that for all the TPS
                user = ensureKppsUser(adminToken(), tps);
            }
            JsonNode station = call("GET", "/api/recap/public/tps/" + tps, null, null);
            ObjectNode body = JSON.createObjectNode();
            body.set("values", list(form(station, tps)));
            call("POST", "/api/recap/tps/" + tps + "/ballots/" + TYPE + "/confirm", token(user),
                    JSON.writeValueAsString(body), "Idempotency-Key", "uji-rekap-" + UUID.randomUUID());
        }
    }

    /** A consistent C.Hasil of a Pilkada with three candidate pairs, derived from the TPS's DPT and number. */
    static Map<String, Integer> form(JsonNode station, String tps) {
        int men = station.path("dptMen").asInt();
        int women = station.path("dptWomen").asInt();
        int n = Integer.parseInt(tps.substring(tps.length() - 3)) + Integer.parseInt(tps.substring(9, 13));
        int voted = (men + women) * 3 / 4;
        int votedMen = Math.min(men, voted / 2);
        int invalid = 2 + n % 4;
        int valid = voted - invalid;
        int c1 = valid * (30 + n % 9) / 100;
        int c2 = valid * (35 + n % 7) / 100;
        int received = men + women + (men + women) * 2 / 100 + ((men + women) * 2 % 100 == 0 ? 0 : 1);
        Map<String, Integer> v = new LinkedHashMap<>();
        row(v, "dpt", men, women);
        row(v, "dptb", 0, 0);
        row(v, "dpk", 0, 0);
        row(v, "all", men, women);
        row(v, "voted.dpt", votedMen, voted - votedMen);
        row(v, "voted.dptb", 0, 0);
        row(v, "voted.dpk", 0, 0);
        row(v, "voted.all", votedMen, voted - votedMen);
        v.put("ballots.received", received);
        v.put("ballots.used", voted);
        v.put("ballots.damaged", 1);
        v.put("ballots.unused", received - voted - 1);
        v.put("votes.candidate.1", c1);
        v.put("votes.candidate.2", c2);
        v.put("votes.candidate.3", valid - c1 - c2);
        v.put("votes.valid", valid);
        v.put("votes.invalid", invalid);
        v.put("votes.total", voted);
        return v;
    }

    private static void row(Map<String, Integer> v, String row, int men, int women) {
        v.put(row + ".men", men);
        v.put(row + ".women", women);
        v.put(row + ".total", men + women);
    }

    private static ArrayNode list(Map<String, Integer> values) {
        ArrayNode list = JSON.createArrayNode();
        values.forEach((k, v) -> list.addObject().put("key", k).put("value", v));
        return list;
    }

    /**
     * A synthetic phone photo of the TPS's filled C.Hasil (ocr-c1-reader's synth), uploaded as its KPPS officer and
     * read by the suite's reader; null (numbers typed instead) when the reader's jar is not built or reading fails.
     */
    static String uploadSyntheticPhoto(String kpps, JsonNode station) throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("..", "ocr-c1-reader", "target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("ocr-c1-reader-.*\\.jar")
                    && !p.getFileName().toString().endsWith("tests.jar")).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
        if (jar == null) {
            return null;
        }
        Files.createDirectories(PHOTOS);
        Process synth = new ProcessBuilder("java", "-Dai.djl.offline=true", "-Xmx512m", "-jar",
                jar.toAbsolutePath().toString(), "synth", "--tps", FLAGGED, "--ballot", TYPE, "--seed", "7",
                "--distortion", "CLEAN", "--dpt-men", station.path("dptMen").asString(), "--dpt-women",
                station.path("dptWomen").asString(), "--out", PHOTOS.resolve("c1.jpg").toAbsolutePath().toString(),
                "--truth", PHOTOS.resolve("truth.json").toAbsolutePath().toString())
                .directory(Path.of("..").toFile()).redirectErrorStream(true)
                .redirectOutput(PHOTOS.resolve("synth.log").toFile()).start();
        if (!synth.waitFor(5, TimeUnit.MINUTES) || synth.exitValue() != 0) {
            synth.destroyForcibly();
            return null;
        }
        String boundary = "uji" + UUID.randomUUID().toString().replace("-", "");
        byte[] photo = Files.readAllBytes(PHOTOS.resolve("c1.jpg"));
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"c1.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + photo.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(photo, 0, body, head.length, photo.length);
        System.arraycopy(tail, 0, body, head.length + photo.length, tail.length);
        HttpResponse<String> uploaded = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/recap/tps/"
                        + FLAGGED + "/ballots/" + TYPE + "/photos?page=1"))
                .header("Authorization", "Bearer " + kpps).header("Idempotency-Key", "uji-rekap-" + UUID.randomUUID())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (uploaded.statusCode() >= 300) {
            return null;
        }
        String id = JSON.readTree(uploaded.body()).path("submissionId").asString();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < until) {
            JsonNode submission = call("GET", "/api/recap/submissions/" + id, kpps, null);
            if (!submission.path("readings").isEmpty()) {
                return id;
            }
            Thread.sleep(2000);
        }
        return null;
    }

    static Map<String, Integer> truth() throws Exception {
        JsonNode truth = JSON.readTree(Files.readString(PHOTOS.resolve("truth.json")));
        JsonNode values = truth.path("values").isObject() ? truth.path("values") : truth;
        Map<String, Integer> out = new LinkedHashMap<>();
        values.properties().forEach(e -> {
            if (e.getValue().isNumber()) {
                out.put(e.getKey(), e.getValue().asInt());
            }
        });
        return out;
    }

    /** A DEV ONLY KPPS user for a TPS, made through Keycloak's admin API when missing (as demo/rekap.sh does). */
    static String ensureKppsUser(String admin, String tps) throws Exception {
        String user = "kpps.uji." + tps;
        String base = keycloak + "/admin/realms/pemilu";
        JsonNode found = JSON.readTree(send("GET", base + "/users?exact=true&username=" + user, admin, null).body());
        if (found.isArray() && !found.isEmpty()) {
            return user;
        }
        ObjectNode body = JSON.createObjectNode().put("username", user).put("enabled", true)
                .put("emailVerified", true).put("firstName", "KPPS").put("lastName", tps)
                .put("email", user + "@pemilu.invalid");
        body.putObject("attributes").putArray("tps_code").add(tps);
        body.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD)
                .put("temporary", false);
        send("POST", base + "/users", admin, JSON.writeValueAsString(body));
        String id = JSON.readTree(send("GET", base + "/users?exact=true&username=" + user, admin, null).body())
                .path(0).path("id").asString();
        String role = send("GET", base + "/roles/kpps", admin, null).body();
        send("POST", base + "/users/" + id + "/role-mappings/realm", admin, "[" + role + "]");
        return user;
    }

    static String adminToken() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin"
                        + "&password=" + Browser.setting("keycloak.adminPassword", "KC_ADMIN_PASSWORD", "dev-only-admin")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Keycloak admin token (DEV ONLY)").isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    static String token(String username) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/pemilu/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=pemilu-cli&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token of %s", username).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    /** A call through the gateway; answers with a 404 come back as an empty object, other errors fail. */
    static JsonNode call(String method, String path, String token, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return JSON.createObjectNode();
        }
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> send(String method, String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, url, response.body()).isLessThan(300);
        return response;
    }
}
