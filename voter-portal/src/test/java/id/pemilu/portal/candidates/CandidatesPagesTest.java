package id.pemilu.portal.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.portal.FakeBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class CandidatesPagesTest {

    static final FakeBackend candidateService = new FakeBackend();

    static {
        candidateService.answer("GET /api/candidates/public/dapil", 200, """
                [{"code":"DKI-1","name":"DKI JAKARTA I","body":"DPR","areaCode":"31","seats":6,"regions":[],
                  "stage":"DCS","dctVersion":0}]""");
        candidateService.answer("GET /api/candidates/public/dapil/DKI-1/dcs", 200, """
                {"dapil":{"code":"DKI-1","name":"DKI JAKARTA I","body":"DPR","seats":6,
                   "regions":[{"code":"31.71","name":"KOTA ADM. JAKARTA PUSAT"}],"stage":"DCS","dctVersion":0},
                 "list":"DCS","dctVersion":0,"publishedAt":"2028-08-18T00:00:00Z",
                 "parties":[{"partyId":"pnb","name":"Partai Nusantara Baru","abbreviation":"PNB","ballotNumber":1,
                   "candidates":[{"candidateId":"c-1","number":1,"name":"Rina Wulandari","gender":"F",
                      "formerConvict":true,"cvPublished":false,"cv":null},
                     {"candidateId":"c-2","number":2,"name":"Agus Salim","gender":"M","formerConvict":false,
                      "cvPublished":true,"cv":"Guru SMA, 15 tahun."}],
                   "changesSinceDcs":[]}]}""");
        candidateService.answer("POST /api/candidates/public/candidates/c-1/feedback", 201,
                "{\"feedbackId\":\"f-1\",\"candidateId\":\"c-1\",\"reports\":1,\"merged\":false}");
    }

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("pemilu.portal.candidate-service-url", candidateService::url);
    }

    @AfterAll
    static void stop() {
        candidateService.close();
    }

    @Autowired
    MockMvc mvc;

    @Test
    void dapilAreListedWithTheirStage() throws Exception {
        mvc.perform(get("/calon")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("DKI JAKARTA I"),
                        containsString("DCS, terbuka untuk tanggapan"))));
    }

    @Test
    void dcsShowsCandidatesDisclosureAndOnlyConsentedCvs() throws Exception {
        mvc.perform(get("/calon/DKI-1")).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Rina Wulandari"),
                        containsString("Mantan terpidana"),
                        containsString("tidak bersedia riwayat hidupnya dipublikasikan"),
                        containsString("Guru SMA, 15 tahun."),
                        containsString("Beri tanggapan"))));
    }

    @Test
    void feedbackIsPassedOnWithTheCitizensAddress() throws Exception {
        candidateService.calls.clear();
        mvc.perform(post("/calon/DKI-1/tanggapan").param("candidateId", "c-1")
                        .param("text", "Ijazah calon ini dipertanyakan, lihat tautan.")
                        .param("evidenceUrl", "https://contoh.id/bukti").header("X-Forwarded-For", "198.51.100.4")
                        .header("X-Pemilu-Gateway-Key", "dev-only-gateway-key-change-me"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tanggapan Anda diterima")));
        assertThat(candidateService.calls).singleElement().satisfies(call -> {
            assertThat(call.body()).contains("https://contoh.id/bukti");
            assertThat(call.forwardedFor()).isEqualTo("198.51.100.4");
        });
    }

    @Test
    void unpublishedDapilIsA404InPlainWords() throws Exception {
        mvc.perform(get("/calon/DKI-9")).andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("belum diumumkan"), not(containsString("Exception")))));
    }
}
