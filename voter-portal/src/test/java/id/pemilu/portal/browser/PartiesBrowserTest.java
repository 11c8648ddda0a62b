package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.Wilayah;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sipol and Silon in a real Chromium through the gateway and the real Keycloak sign-in of the running suite, on a laptop
 * (1280 px) and a tablet (768 px), axe-core clean, screenshots {@code target/screenshots/sipol-*}, {@code silon-*},
 * {@code kpu-*}: operator.pnb imports a 10,000-row member file watching the progress bar (reload included), downloads
 * the per-row report, filters the flagged members, answers a citizen's complaint, edits a candidate list in a dapil made
 * for this run until the violations disappear (keyboard included) and submits it; a hand-made request for another
 * party's data gets the service's 403 as a page; kpu.jakpus verifies members (MS, TMS with reason), draws the factual
 * sample from a published seed and re-draws it, decides the complaint; kpu.ri verifies the list and publishes the DCS,
 * which the public sees. Every name, NIK and dapil is new on each run (the data of earlier runs stays), so reruns pass.
 * Needs party pnb meeting the requirements (the demo's; {@code ./suite test} runs the demo on a suite without it).
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartiesBrowserTest {

    static final String PASSWORD = "dev-only-pemilu";
    static final String PARTY = "pnb";
    static final int ROWS = 10_000;
    static final int BAD_ROWS = 15;
    static final int MISMATCH_ROWS = 20;
    static final Browser.Size[] SIZES = {Browser.Size.LAPTOP, Browser.Size.TABLET};
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static Browser browser;
    static String run;
    static String dapil;
    static Path memberFile;
    /** The four people the operator nominates: NIK, name, gender, birth date. */
    static final List<String[]> candidates = new ArrayList<>();
    /** A member a citizen complains about: NIK and name. */
    static String[] disputed;
    static String complaintId;

    @BeforeAll
    static void start() throws Exception {
        Random random = new Random();
        run = Long.toString(System.currentTimeMillis() / 1000 % 2_000_000_000L, 36).toUpperCase()
                + Integer.toString(random.nextInt(36 * 36), 36).toUpperCase();
        browser = Browser.start(Browser.Size.LAPTOP);
        memberFile = writeMemberFile(random);
        JsonNode parties = api("kpu.ri", "GET", "/api/candidates/parties", null);
        boolean eligible = false;
        for (JsonNode p : parties) {
            eligible |= PARTY.equals(p.path("partyId").asString()) && p.path("eligible").asBoolean();
        }
        assertThat(eligible).as("party pnb registered and meeting the requirements (run ./suite demo once)").isTrue();
        dapil = defineDapil();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    // ---------------------------------------------------------------- operator: Sipol

    @Test
    @Order(1)
    void theOperatorSeesTheProfileAndTheRequirementsChecklist() {
        signIn("operator.pnb", "/sipol");
        wait(d -> d.getCurrentUrl().endsWith("/sipol/partai/" + PARTY));
        assertThat(browser.text()).contains("Partai Nusantara Bersatu").contains("Syarat pendaftaran")
                .contains("Kepengurusan di 100% provinsi").contains("Operator partai");
        assertThat(browser.findAll("#requirements > li")).hasSize(5);
        browser.check("sipol", "1-profil-syarat", SIZES);
    }

    @Test
    @Order(2)
    void theOperatorImportsTenThousandRowsWatchingTheProgressBar() throws Exception {
        browser.clickAndWait(browser.find(".tabs a[href$='/impor']"));
        browser.check("sipol", "2-impor-form", SIZES);
        browser.find("#file").sendKeys(memberFile.toAbsolutePath().toString());
        browser.clickAndWait(browser.find("#import-form button[type=submit]"));
        assertThat(browser.driver().getCurrentUrl()).contains("/sipol/partai/" + PARTY + "/impor/" + PARTY + "-");
        // the confirmation shows once (a quick import may already have reloaded the page to its final state)
        if (!browser.findAll("#flash-ok").isEmpty()) {
            assertThat(browser.find("#flash-ok").getText()).contains(ROWS + " baris");
        }
        String importUrl = browser.driver().getCurrentUrl();
        // the bar as the operator watches it: total fixed, rows done never going back, until the report appears
        List<Long> seen = new ArrayList<>();
        boolean sawRunning = false;
        boolean reloaded = false;
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                WebElement bar = browser.find("#import-bar");
                assertThat(bar.getAttribute("max")).isEqualTo(String.valueOf(ROWS));
                seen.add(Long.parseLong(bar.getAttribute("value")));
                if ("RUNNING".equals(browser.find("#import-progress").getAttribute("data-status"))) {
                    if (!sawRunning) {
                        browser.screenshot("sipol", "3-impor-berjalan");
                        browser.use(Browser.Size.TABLET).screenshot("sipol", "3-impor-berjalan");
                        browser.use(Browser.Size.LAPTOP);
                    }
                    sawRunning = true;
                    if (!reloaded) {
                        // the progress survives a reload: the same import, counting on
                        browser.driver().navigate().refresh();
                        reloaded = true;
                        assertThat(browser.driver().getCurrentUrl()).isEqualTo(importUrl);
                    }
                }
                if (browser.find("#report-link").isDisplayed()) {
                    break;
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                // the page reloaded itself (finished) between two looks: a stale element, a missing one, or Chromium's
                // own word for a stale one ("Node with given id does not belong to the document"); anything else fails
                if (!(Browser.pageReplaced(e) || e instanceof org.openqa.selenium.NoSuchElementException)) {
                    throw e;
                }
            }
            Thread.sleep(150);
        }
        assertThat(browser.find("#report-link").isDisplayed()).as("the import finished within 5 minutes").isTrue();
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).as("rows done never go back").isGreaterThanOrEqualTo(seen.get(i - 1));
        }
        System.out.printf("[sipol] progress bar values seen: %s (running seen: %s)%n", seen.size() > 40
                ? seen.subList(0, 20) + "…" + seen.subList(seen.size() - 5, seen.size()) : seen, sawRunning);
        assertThat(browser.find("#rows-done").getText()).isEqualTo(String.valueOf(ROWS));
        assertThat(browser.find("#rejected").getText()).isEqualTo(String.valueOf(BAD_ROWS));
        assertThat(Long.parseLong(browser.find("#flagged").getText())).isGreaterThanOrEqualTo(MISMATCH_ROWS);
        assertThat(browser.find("#import-status-text").getText()).isEqualTo("Impor selesai.");
        browser.check("sipol", "4-impor-selesai", SIZES);

        // the per-row report, downloaded with the operator's session
        String href = browser.find("#report-link a.button").getAttribute("href");
        String csv = (String) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done)
                  .catch(e => done('gagal: ' + e));""", href);
        assertThat(csv).startsWith("baris,nik,jenis,masalah\n").contains("REJECTED")
                .contains("DATA_MISMATCH");
        assertThat(csv.lines().filter(l -> l.contains("REJECTED")).count()).isEqualTo(BAD_ROWS);
    }

    @Test
    @Order(3)
    void theOperatorFiltersTheFlaggedMembers() {
        browser.clickAndWait(browser.find(".tabs a[href$='/anggota']"));
        browser.find("#nama").sendKeys("Uji " + run);
        new Select(browser.find("#tanda")).selectByValue("DATA_MISMATCH");
        browser.clickAndWait(browser.find("#member-filter button"));
        List<WebElement> rows = browser.findAll("#members tbody tr");
        assertThat(rows).hasSize(MISMATCH_ROWS);
        assertThat(rows.get(0).getText()).contains("data tidak cocok dengan NIK").contains("tidak");
        // the operator's own party: the NIK as the service gives it to them (readable, 16 digits)
        assertThat(rows.get(0).findElement(By.cssSelector(".nik")).getText()).matches("\\d{16}");
        browser.check("sipol", "5-anggota-bertanda", SIZES);
    }

    @Test
    @Order(4)
    void theOperatorAnswersACitizensComplaintBeforeTheDeadline() throws Exception {
        JsonNode receipt = api(null, "POST", "/api/members/public/complaints", Map.of("nik", disputed[0],
                "fullName", disputed[1], "partyId", PARTY,
                "statement", "Saya tidak pernah mendaftar sebagai anggota partai ini (uji " + run + ")."));
        complaintId = receipt.path("complaintId").asString();
        assertThat(complaintId).as("complaint filed: " + receipt).isNotBlank();
        browser.clickAndWait(browser.find(".tabs a[href$='/aduan']"));
        WebElement complaint = browser.find("#aduan-" + complaintId);
        assertThat(complaint.getText()).contains("menunggu jawaban partai").contains("hari")
                .contains("menit lagi").contains("uji " + run);
        browser.check("sipol", "6-aduan", SIZES);
        complaint.findElement(By.cssSelector("textarea")).sendKeys("Formulir pendaftaran bertanda tangan ada di "
                + "kantor DPC Jakarta Pusat.");
        complaint.findElement(By.cssSelector("input[name=evidence]")).sendKeys("Formulir F-" + run);
        browser.clickAndWait(complaint.findElement(By.cssSelector("button")));
        assertThat(browser.find("#flash-ok").getText()).contains("Jawaban atas aduan " + complaintId + " terkirim");
        assertThat(browser.find("#aduan-" + complaintId).getText()).contains("sudah dijawab partai")
                .contains("Formulir pendaftaran bertanda tangan");
        browser.check("sipol", "7-aduan-dijawab", SIZES);
    }

    @Test
    @Order(5)
    void aHandMadeRequestForAnotherPartyGetsTheServicesRefusal() {
        browser.open("/sipol/partai/pkr/anggota");
        assertThat(browser.find("h1").getText()).isEqualTo("Akses ditolak");
        assertThat(browser.find("#refusal").getText()).contains("partai Anda sendiri");
        assertThat(browser.find("#what-to-do").getText()).contains("operator partai pnb");
        browser.check("sipol", "8-partai-lain-ditolak", SIZES);
        browser.open("/silon/dapil/" + dapil + "/pkr");
        assertThat(browser.find("h1").getText()).isEqualTo("Akses ditolak");
        assertThat(browser.find("#refusal").getText()).contains("partai lain");
    }

    // ---------------------------------------------------------------- KPU kab/kota: Sipol

    @Test
    @Order(6)
    void kpuVerifiesMembersDrawsTheFactualSampleAndDecidesTheComplaint() throws Exception {
        signOut();
        signIn("kpu.jakpus", "/sipol");
        assertThat(browser.find("#parties").getText()).contains("Partai Nusantara Bersatu");
        browser.check("kpu", "1-sipol-beranda", SIZES);

        browser.open("/sipol/partai/" + PARTY + "/verifikasi?kabKota=31.71");
        List<WebElement> queue = browser.findAll("#queue > li");
        assertThat(queue).isNotEmpty();
        browser.check("kpu", "2-antrean-verifikasi", SIZES);
        // a refusal without a reason is explained, nothing is saved
        WebElement first = queue.get(0);
        String firstName = first.findElement(By.cssSelector("legend strong")).getText();
        first.findElement(By.cssSelector("input[value=TMS]")).click();
        browser.clickAndWait(first.findElement(By.cssSelector("button")));
        assertThat(browser.find("#flash-error").getText()).contains("wajib disertai alasan");
        first = browser.find("#anggota-0");
        assertThat(first.findElement(By.cssSelector("legend strong")).getText()).isEqualTo(firstName);
        first.findElement(By.cssSelector("input[value=TMS]")).click();
        first.findElement(By.cssSelector("input[name=reason]")).sendKeys("Data tidak cocok dengan KTP-el (uji)");
        browser.clickAndWait(first.findElement(By.cssSelector("button")));
        assertThat(browser.find("#flash-ok").getText()).contains(firstName).contains("TMS")
                .contains("Data tidak cocok dengan KTP-el");
        browser.check("kpu", "3-verifikasi-tms", SIZES);

        // the four people the party nominates: found in the queue by name, MS
        for (String[] c : candidates) {
            browser.open("/sipol/partai/" + PARTY + "/verifikasi?kabKota=31.71&nama="
                    + URLEncoder.encode(c[1], StandardCharsets.UTF_8));
            List<WebElement> found = browser.findAll("#queue > li");
            assertThat(found).as("queue filtered by name " + c[1]).hasSize(1);
            found.get(0).findElement(By.cssSelector("input[value=MS]")).click();
            browser.clickAndWait(found.get(0).findElement(By.cssSelector("button")));
            assertThat(browser.find("#flash-ok").getText()).contains(c[1]).contains("memenuhi syarat (MS)");
            assertThat(browser.findAll("#queue > li")).as("no longer waiting").isEmpty();
        }
        browser.check("kpu", "4-verifikasi-ms", SIZES);

        browser.open("/sipol/partai/" + PARTY + "/sampel");
        browser.find("#kabKota").clear();
        browser.find("#kabKota").sendKeys("31.71");
        browser.find("#seed").sendKeys("undian-uji-" + run);
        browser.find("#size").sendKeys("3");
        browser.clickAndWait(browser.find("#draw-form button"));
        assertThat(browser.find("#flash-ok").getText()).contains("Sampel diundi: 3 dari")
                .contains("undian-uji-" + run);
        browser.check("kpu", "5-sampel-faktual", SIZES);
        WebElement redraw = browser.findAll("a.redraw").stream()
                .filter(a -> a.getAttribute("href").contains("undian-uji-" + run)).findFirst().orElseThrow();
        browser.clickAndWait(redraw);
        assertThat(browser.find("#redraw-result").getText()).contains("SAMA dengan sampel yang diumumkan KPU");
        browser.check("kpu", "6-undi-ulang", SIZES);

        browser.open("/sipol/aduan");
        WebElement complaint = browser.find("#aduan-" + complaintId);
        assertThat(complaint.getText()).contains("sudah dijawab partai").contains("Formulir pendaftaran");
        complaint.findElement(By.cssSelector("input[value=REMOVE]")).click();
        complaint.findElement(By.cssSelector("input[name=reason]")).sendKeys("Partai tidak dapat menunjukkan "
                + "formulir asli.");
        browser.clickAndWait(complaint.findElement(By.cssSelector("button")));
        assertThat(browser.find("#flash-ok").getText()).contains("keanggotaan dihapus (final)");
        browser.check("kpu", "7-aduan-diputus", SIZES);
    }

    // ---------------------------------------------------------------- operator: Silon

    @Test
    @Order(7)
    void theOperatorEditsTheListUntilTheViolationsDisappearAndSubmits() throws Exception {
        signOut();
        signIn("operator.pnb", "/silon");
        browser.open("/silon/dapil/" + dapil + "/" + PARTY);
        assertThat(browser.text()).contains("Belum ada daftar calon");
        // two men: no woman in positions 1-2 and too few women
        addCandidate(candidates.get(0), List.of("KTP", "IJAZAH", "SURAT_SEHAT", "SKCK"));
        addCandidate(candidates.get(1), List.of("KTP", "IJAZAH", "SURAT_SEHAT", "SKCK"));
        assertThat(browser.find("#posisi-1 .violations").getText()).contains("1 perempuan tiap 3 posisi");
        assertThat(browser.find("#violations").getText()).contains("30 % perempuan");
        browser.check("silon", "1-dua-laki-laki", SIZES);
        // a woman without her SKCK, at the end
        addCandidate(candidates.get(2), List.of("KTP", "IJAZAH", "SURAT_SEHAT"));
        assertThat(browser.find("#posisi-3 .violations").getText()).contains("dokumen").contains("SKCK");
        // a fourth candidate for three seats
        addCandidate(candidates.get(3), List.of("KTP", "IJAZAH", "SURAT_SEHAT", "SKCK"));
        assertThat(browser.find("#posisi-4 .violations").getText()).contains("jumlah kursi");
        browser.check("silon", "2-pelanggaran-di-posisinya", SIZES);

        // the fourth goes; the woman moves up with the keyboard alone; her SKCK is handed in
        browser.clickAndWait(browser.find("#posisi-4 button.remove"));
        assertThat(browser.find("#flash-ok").getText()).contains("dihapus dari daftar");
        WebElement up = browser.find("#posisi-3 button.up");
        focusByTab(up);
        WebElement page = browser.find("html");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> Browser.gone(page));
        assertThat(browser.find("#flash-ok").getText()).contains(candidates.get(2)[1] + " dipindah ke posisi 2");
        WebElement woman = browser.find("#posisi-2");
        woman.findElement(By.cssSelector("details.edit summary")).click();
        woman.findElement(By.cssSelector("details.edit input[value=SKCK]")).click();
        browser.clickAndWait(woman.findElement(By.cssSelector("details.edit button")));
        // the members' MS verification reaches Silon through the event bus: reload until it has
        new WebDriverWait(browser.driver(), Duration.ofSeconds(90)).until(d -> {
            if (!browser.findAll("#no-violations").isEmpty()) {
                return true;
            }
            browser.open("/silon/dapil/" + dapil + "/" + PARTY);
            return !browser.findAll("#no-violations").isEmpty();
        });
        assertThat(browser.findAll(".candidate-list .violations")).isEmpty();
        browser.check("silon", "3-tanpa-pelanggaran", SIZES);

        browser.clickAndWait(browser.find("#submit-list"));
        assertThat(browser.find("#flash-ok").getText()).contains("Daftar diajukan ke KPU: 3 calon");
        assertThat(browser.find("#list-status").getText()).contains("menunggu verifikasi KPU");
        assertThat(browser.findAll("#add-form")).as("a submitted list cannot be edited").isEmpty();
        browser.check("silon", "4-diajukan", SIZES);
    }

    // ---------------------------------------------------------------- KPU RI: Silon

    @Test
    @Order(8)
    void kpuRiVerifiesTheListAndPublishesTheDcs() throws Exception {
        signOut();
        signIn("kpu.ri", "/silon");
        browser.open("/silon/dapil/" + dapil);
        WebElement form = browser.find("#verifikasi-" + PARTY);
        browser.check("kpu", "8-silon-verifikasi", SIZES);
        for (WebElement ms : form.findElements(By.cssSelector("input[value=MS]"))) {
            ms.click();
        }
        browser.clickAndWait(form.findElement(By.cssSelector("button")));
        assertThat(browser.find("#flash-ok").getText()).contains("3 MS, 0 TMS").contains("terverifikasi");
        browser.clickAndWait(browser.find("#publish-dcs button"));
        assertThat(browser.find("#flash-ok").getText()).contains("DCS dapil " + dapil + " diumumkan");
        assertThat(browser.find("#stage").getText()).contains("DCS diumumkan");
        browser.check("kpu", "9-dcs-diumumkan", SIZES);

        browser.open("/calon/" + dapil);
        assertThat(browser.text()).contains(candidates.get(0)[1]).contains(candidates.get(2)[1]);
        browser.check("kpu", "10-dcs-publik", SIZES);
    }

    // ---------------------------------------------------------------- helpers

    private static void addCandidate(String[] c, List<String> documents) {
        WebElement form = browser.find("#add-form");
        form.findElement(By.id("nik")).sendKeys(c[0]);
        form.findElement(By.id("name")).sendKeys(c[1]);
        new Select(form.findElement(By.id("gender"))).selectByValue(c[2]);
        browser.js("arguments[0].value = arguments[1];", form.findElement(By.id("birthDate")), c[3]);
        form.findElement(By.id("address")).sendKeys("Jl. Uji No. " + run);
        for (String d : documents) {
            form.findElement(By.id("add-doc-" + d)).click();
        }
        form.findElement(By.id("cvConsent")).click();
        form.findElement(By.id("cv")).sendKeys("Calon uji peramban " + run);
        browser.clickAndWait(form.findElement(By.id("add-candidate")));
        assertThat(browser.find("#flash-ok").getText()).contains(c[1] + " ditambahkan");
    }

    /** Presses Tab from the top of the page until the element has the focus (keyboard-operable, in page order). */
    private static void focusByTab(WebElement target) {
        browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        WebElement body = browser.find("body");
        body.sendKeys(Keys.TAB);
        for (int i = 0; i < 300; i++) {
            if (browser.driver().switchTo().activeElement().equals(target)) {
                return;
            }
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        }
        throw new AssertionError("element not reachable with the Tab key: " + target);
    }

    private static void signIn(String username, String path) {
        browser.open(path);
        wait(d -> !browser.findAll("#username").isEmpty());
        browser.screenshot("sipol", "0-masuk-keycloak-" + username);
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(PASSWORD);
        browser.clickAndWait(browser.find("#kc-login"));
        wait(d -> d.getCurrentUrl().contains(path));
        assertThat(browser.find("#signed-in-as").getText()).contains(username);
    }

    private static void signOut() {
        browser.clickAndWait(browser.find(".signed-in button"));
        wait(d -> browser.text().contains("Masuk petugas"));
    }

    private static void wait(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(condition::apply);
    }

    /**
     * 10,000 members of pnb in Jakarta Pusat, new NIKs each run; 15 rows rejected (a kab/kota code that does not
     * exist), 20 flagged (the gender written does not match the NIK).
     */
    private static Path writeMemberFile(Random random) throws IOException {
        List<String> kecamatan = List.of("31.71.01", "31.71.02", "31.71.03", "31.71.04", "31.71.05", "31.71.06",
                "31.71.07", "31.71.08");
        LocalDate base = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 38));
        int serialBase = 1 + random.nextInt(8000);
        StringBuilder csv = new StringBuilder("nik,nama,jenis_kelamin,tanggal_lahir,no_kta,kabkota\n");
        Set<String> used = new HashSet<>();
        for (int i = 0; i < ROWS; i++) {
            String kec = kecamatan.get(i % kecamatan.size());
            LocalDate born = base.plusDays(i / 1000);
            String gender = i % 2 == 0 ? "L" : "P";
            String nik = nik(kec, born, gender, serialBase + (i % 1000));
            String name = "Anggota Uji " + run + " " + i;
            String writtenGender = gender;
            String kabKota = "31.71";
            if (i < BAD_ROWS) {
                kabKota = "99.99";
            } else if (i < BAD_ROWS + MISMATCH_ROWS) {
                writtenGender = "L".equals(gender) ? "P" : "L";
            } else if (i >= 100 && i < 104) {
                name = "Calon Uji " + run + " " + (char) ('A' + i - 100);
                candidates.add(new String[] {nik, name, gender, born.toString()});
            } else if (i == 200) {
                disputed = new String[] {nik, name};
            }
            assertThat(used.add(nik)).as("NIKs in the file are distinct").isTrue();
            csv.append(nik).append(',').append(name).append(',').append(writtenGender).append(',').append(born)
                    .append(",UJI-").append(run).append('-').append(i).append(',').append(kabKota).append('\n');
        }
        // nominated in the order man, man, woman, woman: the rules have something to say
        candidates.sort((a, b) -> a[2].compareTo(b[2]));
        Path file = Path.of("target", "sipol-anggota-" + run + ".csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private static String nik(String kecamatan, LocalDate born, String gender, int serial) {
        int day = born.getDayOfMonth() + ("P".equals(gender) ? 40 : 0);
        return kecamatan.replace(".", "") + "%02d%02d%02d%04d".formatted(day, born.getMonthValue(),
                born.getYear() % 100, serial);
    }

    /** A DPRD kab/kota dapil of 3 seats over a whole kab/kota no dapil set covers yet (KPU RI, through the API). */
    private static String defineDapil() throws Exception {
        Set<String> taken = new HashSet<>();
        for (JsonNode d : api(null, "GET", "/api/candidates/public/dapil", null)) {
            if ("DPRD_KABKOTA".equals(d.path("body").asString())) {
                taken.add(d.path("areaCode").asString());
            }
        }
        Wilayah wilayah = Wilayah.indonesia();
        for (Region province : wilayah.childrenOf(null)) {
            if ("31".equals(province.code())) {
                continue;
            }
            for (Region kabKota : wilayah.childrenOf(province.code())) {
                if (taken.contains(kabKota.code())) {
                    continue;
                }
                String code = "UJI-" + run;
                api("kpu.ri", "PUT", "/api/dapil/sets/DPRD_KABKOTA/" + kabKota.code(), List.of(Map.of(
                        "code", code, "name", "Uji peramban " + run + " " + kabKota.name(), "seats", 3,
                        "regionCodes", List.of(kabKota.code()))));
                return code;
            }
        }
        throw new IllegalStateException("every kab/kota already has its DPRD dapil");
    }

    private static JsonNode api(String user, String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.baseUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    private static String token(String user) throws Exception {
        String keycloak = Browser.setting("keycloak.url", "KEYCLOAK_URL", "http://127.0.0.1:8180");
        String form = "grant_type=password&client_id=pemilu-cli&username=" + user + "&password=" + PASSWORD;
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/pemilu/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token for " + user).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }
}
