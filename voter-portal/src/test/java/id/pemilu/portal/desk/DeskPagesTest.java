package id.pemilu.portal.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.portal.kpps.FakeServices;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The Desk Pilkada pages with MockMvc and a stand-in desk-pilkada: the user's token on every call, the reporter's TPS
 * list and form with the checks as data, a report sent with the form's Idempotency-Key, the refusals in words (double
 * report with who and when, outside the region, failing checks, not a number), the desk's progress, correction and
 * export, and people without a desk role refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskPagesTest {

    static final String DESA = "31.71.01.1001";
    static final String TPS = DESA + ".002";
    static final String C = "PILKADA_GUBERNUR";
    static final FakeServices desk = new FakeServices();

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("pemilu.portal.desk.url", desk::url);
        registry.add("pemilu.portal.sign-in.issuer", () -> desk.url() + "/realms/pemilu");
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @BeforeEach
    void answers() {
        desk.calls.clear();
        desk.json("GET /api/desk/progress?region=" + DESA + "&contest=" + C + "&limit=100", 200, """
                {"label":"Data cepat Desk Pilkada — bukan hasil resmi KPU",
                 "region":{"code":"31.71.01.1001","name":"Gambir","level":"DESA"},"contest":"PILKADA_GUBERNUR",
                 "generatedAt":"2029-11-27T03:00:00Z",
                 "tally":{"tpsTotal":2,"reported":1,"counted":1,"flagged":0,"notReported":1,"percentReported":50.0,
                   "lastReportAt":"2029-11-27T02:10:00Z","totals":[{"key":"votes.candidate.1","value":120}]},
                 "rows":[{"region":{"code":"31.71.01.1001.001"},"tally":{},"tps":{"tpsCode":"31.71.01.1001.001",
                   "status":"reported","reportedBy":"pelapor.gambir.1","reportedAt":"2029-11-27T02:10:00Z",
                   "updatedAt":"2029-11-27T02:10:00Z","corrections":0}},
                  {"region":{"code":"31.71.01.1001.002"},"tally":{},"tps":{"tpsCode":"31.71.01.1001.002",
                   "status":"belum_masuk","corrections":0}}],
                 "notReportedTps":["31.71.01.1001.002"],"latestReports":[],"flaggedReports":[],"races":1,"pairs":3}""");
        desk.json("GET /api/desk/progress?region=31.71&contest=" + C + "&limit=200", 200, """
                {"region":{"code":"31.71","name":"Kota Administrasi Jakarta Pusat","level":"KABKOTA"},
                 "generatedAt":"2029-11-27T03:00:00Z",
                 "tally":{"tpsTotal":10,"reported":4,"counted":3,"flagged":1,"notReported":6,"percentReported":40.0,
                   "totals":[{"key":"votes.candidate.1","value":321},{"key":"votes.valid","value":700}]},
                 "rows":[{"region":{"code":"31.71.01","name":"Gambir","level":"KECAMATAN"},
                   "tally":{"tpsTotal":10,"reported":4,"flagged":1,"percentReported":40.0}}],
                 "notReportedTps":["31.71.01.1001.005"],"latestReports":[],
                 "flaggedReports":[{"tpsCode":"31.71.01.1001.003","status":"flagged","reportedBy":"pelapor.gambir.2",
                   "updatedAt":"2029-11-27T02:20:00Z","corrections":0}],"races":1,"pairs":3}""");
        desk.json("GET /api/desk/form/" + TPS + "/" + C, 200, """
                {"label":"x","tpsCode":"31.71.01.1001.002","desaCode":"31.71.01.1001","desaName":"Gambir",
                 "contest":"PILKADA_GUBERNUR","pairs":3,"dpt":250,"ballots":255,"maxVoters":600,"reservePercent":2,
                 "mayReport":true,"mayCorrect":true,"report":null}""");
    }

    RequestPostProcessor user(String username, String role, String region) {
        Map<String, Object> claims = new HashMap<>(Map.of("sub", username, "preferred_username", username,
                "realm_access", Map.of("roles", List.of(role))));
        if (region != null) {
            claims.put("region_code", region);
        }
        OidcIdToken idToken = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(600), claims);
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role));
        return authentication(new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, idToken,
                "preferred_username"), authorities, "keycloak"));
    }

    MockHttpSession session(String token) {
        MockHttpSession session = new MockHttpSession();
        OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token,
                Instant.now().minusSeconds(10), Instant.now().plusSeconds(600));
        OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registrations.findByRegistrationId("keycloak"),
                "someone", access, null);
        session.setAttribute(HttpSessionOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS",
                new HashMap<>(Map.of("keycloak", client)));
        return session;
    }

    RequestPostProcessor reporter() {
        return user("pelapor.gambir.1", "desk-pelapor", DESA);
    }

    @Test
    void theDeskNeedsSignInAndADeskRole() throws Exception {
        mvc.perform(get("/desk")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        mvc.perform(get("/desk").session(session("t")).with(user("kpps.gambir.1", "kpps", null)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("untuk pelapor dan petugas Desk Pilkada")));
        assertThat(desk.calls).isEmpty();
    }

    @Test
    void aReporterSeesTheTpsOfTheirDesaMarkedUnofficial() throws Exception {
        mvc.perform(get("/desk").session(session("token-pelapor")).with(reporter()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("BUKAN DATA RESMI"),
                        containsString("bukan hasil resmi KPU"), containsString("Pelapor Desk Pilkada"),
                        containsString("href=\"/desk/tps/" + TPS + "/" + C + "\""), containsString("Laporkan"),
                        containsString("pelapor.gambir.1"), containsString("09.10 WIB"))))
                // a reporter does not get the desk's totals or exports
                .andExpect(content().string(not(containsString("/desk/ekspor"))));
        assertThat(desk.calls("GET /api/desk/progress")).singleElement()
                .satisfies(c -> assertThat(c.authorization()).isEqualTo("Bearer token-pelapor"));
    }

    @Test
    void aRegionOutsideTheReportersScopeIsRefusedBeforeAsking() throws Exception {
        mvc.perform(get("/desk").param("wilayah", "31.71.01.1002").session(session("t")).with(reporter()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("tidak mencakup wilayah 31.71.01.1002")));
        assertThat(desk.calls).isEmpty();
    }

    @Test
    void theFormCarriesTheChecksAndAReportIsSentWithThePhonesKey() throws Exception {
        mvc.perform(get("/desk/tps/" + TPS + "/" + C).session(session("t")).with(reporter()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"desk-report\""), containsString("name=\"p3\""),
                        containsString("name=\"total\""), containsString("\"ballots\""), containsString("\"value\":255"),
                        containsString("BUKAN DATA RESMI"), containsString("DPT <span>250</span>"))));
        desk.json("POST /api/desk/reports/" + TPS + "/" + C, 201, """
                {"tpsCode":"31.71.01.1001.002","status":"reported","replay":false}""");
        mvc.perform(post("/desk/tps/" + TPS + "/" + C).session(session("token-pelapor")).with(reporter()).with(csrf())
                        .param("idempotencyKey", "phone-key-123").param("p1", "120").param("p2", "95")
                        .param("p3", "60").param("valid", "275").param("invalid", "5").param("total", "280"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/desk/tps/" + TPS + "/" + C + "?terkirim=baru"));
        FakeServices.Call sent = desk.calls("POST /api/desk/reports/").get(0);
        assertThat(sent.idempotencyKey()).isEqualTo("phone-key-123");
        assertThat(sent.authorization()).isEqualTo("Bearer token-pelapor");
        assertThat(sent.text()).isEqualTo("{\"candidates\":[120,95,60],\"valid\":275,\"invalid\":5,\"total\":280}");
    }

    @Test
    void aDoubleReportIsRefusedSayingWhoReportedWhen() throws Exception {
        desk.json("POST /api/desk/reports/" + TPS + "/" + C, 409, """
                {"status":409,"title":"Sudah dilaporkan","detail":"TPS sudah dilaporkan",
                 "tpsCode":"31.71.01.1001.002","reportedBy":"pelapor.gambir.2","reportedAt":"2029-11-27T02:15:00Z",
                 "reportStatus":"reported"}""");
        mvc.perform(post("/desk/tps/" + TPS + "/" + C).session(session("t")).with(reporter()).with(csrf())
                        .param("idempotencyKey", "phone-key-456").param("p1", "1").param("p2", "2").param("p3", "3")
                        .param("valid", "6").param("invalid", "0").param("total", "6"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("Laporan ditolak: TPS ini sudah dilaporkan"),
                        containsString("pelapor.gambir.2"), containsString("27 November 2029, 09.15 WIB"),
                        containsString("koreksi dengan alasan"))));
    }

    @Test
    void refusalsAndFailingChecksAreExplained() throws Exception {
        desk.json("POST /api/desk/reports/" + TPS + "/" + C, 403, """
                {"status":403,"detail":"Wilayah tugas Anda (31.71.01.1002) tidak mencakup TPS 31.71.01.1001.002."}""");
        mvc.perform(post("/desk/tps/" + TPS + "/" + C).session(session("t")).with(reporter()).with(csrf())
                        .param("p1", "1").param("p2", "2").param("p3", "3").param("valid", "6").param("invalid", "0")
                        .param("total", "6"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("tidak mencakup TPS 31.71.01.1001.002")));
        desk.json("POST /api/desk/reports/" + TPS + "/" + C, 422, """
                {"status":422,"title":"Perlu alasan tertulis","detail":"Angka tidak lolos pemeriksaan",
                 "flags":[{"code":"VOTES_SUM","message":"Jumlah suara pasangan calon (7) tidak sama dengan suara sah (6)"}]}""");
        mvc.perform(post("/desk/tps/" + TPS + "/" + C).session(session("t")).with(reporter()).with(csrf())
                        .param("p1", "1").param("p2", "2").param("p3", "4").param("valid", "6").param("invalid", "0")
                        .param("total", "6"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("tulis alasannya"),
                        containsString("Suara pasangan calon tidak sama dengan suara sah"),
                        containsString("value=\"4\""))));
        int before = desk.calls.size();
        mvc.perform(post("/desk/tps/" + TPS + "/" + C).session(session("t")).with(reporter()).with(csrf())
                        .param("p1", "1O").param("p2", "2").param("p3", "3").param("valid", "6").param("invalid", "0")
                        .param("total", "6"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Isi dengan angka saja (tanpa titik atau spasi): Paslon 1")));
        assertThat(desk.calls("POST")).hasSize(2);
        assertThat(desk.calls.size()).isEqualTo(before + 1); // only the form was read again
    }

    @Test
    void theRegionalDeskStopsAndLetsAgainItsReporters() throws Exception {
        RequestPostProcessor jakpus = user("desk.jakpus", "desk-pilkada", "31.71");
        desk.json("GET /api/desk/reporters?region=31.71&contest=" + C, 200, """
                [{"username":"pelapor.gambir.1","reports":3,"flagged":1,"lastReportAt":"2029-11-27T02:10:00Z",
                  "blocked":false},
                 {"username":"pelapor.lama","reports":0,"flagged":0,"blocked":true,"blockedReason":"akun dipinjamkan"}]""");
        mvc.perform(get("/desk/pelapor").session(session("token-desk")).with(jakpus))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("pelapor.gambir.1"), containsString("3</span> TPS"),
                        containsString("nonaktif: <span>akun dipinjamkan</span>"),
                        containsString("/desk/pelapor/pelapor.gambir.1/nonaktif"),
                        containsString("/desk/pelapor/pelapor.lama/aktif"))));
        desk.json("POST /api/desk/reporters/pelapor.gambir.1/block", 200, """
                {"username":"pelapor.gambir.1","regionCode":"31.71","blocked":true}""");
        mvc.perform(post("/desk/pelapor/pelapor.gambir.1/nonaktif").session(session("token-desk")).with(jakpus)
                        .with(csrf()).param("reason", "mengirim TPS di luar tugasnya"))
                .andExpect(redirectedUrl("/desk/pelapor"));
        FakeServices.Call block = desk.calls("POST /api/desk/reporters/pelapor.gambir.1/block").get(0);
        assertThat(block.text()).isEqualTo("{\"reason\":\"mengirim TPS di luar tugasnya\"}");
        assertThat(block.authorization()).isEqualTo("Bearer token-desk");
        // reporters and the national desk do not manage reporters
        mvc.perform(get("/desk/pelapor").session(session("t")).with(reporter())).andExpect(status().isForbidden());
        mvc.perform(get("/desk/pelapor").session(session("t")).with(user("desk.kemendagri", "desk-nasional", null)))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePublicSeesTheQuickNumbersLabelledBesideKpusCountWithTheDifferences() throws Exception {
        desk.json("GET /api/desk/public/comparison?region=" + DESA + "&contest=" + C, 200, """
                {"label":"Data cepat Desk Pilkada — bukan hasil resmi KPU",
                 "region":{"code":"31.71.01.1001","name":"Gambir","level":"DESA"},"contest":"PILKADA_GUBERNUR",
                 "generatedAt":"2029-11-27T03:00:00Z",
                 "desk":{"tpsTotal":6,"reported":3,"counted":2,"flagged":1,"percentReported":50.0,
                   "lastReportAt":"2029-11-27T02:10:00Z","totals":[]},
                 "kpu":{"label":"Hasil hitung KPU (Sirekap) — hanya hasil yang dihitung","available":true,
                   "countedTps":1,"flaggedTps":0,"totals":[]},
                 "pairs":[{"key":"votes.candidate.1","name":"Pasangan calon 1","desk":1250,"kpu":1238,"difference":12},
                          {"key":"votes.candidate.2","name":"Pasangan calon 2","desk":90,"kpu":95,"difference":-5}],
                 "sameTps":{"tps":1,"pairs":[{"key":"votes.candidate.1","desk":100,"kpu":88,"difference":12}]},
                 "perTps":[{"tpsCode":"31.71.01.1001.001","largestDifference":12,"large":true,
                   "pairs":[{"key":"votes.candidate.1","desk":100,"kpu":88,"difference":12}]}]}""");
        mvc.perform(get("/hasil/data-cepat").param("wilayah", DESA).param("pilkada", C))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("public")))
                .andExpect(content().string(allOf(containsString("BUKAN DATA RESMI"),
                        containsString("bukan hasil resmi KPU"), containsString("Hasil hitung KPU (Sirekap)"),
                        containsString("1.250"), containsString("1.238"), containsString("+12"),
                        containsString("-5"), containsString("selisih besar"),
                        containsString("href=\"/tps/31.71.01.1001.001\""))));
        assertThat(desk.calls("GET /api/desk/public/comparison").get(0).authorization()).isNull();
    }

    @Test
    void theDeskSeesItsRegionFlaggedReportsCorrectsAndExports() throws Exception {
        RequestPostProcessor jakpus = user("desk.jakpus", "desk-pilkada", "31.71");
        mvc.perform(get("/desk").session(session("token-desk")).with(jakpus))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kota Administrasi Jakarta Pusat"),
                        containsString("Jumlah cepat"), containsString("321"), containsString("Laporan ditandai (<span>1</span>)"),
                        containsString("31.71.01.1001.003"), containsString("/desk/ekspor?wilayah=31.71&amp;pilkada="
                                + C + "&amp;format=pdf"), containsString("BUKAN DATA RESMI"))));
        desk.json("POST /api/desk/reports/" + TPS + "/" + C + "/corrections", 200, """
                {"tpsCode":"31.71.01.1001.002","status":"reported"}""");
        mvc.perform(post("/desk/tps/" + TPS + "/" + C + "/koreksi").session(session("token-desk")).with(jakpus)
                        .with(csrf()).param("idempotencyKey", "desk-key-1").param("p1", "120").param("p2", "95")
                        .param("p3", "60").param("valid", "275").param("invalid", "5").param("total", "280")
                        .param("reason", "salah ketik paslon 2, dicek dengan foto formulir"))
                .andExpect(redirectedUrl("/desk/tps/" + TPS + "/" + C + "?terkirim=koreksi"));
        assertThat(desk.calls("POST /api/desk/reports/" + TPS + "/" + C + "/corrections").get(0).text())
                .contains("\"reason\":\"salah ketik paslon 2, dicek dengan foto formulir\"");
        desk.bytes("GET /api/desk/export?region=31.71&contest=" + C + "&format=pdf", "application/pdf",
                "%PDF-1.7 stand-in".getBytes());
        mvc.perform(get("/desk/ekspor").param("wilayah", "31.71").param("pilkada", C).param("format", "pdf")
                        .session(session("token-desk")).with(jakpus))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(content().string("%PDF-1.7 stand-in"));
        mvc.perform(get("/desk/ekspor").param("wilayah", "31.72").param("format", "csv").session(session("t"))
                        .with(jakpus))
                .andExpect(status().isForbidden());
    }

    static final String SHA = "ab".repeat(32);

    /** A report of TPS .002 with the reporter's photo of the form attached. */
    static String reportedWithPhoto() {
        return """
                {"label":"x","tpsCode":"31.71.01.1001.002","desaCode":"31.71.01.1001","desaName":"Gambir",
                 "contest":"PILKADA_GUBERNUR","pairs":3,"dpt":250,"ballots":255,"maxVoters":600,"reservePercent":2,
                 "mayReport":true,"mayCorrect":true,
                 "report":{"tpsCode":"31.71.01.1001.002","contest":"PILKADA_GUBERNUR","status":"reported","counted":true,
                   "numbers":{"candidates":[120,95,60],"valid":275,"invalid":5,"total":280},"flags":[],
                   "reportedBy":"pelapor.gambir.1","reportedAt":"2029-11-27T02:10:00Z",
                   "updatedAt":"2029-11-27T02:10:00Z","version":1,"corrections":0,"history":[],
                   "photos":[{"sha256":"%s","contentType":"image/jpeg","size":524288,"by":"pelapor.gambir.1",
                     "at":"2029-11-27T02:12:00Z"}]}}""".formatted(SHA);
    }

    @Test
    void theDeskSeesTheReportersPhotoBesideTheNumbersTurnedAndZoomedWithoutScript() throws Exception {
        desk.json("GET /api/desk/form/" + TPS + "/" + C, 200, reportedWithPhoto());
        var jakpus = user("desk.jakpus", "desk-pilkada", "31.71");
        String page = mvc.perform(get("/desk/tps/" + TPS + "/" + C).param("putar", "90").param("perbesar", "2")
                        .session(session("token-desk")).with(jakpus))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String photo = "/desk/tps/" + TPS + "/" + C + "/foto/" + SHA;
        assertThat(page).contains("id=\"report-review\"").contains("src=\"" + photo + "\"")
                .contains("rot-90 zoom-2").contains("putar=180&amp;perbesar=2").contains("putar=90&amp;perbesar=3")
                .contains("id=\"report-numbers\"").contains("pelapor.gambir.1").contains("512</span> KB")
                .doesNotContain("id=\"desk-photo\""); // only a reporter attaches photos
        assertThat(page.indexOf("id=\"photo-title\"")).as("photo beside (before) the numbers")
                .isLessThan(page.indexOf("id=\"report-numbers\""));

        desk.bytes("GET /api/desk/photos/" + SHA, "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});
        mvc.perform(get(photo).session(session("token-desk")).with(jakpus))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        assertThat(desk.calls("GET /api/desk/photos/" + SHA)).singleElement()
                .satisfies(c -> assertThat(c.authorization()).isEqualTo("Bearer token-desk"));

        desk.json("GET /api/desk/photos/" + SHA, 403, "{\"status\":403,\"detail\":\"di luar wilayah\"}");
        mvc.perform(get(photo).session(session("t")).with(jakpus)).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("di luar wilayah tugas Anda")));
        mvc.perform(get("/desk/tps/" + TPS + "/" + C + "/foto/bukan-sha").session(session("t")).with(jakpus))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aReportWithoutPhotoSaysSoAndTheReporterAttachesOne() throws Exception {
        desk.json("GET /api/desk/form/" + TPS + "/" + C, 200, reportedWithPhoto().replaceAll(
                "(?s)\"photos\":\\[.*?\\]", "\"photos\":[]"));
        mvc.perform(get("/desk/tps/" + TPS + "/" + C).session(session("t")).with(reporter()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Pelapor tidak melampirkan foto formulir"),
                        containsString("id=\"desk-photo\""), containsString("capture=\"environment\""))));

        desk.json("POST /api/desk/reports/" + TPS + "/" + C + "/photo", 201, """
                {"sha256":"%s","contentType":"image/jpeg","size":4,"by":"pelapor.gambir.1"}""".formatted(SHA));
        mvc.perform(multipart("/desk/tps/" + TPS + "/" + C + "/foto")
                        .file(new MockMultipartFile("photo", "formulir.jpg", "image/jpeg", new byte[] {(byte) 0xFF,
                                (byte) 0xD8, 1, 2}))
                        .session(session("token-pelapor")).with(reporter()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/desk/tps/" + TPS + "/" + C + "?terkirim=foto#foto"));
        FakeServices.Call sent = desk.calls("POST /api/desk/reports/" + TPS + "/" + C + "/photo").get(0);
        assertThat(sent.authorization()).isEqualTo("Bearer token-pelapor");
        assertThat(sent.contentType()).startsWith("multipart/form-data");
        assertThat(sent.text()).contains("name=\"photo\"").contains("filename=\"formulir.jpg\"");

        desk.json("POST /api/desk/reports/" + TPS + "/" + C + "/photo", 413, """
                {"status":413,"title":"Foto terlalu besar","detail":"Foto lebih dari 8 MiB."}""");
        mvc.perform(multipart("/desk/tps/" + TPS + "/" + C + "/foto")
                        .file(new MockMultipartFile("photo", "besar.jpg", "image/jpeg", new byte[] {1}))
                        .session(session("t")).with(reporter()).with(csrf()))
                .andExpect(flash().attribute("photoError", allOf(containsString("Foto lebih dari 8 MiB."),
                        containsString("resolusi kamera lebih kecil"))));
        mvc.perform(get("/desk/tps/" + TPS + "/" + C).param("ditolak", "terlalu-besar").session(session("t"))
                        .with(reporter()))
                .andExpect(content().string(containsString("Foto tidak terkirim: terlalu besar")));
    }
}
