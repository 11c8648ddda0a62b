package id.pemilu.portal.rekap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
 * The reconciliation desk with MockMvc against a stand-in recap-service: the officer's token on every call, the work
 * list, the TPS review (checks in words, machine reading, history; verify/correct/dispute with their refusals, the
 * portal's own checks before sending, corrections through the session while it runs), the session page (blockers,
 * refusals with their list, an accepted objection sending only the changed numbers), a service 403 for another
 * region shown as a page, the staff home and the penetapan page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RekapPagesTest {

    static final String KEC = "31.71.01";
    static final String TPS = "31.71.01.1001.001";
    static final String SUB = "0b6f0c1e-4a53-3f3f-9d7e-3f1d2f6f8a10";
    static final FakeServices services = new FakeServices();

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("pemilu.portal.recap-service-url", services::url);
        registry.add("pemilu.portal.sign-in.issuer", () -> services.url() + "/realms/pemilu");
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    /** A consistent Pilkada result: 300 DPT, 240 voters, candidates 100 + 80 + 55 = 235 valid, 5 invalid. */
    static String values(int c1) {
        int valid = c1 + 80 + 55;
        return """
                [{"key":"dpt.men","value":150},{"key":"dpt.women","value":150},{"key":"dpt.total","value":300},
                 {"key":"voted.all.total","value":240},{"key":"ballots.received","value":306},
                 {"key":"ballots.used","value":240},{"key":"ballots.unused","value":65},{"key":"ballots.damaged","value":1},
                 {"key":"votes.candidate.1","value":%d},{"key":"votes.candidate.2","value":80},
                 {"key":"votes.candidate.3","value":55},{"key":"votes.valid","value":%d},{"key":"votes.invalid","value":5},
                 {"key":"votes.total","value":240}]""".formatted(c1, valid);
    }

    @BeforeEach
    void answers() {
        services.calls.clear();
        services.json("GET /api/recap/public/tps/" + TPS, 200, """
                {"tpsCode":"%s","path":[{"code":"31","name":"DKI JAKARTA"},{"code":"31.71.01","name":"GAMBIR"}],
                 "dptMen":150,"dptWomen":150,"dpt":300,"ballots":[]}""".formatted(TPS));
        // a flagged result: 190 written for candidate 1 (the reader saw 100), valid votes still 235
        services.json("GET /api/recap/tps/" + TPS + "/ballots/PILKADA_BUPATI", 200, """
                {"tpsCode":"%s","ballotType":"PILKADA_BUPATI","status":"flagged","resultVersion":1,"values":%s,
                 "flags":[{"code":"VOTES_SUM","message":"Jumlah suara pasangan calon (325) tidak sama dengan suara sah (235)"}],
                 "source":"photo","submissionId":"%s",
                 "history":[{"resultVersion":1,"status":"FLAGGED","by":"kpps.gambir.1","role":"kpps",
                   "at":"2029-02-14T10:00:00Z","reason":"angka di formulir memang begitu","values":%s}]}"""
                .formatted(TPS, values(190).replace("\"value\":325", "\"value\":235"), SUB, values(190)));
        services.json("GET /api/recap/submissions/" + SUB, 200, """
                {"submissionId":"%s","tpsCode":"%s","ballotType":"PILKADA_BUPATI","status":"draft",
                 "photos":[{"page":1,"sha256":"abc","width":800,"height":1100}],
                 "draft":[{"key":"votes.candidate.1","value":100,"needsReview":false}]}""".formatted(SUB, TPS));
        services.json("GET /api/recap/sessions/PILKADA_BUPATI/" + KEC, 404, "{\"status\":404,\"detail\":\"Belum ada sesi\"}");
        services.json("GET /api/recap/worklist/PILKADA_BUPATI/" + KEC, 200, """
                {"regionCode":"31.71.01","regionName":"Gambir","tier":"KECAMATAN","ballotType":"PILKADA_BUPATI",
                 "session":null,"counts":{"rows":3,"tpsTotal":3,"counted":1,"flagged":1,"disputed":0,"readingsDisagree":0,
                   "notReported":1,"decided":0,"openReports":2,"finalized":0},
                 "rows":[{"code":"31.71.01.1001.002","name":"TPS 002","parentName":"Gambir","status":"submitted","flags":[],
                   "tpsTotal":1,"countedTps":1,"openReports":0},
                  {"code":"31.71.01.1001.003","name":"TPS 003","parentName":"Gambir","status":"belum_masuk","flags":[],
                   "tpsTotal":1,"notReportedTps":1,"openReports":0},
                  {"code":"%s","name":"TPS 001","parentName":"Gambir","status":"flagged",
                   "flags":[{"code":"VOTES_SUM","message":"x"}],"tpsTotal":1,"flaggedTps":1,"openReports":2}]}"""
                .formatted(TPS));
        services.json("GET /api/recap/sessions/PILKADA_BUPATI/" + KEC + "/readiness", 200, """
                {"regionCode":"31.71.01","ballotType":"PILKADA_BUPATI","status":"preparing","exists":false,
                 "canOpen":false,"openBlockers":["TPS 31.71.01.1001.003: belum ada hasil dan belum ada keputusan"],
                 "canFinalize":false,"finalizeBlockers":[]}""");
        services.json("GET /api/recap/public/dhasil/PILKADA_BUPATI/" + KEC, 404, "{\"status\":404}");
        String reports = """
                [{"tpsCode":"%s","reason":"NUMBERS_DIFFER","label":"Angka berbeda dengan foto C.Hasil","status":"open",
                  "count":3,"reporters":2,"firstAt":"2029-02-14T10:00:00Z","lastAt":"2029-02-14T11:00:00Z",
                  "samples":[{"ballotType":"PILKADA_BUPATI","field":"votes.candidate.1",
                    "text":"di foto paslon 1 dapat 100, bukan 190","at":"2029-02-14T10:00:00Z"}],"closed":[]},
                 {"tpsCode":"%s","reason":"PHOTO_UNREADABLE","label":"Foto tidak terbaca","status":"closed","count":0,
                  "reporters":0,"samples":[],"closed":[{"count":1,"reporters":1,"samples":[],"closedBy":"ppk.gambir",
                    "closedRole":"ppk","closeReason":"foto halaman 2 diunggah ulang","closedAt":"2029-02-14T12:00:00Z"}]}]"""
                .formatted(TPS, TPS);
        services.json("GET /api/recap/tps/" + TPS + "/reports", 200, reports);
        services.json("GET /api/recap/reports?region=" + KEC + "&status=all&limit=500", 200, reports);
        String recommendations = """
                [{"id":"rek-1","target":"%s","targetKind":"TPS","ballotType":"PILKADA_BUPATI","kind":"RECOUNT",
                  "kindLabel":"Penghitungan suara ulang","reason":"saksi paslon 2 melihat salah tulis di C.Hasil",
                  "responsibleRegion":"31.71.01","recordedBy":"bawaslu.jakpus","recordedAt":"2029-02-14T13:00:00Z",
                  "status":"open","answer":null}]""".formatted(TPS);
        services.json("GET /api/recap/recommendations?region=" + TPS, 200, recommendations);
        services.json("GET /api/recap/recommendations?region=" + KEC, 200, recommendations);
    }

    RequestPostProcessor staff(String username, String role, String region) {
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
        session.setAttribute(HttpSessionOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS",
                new HashMap<>(Map.of("keycloak", new OAuth2AuthorizedClient(registrations
                        .findByRegistrationId("keycloak"), "ppk.gambir", access, null))));
        return session;
    }

    /** The page's text without tags, spaces collapsed. */
    static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    RequestPostProcessor ppk() {
        return staff("ppk.gambir", "ppk", KEC);
    }

    @Test
    void theWorkListShowsCountsAndPutsTheFlaggedTpsFirstWithTheOfficersToken() throws Exception {
        String page = text(mvc.perform(get("/rekap/PILKADA_BUPATI/" + KEC).session(session("token-ppk")).with(ppk()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page).contains("Daftar kerja Kecamatan Gambir").contains("ditandai").contains("belum masuk")
                .contains("laporan warga/saksi terbuka");
        assertThat(page.indexOf("TPS 001")).as("flagged first").isLessThan(page.indexOf("TPS 003"));
        assertThat(page.indexOf("TPS 003")).as("then not reported").isLessThan(page.indexOf("TPS 002"));
        assertThat(services.calls("GET /api/recap/worklist/")).allSatisfy(c ->
                assertThat(c.authorization()).isEqualTo("Bearer token-ppk"));
        String notReported = mvc.perform(get("/rekap/PILKADA_BUPATI/" + KEC + "?tampil=belum")
                .session(session("token-ppk")).with(ppk())).andReturn().getResponse().getContentAsString();
        assertThat(notReported).contains("TPS 003").doesNotContain(">TPS 001<").doesNotContain(">TPS 002<");
    }

    @Test
    void theWorkListLinksItsReportCountsToWhoSaidWhatAndItsStatus() throws Exception {
        String list = mvc.perform(get("/rekap/PILKADA_BUPATI/" + KEC).session(session("t")).with(ppk()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("href=\"/rekap/PILKADA_BUPATI/" + KEC + "/laporan\"")
                .contains("href=\"/rekap/PILKADA_BUPATI/tps/" + TPS + "#laporan\"");
        String page = text(mvc.perform(get("/rekap/PILKADA_BUPATI/" + KEC + "/laporan").session(session("t"))
                .with(ppk())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page).contains("Laporan warga dan saksi ( 1 terbuka)")
                .contains("terbuka Angka berbeda dengan foto C.Hasil").contains("TPS " + TPS)
                .contains("3 laporan dari 2 pelapor")
                .contains("\u201cdi foto paslon 1 dapat 100, bukan 190\u201d (Bupati/Wali Kota,")
                .contains("ditutup Foto tidak terbaca")
                .contains("Ditutup oleh ppk.gambir (ppk)").contains("\u201cfoto halaman 2 diunggah ulang\u201d")
                .contains("Rekomendasi Bawaslu ( 1 belum dijawab)").contains("Penghitungan suara ulang")
                .contains("dicatat oleh bawaslu.jakpus").contains("\u201csaksi paslon 2 melihat salah tulis di C.Hasil\u201d")
                .doesNotContain("Tutup laporan ini"); // decided on the TPS's own page
        assertThat(services.calls("GET /api/recap/reports?region=" + KEC)).hasSize(1);
    }

    @Test
    void theReviewShowsTheTpsReportsAndRecommendationsAndTheyAreAnsweredWithAReason() throws Exception {
        String page = mvc.perform(get("/rekap/PILKADA_BUPATI/tps/" + TPS).session(session("t")).with(ppk()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text(page)).contains("Laporan warga dan saksi ( 1 terbuka)").contains("3 laporan dari 2 pelapor")
                .contains("Rekomendasi Bawaslu ( 1 belum dijawab)").contains("dicatat oleh bawaslu.jakpus");
        assertThat(page).contains("action=\"/rekap/PILKADA_BUPATI/tps/" + TPS + "/laporan/NUMBERS_DIFFER/tutup\"")
                .doesNotContain("/laporan/PHOTO_UNREADABLE/tutup") // already closed
                .contains("action=\"/rekap/PILKADA_BUPATI/tps/" + TPS + "/rekomendasi/rek-1/jawab\"");

        // without a reason nothing is sent
        mvc.perform(post("/rekap/PILKADA_BUPATI/tps/" + TPS + "/laporan/NUMBERS_DIFFER/tutup").with(csrf())
                        .session(session("t")).with(ppk()).param("why", "ok"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("concernError", containsString("tulis apa yang sudah diperiksa")));
        assertThat(services.calls("POST /api/recap/tps/")).isEmpty();

        services.json("POST /api/recap/tps/" + TPS + "/reports/NUMBERS_DIFFER/close", 200, """
                {"tpsCode":"%s","reason":"NUMBERS_DIFFER","label":"Angka berbeda dengan foto C.Hasil","status":"closed"}"""
                .formatted(TPS));
        mvc.perform(post("/rekap/PILKADA_BUPATI/tps/" + TPS + "/laporan/NUMBERS_DIFFER/tutup").with(csrf())
                        .session(session("t")).with(ppk()).param("why", "dikoreksi jadi 100 sesuai C.Hasil kertas"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/rekap/PILKADA_BUPATI/tps/" + TPS + "#laporan"))
                .andExpect(flash().attribute("done", containsString("ditutup atas nama ppk.gambir")));
        assertThat(services.calls("POST /api/recap/tps/" + TPS + "/reports/NUMBERS_DIFFER/close").get(0).text())
                .contains("\"reason\":\"dikoreksi jadi 100 sesuai C.Hasil kertas\"");

        services.json("POST /api/recap/recommendations/rek-1/answer", 409,
                "{\"status\":409,\"detail\":\"Rekomendasi rek-1 sudah dijawab.\"}");
        mvc.perform(post("/rekap/PILKADA_BUPATI/tps/" + TPS + "/rekomendasi/rek-1/jawab").with(csrf())
                        .session(session("t")).with(ppk()).param("decision", "accepted")
                        .param("why", "dihitung ulang dalam pleno"))
                .andExpect(flash().attribute("concernError", containsString("sudah dijawab")));
        assertThat(services.calls("POST /api/recap/recommendations/rek-1/answer").get(0).text())
                .contains("\"decision\":\"accepted\"").contains("dihitung ulang dalam pleno");
    }

    @Test
    void theReviewShowsPhotoReadingFailingCheckAndHistory() throws Exception {
        mvc.perform(get("/rekap/PILKADA_BUPATI/tps/" + TPS + "?putar=90&perbesar=2").session(session("t")).with(ppk()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Suara semua calon harus sama dengan suara sah"),
                        containsString("Jumlah suara pasangan calon (325) tidak sama dengan suara sah (235)"),
                        containsString("1</span> isian berbeda dari"), containsString("rot-90 zoom-2"),
                        containsString("/rekap/PILKADA_BUPATI/tps/" + TPS + "/foto/1"),
                        containsString("putar=180"), containsString("kpps.gambir.1"), containsString(">KPPS</span>)"),
                        containsString("angka di formulir memang begitu"))));
    }

    @Test
    void aCorrectionIsCheckedBySendingOnlyWhatPassesAndConfirmsWhatItDid() throws Exception {
        // 190 + 80 + 55 != 235: the portal refuses before sending, in words
        mvc.perform(post("/rekap/PILKADA_BUPATI/tps/" + TPS + "/koreksi").with(csrf()).session(session("t")).with(ppk())
                        .param("v:votes.candidate.1", "190").param("v:votes.candidate.2", "81")
                        .param("reason", "dicocokkan dengan C.Hasil kertas"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Koreksi belum dikirim"),
                        containsString("jumlah suara sah 235 ≠ 190 + 81 + 55"))));
        // no reason: refused, nothing sent
        mvc.perform(post("/rekap/PILKADA_BUPATI/tps/" + TPS + "/koreksi").with(csrf()).session(session("t")).with(ppk())
                        .param("v:votes.candidate.1", "100").param("reason", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("tulis alasannya")));
        assertThat(services.calls("POST ")).isEmpty();

        services.json("POST /api/recap/tps/" + TPS + "/ballots/PILKADA_BUPATI/review", 200,
                "{\"status\":\"corrected\",\"resultVersion\":2}");
        mvc.perform(post("/rekap/PILKADA_BUPATI/tps/" + TPS + "/koreksi").with(csrf()).session(session("t")).with(ppk())
                        .param("v:votes.candidate.1", "100").param("reason", "dicocokkan dengan C.Hasil kertas"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/rekap/PILKADA_BUPATI/tps/" + TPS))
                .andExpect(flash().attribute("done", containsString("nomor urut 1 190 → 100")));
        FakeServices.Call sent = services.calls("POST /api/recap/tps/" + TPS + "/ballots/PILKADA_BUPATI/review").get(0);
        assertThat(sent.text()).contains("\"decision\":\"corrected\"")
                .contains("{\"key\":\"votes.candidate.1\",\"value\":100}").doesNotContain("votes.candidate.2");
    }

    @Test
    void whileTheSessionRunsACorrectionGoesThroughTheSessionAndARefusalSaysWhy() throws Exception {
        services.json("GET /api/recap/sessions/PILKADA_BUPATI/" + KEC, 200, "{\"status\":\"in_progress\"}");
        services.json("POST /api/recap/sessions/PILKADA_BUPATI/" + KEC + "/corrections", 409,
                "{\"status\":409,\"detail\":\"D.Hasil 31.71.01 sudah ditetapkan (versi 1)\"}");
        mvc.perform(post("/rekap/PILKADA_BUPATI/tps/" + TPS + "/koreksi").with(csrf()).session(session("t")).with(ppk())
                        .param("v:votes.candidate.1", "100").param("reason", "dicocokkan dengan C.Hasil kertas"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Koreksi ditolak: D.Hasil 31.71.01 sudah ditetapkan"),
                        containsString("dibuka kembali oleh KPU"))));
        assertThat(services.calls("POST /api/recap/sessions/PILKADA_BUPATI/" + KEC + "/corrections").get(0).text())
                .contains("\"target\":\"" + TPS + "\"");
        assertThat(services.calls("POST /api/recap/tps/")).isEmpty();
    }

    @Test
    void anotherRegionGetsTheServicesRefusalAsAClearPage() throws Exception {
        services.json("GET /api/recap/worklist/PPWP/31.71.02", 403, "{\"status\":403,\"detail\":\"Wilayah 31.71.02 "
                + "berada di luar wilayah Anda: daftar kerja hanya untuk wilayah yang Anda tangani.\"}");
        mvc.perform(get("/rekap/PPWP/31.71.02").session(session("t")).with(ppk()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("Akses ditolak"),
                        containsString("Wilayah 31.71.02 berada di luar wilayah Anda"),
                        containsString("Buka daftar kerja wilayah Anda sendiri"),
                        containsString("<p id=\"what-to-do\" class=\"notice\">Anda masuk sebagai PPK"))));
        assertThat(services.calls("GET /api/recap/worklist/PPWP/31.71.02")).hasSize(1);
    }

    @Test
    void anOutageAndBadInputArePagesInWordsWithTheWayBack() throws Exception {
        services.json("GET /api/recap/worklist/PPWP/31.71.03", 500, "{\"status\":500}");
        mvc.perform(get("/rekap/PPWP/31.71.03").session(session("t")).with(ppk()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(containsString("Layanan rekapitulasi sedang tidak menjawab"),
                        containsString("Tidak ada yang hilang atau berubah"), containsString("href=\"/staf\""))));
        mvc.perform(get("/rekap/BUKAN/" + KEC).session(session("t")).with(ppk()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Jenis surat suara tidak dikenal"),
                        containsString("href=\"/rekap\""))));
    }

    @Test
    void theSessionShowsWhatBlocksItAndARefusedFinalizationListsWhatIsLeft() throws Exception {
        mvc.perform(get("/rekap/PILKADA_BUPATI/" + KEC + "/sesi").session(session("t")).with(ppk()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sesi belum dapat dibuka"),
                        containsString("TPS 31.71.01.1001.003: belum ada hasil"), containsString("Catat keputusan"),
                        containsString("Buka sesi rekapitulasi"))));
        services.json("POST /api/recap/sessions/PILKADA_BUPATI/" + KEC + "/open", 409, """
                {"status":409,"title":"Sesi belum dapat dibuka","detail":"Setiap TPS harus punya hasil. Belum siap: 1.",
                 "notReady":["TPS 31.71.01.1001.003: belum ada hasil dan belum ada keputusan"]}""");
        mvc.perform(post("/rekap/PILKADA_BUPATI/" + KEC + "/sesi/buka").with(csrf()).session(session("t")).with(ppk()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sesi belum dapat dibuka: Setiap TPS harus punya hasil"),
                        containsString("catat keputusan (mis. PSU)"))));
    }

    @Test
    void anAcceptedObjectionSendsOnlyTheChangedNumbers() throws Exception {
        services.json("POST /api/recap/sessions/PILKADA_BUPATI/" + KEC + "/objections/K-1/answer", 200, """
                {"corrections":[{"id":"KR-1","target":"%s","changes":[{"key":"votes.candidate.1","before":190,"after":100}]}]}"""
                .formatted(TPS));
        mvc.perform(post("/rekap/PILKADA_BUPATI/" + KEC + "/sesi/keberatan/K-1/jawab").with(csrf()).session(session("t"))
                        .with(ppk()).param("decision", "accepted").param("reason", "kertas dibuka dalam pleno")
                        .param("was:votes.candidate.1", "190").param("v:votes.candidate.1", "100")
                        .param("was:votes.candidate.2", "80").param("v:votes.candidate.2", "80"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("done", containsString("Koreksi KR-1 atas " + TPS)));
        String body = services.calls("POST /api/recap/sessions/PILKADA_BUPATI/" + KEC + "/objections/K-1/answer")
                .get(0).text();
        assertThat(body).contains("\"decision\":\"accepted\"").contains("\"votes.candidate.1\"")
                .doesNotContain("votes.candidate.2");
    }

    @Test
    void theStaffHomeListsTheConsolesOfEachRole() throws Exception {
        mvc.perform(get("/staf").session(session("t")).with(ppk())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Meja rekapitulasi kecamatan"),
                        containsString("/rekap/PPWP/31.71.01"), not(containsString("Penetapan</a>")))));
        mvc.perform(get("/staf").session(session("t")).with(staff("kpu.ri", "kpu-ri", null)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/rekap/PPWP/ID"), containsString("Penetapan</a>"))));
        mvc.perform(get("/staf").session(session("t")).with(staff("kpps.gambir.1", "kpps", null)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("C.Hasil TPS saya")));
        mvc.perform(get("/rekap/PPWP/31.71.01")).andExpect(status().isFound());
    }
}
