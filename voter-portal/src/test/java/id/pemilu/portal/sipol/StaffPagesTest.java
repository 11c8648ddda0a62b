package id.pemilu.portal.sipol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.portal.kpps.FakeServices;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The Sipol and Silon screens with MockMvc against stand-ins for party-registry and candidate-service: the officer's
 * token on each call, the requirements checklist, the import upload and its progress (without JavaScript too), a
 * service's 403 shown with its reason, the list editor's violations beside their positions and a reorder that sends
 * candidate ids (never a NIK the screen does not have), and the portal's own refusals (TMS without a reason).
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaffPagesTest {

    static final FakeServices services = new FakeServices();

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("pemilu.portal.party-registry-url", services::url);
        registry.add("pemilu.portal.candidate-service-url", services::url);
        registry.add("pemilu.portal.sign-in.issuer", () -> services.url() + "/realms/pemilu");
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @BeforeEach
    void answers() {
        services.calls.clear();
        services.json("GET /api/parties/pnb", 200, """
                {"id":"pnb","name":"Partai Nusantara Bersatu","abbreviation":"PNB","ballotNumber":1,
                 "leadership":[{"name":"Ratna Dewi","role":"Ketua Umum","gender":"P"},
                               {"name":"Hasan Basri","role":"Sekretaris Jenderal","gender":"L"}],
                 "branches":[{"regionCode":"31"},{"regionCode":"31.71"},{"regionCode":"31.71.01"}]}""");
        services.json("GET /api/parties/pnb/requirements", 200, """
                {"partyId":"pnb","met":false,"computedAt":"2029-01-02T03:04:05Z","rules":[
                 {"rule":"KEPENGURUSAN_PROVINSI_100","description":"Kepengurusan di 100% provinsi","met":true,
                  "actual":38,"required":38,"failing":[]},
                 {"rule":"ANGGOTA_PER_KABKOTA","description":"Anggota tiap kab/kota","met":false,"actual":0,
                  "required":1,"failing":["31.71: 12/1000 anggota"]}]}""");
        services.json("GET /api/parties/pkr/requirements", 403, """
                {"status":403,"title":"Forbidden","detail":"Anda hanya boleh melihat data partai Anda sendiri."}""");
        services.json("GET /api/parties/pkr", 200, """
                {"id":"pkr","name":"Partai Karya Rakyat","abbreviation":"PKR","leadership":[],"branches":[]}""");
    }

    RequestPostProcessor operator(String party) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("keycloak"))
                .idToken(t -> t.claim("preferred_username", "operator." + party).claim("party_id", party)
                        .claim("realm_access", Map.of("roles", List.of("party-operator"))))
                .authorities(new SimpleGrantedAuthority("ROLE_party-operator"));
    }

    RequestPostProcessor kpu() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("keycloak"))
                .idToken(t -> t.claim("preferred_username", "kpu.jakpus").claim("region_code", "31.71")
                        .claim("realm_access", Map.of("roles", List.of("kpu-kabkota"))))
                .authorities(new SimpleGrantedAuthority("ROLE_kpu-kabkota"));
    }

    @Test
    void theOperatorSeesTheRequirementsAsAChecklistWithWhatIsMissing() throws Exception {
        mvc.perform(get("/sipol").with(operator("pnb"))).andExpect(redirectedUrl("/sipol/partai/pnb"));
        mvc.perform(get("/sipol/partai/pnb").with(operator("pnb"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Partai Nusantara Bersatu"),
                        containsString("class=\"met\" id=\"rule-KEPENGURUSAN_PROVINSI_100\""),
                        containsString("class=\"unmet\" id=\"rule-ANGGOTA_PER_KABKOTA\""),
                        containsString("31.71: 12/1000 anggota"), containsString("perempuan dari"))));
        assertThat(services.calls("GET /api/parties/pnb/requirements").get(0).authorization())
                .as("the operator's own token").startsWith("Bearer ");
    }

    @Test
    void anotherPartysPageShowsTheServicesRefusalAndWhatToDo() throws Exception {
        mvc.perform(get("/sipol/partai/pkr").with(operator("pnb"))).andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("Akses ditolak"),
                        containsString("Anda hanya boleh melihat data partai Anda sendiri."),
                        containsString("operator partai pnb: buka halaman partai Anda sendiri"))));
    }

    @Test
    void anUploadIsHandedToPartyRegistryAndItsProgressSurvivesAReload() throws Exception {
        services.json("POST /api/parties/pnb/member-imports?wait=false", 202, """
                {"id":"pnb-abc","partyId":"pnb","fileName":"anggota.csv","status":"RUNNING","rowsTotal":10000,
                 "rowsDone":0}""");
        services.json("GET /api/parties/pnb/member-imports/pnb-abc", 200, """
                {"id":"pnb-abc","partyId":"pnb","fileName":"anggota.csv","status":"RUNNING","rowsTotal":10000,
                 "rowsDone":4000,"imported":3900,"rejected":40,"flagged":60,"by":"operator.pnb",
                 "startedAt":"2029-01-02T03:04:05Z"}""");
        MockMultipartFile file = new MockMultipartFile("file", "anggota.csv", "text/csv",
                "nik,nama\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/sipol/partai/pnb/impor").file(file).with(operator("pnb")).with(csrf()))
                .andExpect(redirectedUrl("/sipol/partai/pnb/impor/pnb-abc"))
                .andExpect(flash().attribute("ok", containsString("10000 baris")));
        FakeServices.Call upload = services.calls("POST /api/parties/pnb/member-imports").get(0);
        assertThat(upload.contentType()).startsWith("multipart/form-data");
        assertThat(upload.text()).contains("filename=\"anggota.csv\"").contains("nik,nama");

        mvc.perform(get("/sipol/partai/pnb/impor/pnb-abc").with(operator("pnb"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<meta http-equiv=\"refresh\" content=\"3\">"),
                        containsString("max=\"10000\""), containsString("value=\"4000\""),
                        containsString("id=\"flagged\">60<"), containsString("id=\"rejected\">40<"))));
        mvc.perform(get("/sipol/partai/pnb/impor/pnb-abc/status").with(operator("pnb")))
                .andExpect(jsonPath("$.rowsDone").value(4000)).andExpect(jsonPath("$.running").value(true))
                .andExpect(jsonPath("$.percent").value(40));
    }

    @Test
    void aComplaintShowsItsCountdownAndTheAnswerIsConfirmed() throws Exception {
        Instant deadline = Instant.now().plus(3, ChronoUnit.DAYS).plus(5, ChronoUnit.HOURS);
        services.json("GET /api/parties/pnb/complaints", 200, """
                [{"id":"c-1","partyId":"pnb","kabKotaCode":"31.71","statement":"Saya tidak pernah mendaftar.",
                  "status":"OPEN","filedAt":"2029-01-01T00:00:00Z","answerDeadline":"%s"}]""".formatted(deadline));
        services.json("POST /api/parties/pnb/complaints/c-1/answer", 200, """
                {"id":"c-1","status":"ANSWERED"}""");
        mvc.perform(get("/sipol/partai/pnb/aduan").with(operator("pnb"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("3 hari 4 jam"), containsString("Kirim jawaban"))));
        mvc.perform(post("/sipol/partai/pnb/aduan/c-1/jawab").param("statement", "Formulir ada di kantor DPC.")
                        .with(operator("pnb")).with(csrf()))
                .andExpect(flash().attribute("ok", containsString("terkirim")));
        assertThat(services.calls("POST /api/parties/pnb/complaints/c-1/answer").get(0).text())
                .contains("Formulir ada di kantor DPC.");
    }

    @Test
    void aTmsWithoutReasonIsRefusedBeforeAnythingIsSent() throws Exception {
        mvc.perform(post("/sipol/partai/pnb/anggota/m-1/verifikasi").param("result", "TMS").param("name", "Budi")
                        .with(kpu()).with(csrf()))
                .andExpect(redirectedUrl("/sipol/partai/pnb/verifikasi"))
                .andExpect(flash().attribute("error", containsString("wajib disertai alasan")));
        assertThat(services.calls("PUT ")).isEmpty();
    }

    @Test
    void theListEditorShowsEachViolationBesideItsPositionAndReordersByCandidateId() throws Exception {
        services.json("GET /api/dapil/UJI-1", 200, """
                {"code":"UJI-1","name":"Dapil Uji","body":"DPRD_KABKOTA","areaCode":"31.71","seats":3,
                 "stage":"NOMINATION","dctVersion":0}""");
        String list = """
                {"listId":"UJI-1:pnb","dapilCode":"UJI-1","partyId":"pnb","seats":3,"dapilStage":"NOMINATION",
                 "status":"DRAFT","inDcs":false,"candidates":[
                  {"position":1,"candidateId":"id-a","nikMasked":"************0001","name":"Andi","gender":"L",
                   "birthDate":"1980-01-01","education":"S1","occupation":"SWASTA","documents":["KTP"]},
                  {"position":2,"candidateId":"id-b","nikMasked":"************0002","name":"Bunga","gender":"P",
                   "birthDate":"1981-01-01","education":"S1","occupation":"SWASTA","documents":["KTP"]}],
                 "violations":[{"rule":"SATU_DARI_TIGA","position":2,"message":"Posisi 2 perlu dicek"},
                  {"rule":"PARTAI_MEMENUHI_SYARAT","position":null,"message":"Partai belum memenuhi syarat."}],
                 "changes":[]}""";
        services.json("GET /api/candidates/lists/UJI-1/pnb", 200, list);
        services.json("PUT /api/candidates/lists/UJI-1/pnb", 200, list.replace("\"violations\":[{", "\"x\":[{"));
        String page = mvc.perform(get("/silon/dapil/UJI-1/pnb").with(operator("pnb"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String second = page.substring(page.indexOf("id=\"posisi-2\""), page.indexOf("id=\"posisi-2\"") + 4000);
        assertThat(second).contains("1 perempuan tiap 3 posisi").contains("Posisi 2 perlu dicek");
        assertThat(page.substring(page.indexOf("id=\"violations\""))).contains("Partai belum memenuhi syarat.");

        mvc.perform(post("/silon/dapil/UJI-1/pnb/calon/id-b/naik").with(operator("pnb")).with(csrf()))
                .andExpect(redirectedUrl("/silon/dapil/UJI-1/pnb"))
                .andExpect(flash().attribute("ok", containsString("Bunga dipindah ke posisi 1")));
        String sent = services.calls("PUT /api/candidates/lists/UJI-1/pnb").get(0).text();
        assertThat(sent.indexOf("id-b")).isLessThan(sent.indexOf("id-a"));
        assertThat(sent).doesNotContain("\"nik\"");
    }

    @Test
    void aCitizenIsSentToSignInAndAKppsOfficerIsToldTheseScreensAreNotTheirs() throws Exception {
        mvc.perform(get("/silon")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/sipol").with(oidcLogin().clientRegistration(registrations.findByRegistrationId("keycloak"))
                        .idToken(t -> t.claim("preferred_username", "kpps.gambir.4").claim("tps_code", "x")
                                .claim("realm_access", Map.of("roles", List.of("kpps"))))))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("untuk operator partai, KPU dan Bawaslu"),
                        not(containsString("Partai Nusantara")))));
    }

    @Test
    void kpuScreensRenderFromTheServicesAnswers() throws Exception {
        services.json("GET /api/parties/pnb/members?limit=50&kabKotaCode=31.71&status=PENDING", 200, """
                [{"memberId":"m-1","nik":"3171010101800001","fullName":"Budi","kabKotaCode":"31.71",
                  "status":"PENDING","flags":["DATA_MISMATCH"],"counted":false,"ktaNumber":"K1"}]""");
        mvc.perform(get("/sipol/partai/pnb/verifikasi").with(kpu())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Budi"), containsString("data tidak cocok dengan NIK"),
                        containsString("value=\"TMS\""))));
        services.json("GET /api/parties/pnb/factual-samples", 200, """
                [{"id":"pnb:31.71:benih","partyId":"pnb","kabKotaCode":"31.71","seed":"benih","size":1,"population":5,
                  "memberIds":["m-1"],"drawnBy":"kpu.jakpus","drawnAt":"2029-01-02T03:04:05Z"}]""");
        services.json("GET /api/parties/pnb/members/m-1", 200, """
                {"memberId":"m-1","nik":"3171010101800001","fullName":"Budi","status":"MS"}""");
        services.json("GET /api/parties/pnb/factual-samples/redraw?kabKotaCode=31.71&seed=benih&size=1", 200, """
                {"seed":"benih","population":5,"memberIds":["m-1"]}""");
        mvc.perform(get("/sipol/partai/pnb/sampel").with(kpu())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("benih"), containsString("Budi"),
                        containsString("/sipol/partai/pnb/sampel/undi-ulang?kabKota=31.71&amp;seed=benih&amp;size=1"))));
        mvc.perform(get("/sipol/partai/pnb/sampel/undi-ulang").param("kabKota", "31.71").param("seed", "benih")
                .param("size", "1").with(kpu())).andExpect(status().isOk())
                .andExpect(content().string(containsString("SAMA dengan sampel yang diumumkan KPU")));
        services.json("GET /api/members/complaints", 200, """
                [{"id":"c-2","partyId":"pnb","kabKotaCode":"31.71","statement":"Bukan saya.","contact":"0812",
                  "status":"ANSWERED","filedAt":"2029-01-01T00:00:00Z","answerDeadline":"2029-01-08T00:00:00Z",
                  "answer":{"statement":"Ada formulir.","evidence":"F-1","by":"operator.pnb","at":"2029-01-02T00:00:00Z"},
                  "decision":null}]""");
        mvc.perform(get("/sipol/aduan").with(kpu())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Ada formulir."), containsString("0812"),
                        containsString("value=\"REMOVE\""))));
        services.json("GET /api/dapil/UJI-2", 200, """
                {"code":"UJI-2","name":"Dapil Dua","body":"DPRD_KABKOTA","areaCode":"31.71","seats":3,
                 "stage":"NOMINATION","dctVersion":0}""");
        services.json("GET /api/candidates/lists?dapil=UJI-2", 200, """
                [{"listId":"UJI-2:pnb","dapilCode":"UJI-2","partyId":"pnb","seats":3,"status":"SUBMITTED",
                  "inDcs":false,"candidates":[{"position":1,"candidateId":"id-a","name":"Andi","gender":"L",
                  "birthDate":"1980-01-01","education":"S1","documents":["KTP"],"verdict":null,"verdictReason":null}],
                  "violations":[],"changes":[]}]""");
        mvc.perform(get("/silon/dapil/UJI-2").with(kpu())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Andi"), containsString("name=\"verdict-id-a\""),
                        containsString("Umumkan DCS"))));
        services.json("GET /api/candidates/feedback?dapil=UJI-2", 200, """
                [{"id":"f-1","candidateId":"id-a","candidateName":"Andi","dapilCode":"UJI-2","partyId":"pnb",
                  "text":"Masih pengurus BUMD.","evidenceUrls":["https://contoh.example/1"],"reports":2,
                  "firstAt":"2029-01-01T00:00:00Z","lastAt":"2029-01-02T00:00:00Z","clarification":null,
                  "clarifiedBy":null,"clarifiedAt":null}]""");
        mvc.perform(get("/silon/dapil/UJI-2/tanggapan").with(operator("pnb"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Masih pengurus BUMD."),
                        containsString("Kirim klarifikasi"))));
        services.json("GET /api/candidates/parties", 200, """
                [{"partyId":"pnb","name":"Partai Nusantara Bersatu","abbreviation":"PNB","eligible":true,
                  "ballotNumber":1}]""");
        mvc.perform(get("/silon/nomor-urut").with(kpu())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hanya KPU RI yang mencatat nomor urut.")));
        services.json("GET /api/dapil", 200, """
                [{"code":"UJI-2","name":"Dapil Dua","body":"DPRD_KABKOTA","areaCode":"31.71","seats":3,
                  "stage":"DCS","dctVersion":0}]""");
        mvc.perform(get("/silon").with(operator("pnb"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/silon/dapil/UJI-2/pnb"),
                        containsString("/silon/dapil/UJI-2/tanggapan"))));
        mvc.perform(get("/sipol/pegawai").with(kpu())).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }
}
