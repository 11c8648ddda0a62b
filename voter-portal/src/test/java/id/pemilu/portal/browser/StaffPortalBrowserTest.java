package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.portal.kpps.FakeServices;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * The Sipol and Silon screens in a real Chromium with the portal alone (stand-ins for party-registry,
 * candidate-service and Keycloak; no suite needed), on a laptop and a tablet: no sideways scrolling, axe-core clean,
 * the import progress updated by staf.js without a reload. Screenshots target/screenshots/staf-alone-*. The journey
 * against the real suite is {@link PartiesBrowserTest}.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffPortalBrowserTest {

    static final Browser.Size[] SIZES = {Browser.Size.LAPTOP, Browser.Size.TABLET};
    static final FakeServices services = new FakeServices();
    static final FakeKeycloak keycloak = keycloak();
    static Browser browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("pemilu.portal.party-registry-url", services::url);
        registry.add("pemilu.portal.candidate-service-url", services::url);
        registry.add("pemilu.portal.sign-in.issuer", keycloak::issuer);
        registry.add("pemilu.portal.sign-in.jwks-uri", () -> keycloak.issuer() + "/protocol/openid-connect/certs");
    }

    @BeforeAll
    static void answers() {
        services.json("GET /api/parties/pnb", 200, """
                {"id":"pnb","name":"Partai Nusantara Bersatu","abbreviation":"PNB","ballotNumber":1,
                 "leadership":[{"name":"Ratna Dewi","role":"Ketua Umum","gender":"P"},
                               {"name":"Hasan Basri","role":"Sekretaris Jenderal","gender":"L"},
                               {"name":"Lina Marlina","role":"Bendahara Umum","gender":"P"}],
                 "branches":[{"regionCode":"31"},{"regionCode":"31.71"},{"regionCode":"31.71.01","address":"Jl. Merdeka 1"},
                             {"regionCode":"31.71.02"}]}""");
        services.json("GET /api/parties/pnb/requirements", 200, """
                {"partyId":"pnb","met":false,"computedAt":"2029-01-02T03:04:05Z","rules":[
                 {"rule":"KEPENGURUSAN_PROVINSI_100","description":"Kepengurusan di 100% provinsi","met":true,"actual":38,"required":38,"failing":[]},
                 {"rule":"KEPENGURUSAN_KABKOTA_75","description":"Kepengurusan di 75% kab/kota tiap provinsi","met":true,"actual":38,"required":38,"failing":[]},
                 {"rule":"KEPENGURUSAN_KECAMATAN_50","description":"Kepengurusan di 50% kecamatan tiap kab/kota yang punya kepengurusan","met":false,"actual":1,"required":2,"failing":["31.72: 2/6 kecamatan (minimal 3)"]},
                 {"rule":"KETERWAKILAN_PEREMPUAN_30","description":"Paling sedikit 30% perempuan di kepengurusan pusat","met":true,"actual":2,"required":1,"failing":[]},
                 {"rule":"ANGGOTA_PER_KABKOTA","description":"Anggota tiap kab/kota yang punya kepengurusan paling sedikit batas minimal","met":false,"actual":1,"required":2,"failing":["31.71: 812/1000 anggota"]}]}""");
        services.json("GET /api/parties/pnb/member-imports/pnb-abc", 200, """
                {"id":"pnb-abc","partyId":"pnb","fileName":"anggota-jakpus.csv","status":"RUNNING","rowsTotal":10000,
                 "rowsDone":4000,"imported":3940,"rejected":15,"flagged":45,"by":"operator.pnb",
                 "startedAt":"2029-01-02T03:04:05Z"}""");
        services.json("GET /api/parties/pnb/members?limit=200", 200, """
                [{"memberId":"m-1","nik":"3171010101800001","fullName":"Ahmad Fauzi","kabKotaCode":"31.71","status":"PENDING","flags":[],"counted":true,"ktaNumber":"K1"},
                 {"memberId":"m-2","nik":"3171015501800002","fullName":"Siti Aminah","kabKotaCode":"31.71","status":"PENDING","flags":["DATA_MISMATCH","OTHER_PARTY"],"counted":false,"ktaNumber":"K2"},
                 {"memberId":"m-3","nik":"3171010202800003","fullName":"Bayu Aji","kabKotaCode":"31.71","status":"TMS","statusReason":"Pegawai KPU","flags":["OFFICIAL"],"counted":false,"ktaNumber":"K3"}]""");
        Instant deadline = Instant.now().plus(5, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS);
        services.json("GET /api/parties/pnb/complaints", 200, """
                [{"id":"c-1","partyId":"pnb","kabKotaCode":"31.71","statement":"Saya tidak pernah mendaftar sebagai anggota partai ini.",
                  "status":"OPEN","filedAt":"2029-01-01T00:00:00Z","answerDeadline":"%s","answer":null,"decision":null}]"""
                .formatted(deadline));
        services.json("GET /api/dapil/UJI-1", 200, """
                {"code":"UJI-1","name":"Dapil Uji Satu","body":"DPRD_KABKOTA","areaCode":"31.71","seats":3,
                 "stage":"NOMINATION","dctVersion":0}""");
        services.json("GET /api/candidates/lists/UJI-1/pnb", 200, """
                {"listId":"UJI-1:pnb","dapilCode":"UJI-1","partyId":"pnb","seats":3,"dapilStage":"NOMINATION",
                 "status":"DRAFT","inDcs":false,"candidates":[
                  {"position":1,"candidateId":"id-a","nikMasked":"************0001","name":"Andi Saputra","gender":"L",
                   "birthDate":"1980-01-01","education":"S1","occupation":"SWASTA","documents":["IJAZAH","KTP","SKCK","SURAT_SEHAT"],"verdict":null,"verdictReason":null},
                  {"position":2,"candidateId":"id-b","nikMasked":"************0002","name":"Budi Santoso","gender":"L",
                   "birthDate":"1981-01-01","education":"S1","occupation":"SWASTA","documents":["IJAZAH","KTP","SKCK","SURAT_SEHAT"],"verdict":null,"verdictReason":null},
                  {"position":3,"candidateId":"id-c","nikMasked":"************0003","name":"Citra Ayu","gender":"P",
                   "birthDate":"1985-01-01","education":"S1","occupation":"SWASTA","documents":["IJAZAH","KTP","SURAT_SEHAT"],"verdict":null,"verdictReason":null},
                  {"position":4,"candidateId":"id-d","nikMasked":"************0004","name":"Dodi Pratama","gender":"L",
                   "birthDate":"1986-01-01","education":"S1","occupation":"SWASTA","documents":["IJAZAH","KTP","SKCK","SURAT_SEHAT"],"verdict":null,"verdictReason":null}],
                 "violations":[{"rule":"KURSI_MAKS","position":4,"message":"Posisi 4 melebihi jumlah kursi dapil (3); hapus calon ini."},
                  {"rule":"DOKUMEN","position":3,"message":"Citra Ayu: dokumen SKCK (Surat keterangan catatan kepolisian) belum diserahkan."},
                  {"rule":"SATU_DARI_TIGA","position":1,"message":"Posisi 1-3 tanpa calon perempuan; setiap 3 posisi berurutan wajib memuat paling sedikit 1 perempuan."}],
                 "changes":[{"at":"2029-01-02T03:04:05Z","by":"operator.pnb","stage":"NOMINATION","action":"DIUBAH","reason":null,"summary":"+ Dodi Pratama"}]}""");
        services.json("GET /api/parties/pnb/members?limit=50&kabKotaCode=31.71&status=PENDING", 200, """
                [{"memberId":"m-2","nik":"3171015501800002","fullName":"Siti Aminah","kabKotaCode":"31.71","status":"PENDING","flags":["DATA_MISMATCH"],"counted":false,"ktaNumber":"K2"},
                 {"memberId":"m-1","nik":"3171010101800001","fullName":"Ahmad Fauzi","kabKotaCode":"31.71","status":"PENDING","flags":[],"counted":true,"ktaNumber":"K1"}]""");
        services.json("GET /api/candidates/lists?dapil=UJI-1", 200, """
                [{"listId":"UJI-1:pnb","dapilCode":"UJI-1","partyId":"pnb","seats":3,"status":"SUBMITTED","inDcs":false,
                  "candidates":[{"position":1,"candidateId":"id-c","name":"Citra Ayu","gender":"P","birthDate":"1985-01-01","education":"S1","documents":["IJAZAH","KTP","SKCK","SURAT_SEHAT"],"verdict":null,"verdictReason":null},
                   {"position":2,"candidateId":"id-a","name":"Andi Saputra","gender":"L","birthDate":"1980-01-01","education":"S1","documents":["IJAZAH","KTP","SKCK","SURAT_SEHAT"],"verdict":null,"verdictReason":null}],
                  "violations":[],"changes":[]}]""");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        services.close();
        keycloak.close();
    }

    @Test
    void theStaffScreensOnALaptopAndATablet() throws Exception {
        keycloak.username = "operator.pnb";
        keycloak.tpsCode = null;
        keycloak.roles = List.of("party-operator");
        keycloak.partyId = "pnb";
        browser = Browser.start(Browser.Size.LAPTOP, "http://127.0.0.1:" + port);
        browser.open("/sipol");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith("/sipol/partai/pnb"));
        assertThat(browser.findAll("#requirements li.unmet")).hasSize(2);
        browser.check("staf-alone", "1-profil", SIZES);

        browser.open("/sipol/partai/pnb/impor/pnb-abc");
        assertThat(browser.find("#import-bar").getAttribute("value")).isEqualTo("4000");
        browser.check("staf-alone", "2-impor-berjalan", SIZES);
        // staf.js polls the progress: the bar moves without a reload
        services.json("GET /api/parties/pnb/member-imports/pnb-abc", 200, """
                {"id":"pnb-abc","partyId":"pnb","fileName":"anggota-jakpus.csv","status":"RUNNING","rowsTotal":10000,
                 "rowsDone":7000,"imported":6920,"rejected":15,"flagged":65,"by":"operator.pnb",
                 "startedAt":"2029-01-02T03:04:05Z"}""");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> "7000".equals(browser.find("#import-bar").getAttribute("value")));
        assertThat(browser.find("#flagged").getText()).isEqualTo("65");
        services.json("GET /api/parties/pnb/member-imports/pnb-abc", 200, """
                {"id":"pnb-abc","partyId":"pnb","fileName":"anggota-jakpus.csv","status":"COMPLETED","rowsTotal":10000,
                 "rowsDone":10000,"imported":9985,"rejected":15,"flagged":80,"by":"operator.pnb",
                 "startedAt":"2029-01-02T03:04:05Z","finishedAt":"2029-01-02T03:04:15Z"}""");
        // staf.js reloads the page when the import finishes: the element found may belong to the page being replaced
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> browser.find("#report-link").isDisplayed());
        browser.check("staf-alone", "3-impor-selesai", SIZES);

        browser.open("/sipol/partai/pnb/anggota");
        browser.check("staf-alone", "4-anggota", SIZES);
        browser.open("/sipol/partai/pnb/aduan");
        assertThat(browser.find("#aduan-c-1").getText()).contains("5 hari");
        browser.check("staf-alone", "5-aduan", SIZES);
        browser.open("/silon/dapil/UJI-1/pnb");
        assertThat(browser.find("#posisi-4 .violations").getText()).contains("jumlah kursi");
        browser.check("staf-alone", "6-daftar-calon", SIZES);

        browser.clickAndWait(browser.find(".signed-in button"));
        keycloak.username = "kpu.jakpus";
        keycloak.roles = List.of("kpu-kabkota");
        keycloak.partyId = null;
        keycloak.regionCode = "31.71";
        browser.open("/sipol/partai/pnb/verifikasi");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> !browser.findAll("#queue").isEmpty());
        browser.check("staf-alone", "7-antrean-verifikasi", SIZES);
        browser.open("/silon/dapil/UJI-1");
        browser.check("staf-alone", "8-silon-verifikasi", SIZES);
    }

    private static FakeKeycloak keycloak() {
        try {
            return new FakeKeycloak();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
