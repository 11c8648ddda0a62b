package id.pemilu.portal.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.portal.FakeBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Seats and elected candidates of a dapil from KPU's published determination (recap-service's public API). */
@SpringBootTest
@AutoConfigureMockMvc
class DapilSeatsPageTest {

    static final FakeBackend candidates = new FakeBackend();
    static final FakeBackend recap = new FakeBackend();

    static {
        for (String dapil : List.of("DPR-31-2", "DPR-31-3")) {
            candidates.answer("GET /api/candidates/public/dapil/" + dapil + "/dct", 200, """
                    {"dapil":{"code":"%s","name":"DKI Jakarta %s","body":"DPR","seats":7,"stage":"DCT",
                       "regions":[{"code":"31.71","name":"Kota Jakarta Pusat"}]},
                     "list":"DCT","dctVersion":1,
                     "parties":[{"partyId":"pnb","name":"Partai Nusantara Baru","abbreviation":"PNB","ballotNumber":1,
                       "candidates":[{"candidateId":"c-1","number":1,"name":"Rina Wulandari","gender":"P"}]},
                       {"partyId":"pkr","name":"Partai Karya Rakyat","abbreviation":"PKR","ballotNumber":2,
                       "candidates":[{"candidateId":"c-3","number":1,"name":"Sari Dewi","gender":"P"}]},
                       {"partyId":"pkc","name":"Partai Kecil","abbreviation":"PKC","ballotNumber":3,"candidates":[]}]}"""
                    .formatted(dapil, dapil.endsWith("2") ? "II" : "III"));
        }
        recap.answer("GET /api/recap/public/totals?region=31.71&ballotType=DPR", 200, """
                {"region":{"code":"31.71","name":"Kota Jakarta Pusat","tpsTotal":10},
                 "counted":{"tps":2,"values":[{"key":"votes.party.1","value":10},{"key":"votes.party.1.candidate.1","value":40},
                   {"key":"votes.party.2","value":7},{"key":"votes.party.2.candidate.1","value":3},
                   {"key":"votes.party.3","value":2},{"key":"votes.valid","value":62}]},
                 "flagged":{"tps":0,"values":[]},
                 "progress":{"tpsTotal":10,"submitted":2,"flagged":0,"verified":0,"corrected":0}}""");
        recap.answer("GET /api/recap/public/determinations?ballotType=DPR&region=ID", 200, """
                {"ballotType":"DPR","regionCode":"ID","version":2,"source":"live","publishedBy":"kpu-ri",
                 "publishedAt":"2029-03-20T03:00:00Z","reason":"penetapan","sha256":"abc",
                 "calculationUrl":"/api/recap/public/determinations/calculation?ballotType=DPR&region=ID&version=2",
                 "determination":{"ballotType":"DPR","regionCode":"ID","status":"TERPILIH","summary":"…","steps":[],
                   "elected":[],
                   "threshold":{"percent":4,"nationalValidVotes":62,"parties":[
                     {"partyId":"pnb","partyName":"Partai Nusantara Baru","votes":50,"percent":"80,65","passes":true},
                     {"partyId":"pkr","partyName":"Partai Karya Rakyat","votes":10,"percent":"16,13","passes":true},
                     {"partyId":"pkc","partyName":"Partai Kecil","votes":2,"percent":"3,23","passes":false}]},
                   "dapils":[{"dapilCode":"DPR-31-2","dapilName":"DKI Jakarta II","seats":7,"quotients":[],"seatOrder":[],
                     "parties":[{"partyId":"pnb","partyName":"Partai Nusantara Baru","votes":50,"seats":5},
                                {"partyId":"pkr","partyName":"Partai Karya Rakyat","votes":10,"seats":2},
                                {"partyId":"pkc","partyName":"Partai Kecil","votes":2,"seats":0}],
                     "elected":[{"partyId":"pnb","partyName":"Partai Nusantara Baru","candidateId":"c-1",
                                 "candidateName":"Rina Wulandari","votes":40,"rank":1},
                                {"partyId":"pkr","partyName":"Partai Karya Rakyat","candidateId":"c-3",
                                 "candidateName":"Sari Dewi","votes":3,"rank":1}],
                     "notes":["3 kursi tidak terisi: calon partai habis"]}]}}""");
    }

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("pemilu.portal.candidate-service-url", candidates::url);
        registry.add("pemilu.portal.recap-service-url", recap::url);
        registry.add("pemilu.portal.timeout", () -> "30s");
    }

    @AfterAll
    static void stop() {
        candidates.close();
        recap.close();
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aPublishedDeterminationShowsTheDapilsSeatsPerPartyAndTheElectedCandidates() throws Exception {
        mvc.perform(get("/hasil/dapil/DPR-31-2"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Ditetapkan KPU: versi <span>2</span>"),
                        containsString("20-3-2029 10:00:00 WIB"),
                        containsString("href=\"/api/recap/public/determinations/calculation?ballotType=DPR&amp;region=ID&amp;version=2\""),
                        containsString("Kursi DKI Jakarta II: 1. Partai Nusantara Baru (PNB) 5"),
                        containsString("<span>1. Partai Nusantara Baru (PNB)</span></td>"),
                        containsString("<td>Rina Wulandari</td>"),
                        containsString("<td>2. Partai Karya Rakyat (PKR)</td>"),
                        containsString("Tidak\n        lolos ambang batas parlemen <span>4 %</span>"),
                        containsString("3. Partai Kecil (PKC)"),
                        containsString("3 kursi tidak terisi"),
                        not(containsString("Belum ditetapkan")))));
    }

    @Test
    void aDeterminationWithoutThisDapilSaysSo() throws Exception {
        mvc.perform(get("/hasil/dapil/DPR-31-3"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("belum memuat dapil ini"),
                        not(containsString("Calon terpilih")))));
    }

    @Test
    void theDeterminationOfAContestIsReadForItsRegion() {
        List<Map<String, Object>> regions = List.of(Map.of("code", "31.71.01"), Map.of("code", "31.71.02"));
        assertThat(DapilResultsController.determinationRegion("DPR", regions)).isEqualTo("ID");
        assertThat(DapilResultsController.determinationRegion("DPD", regions)).isEqualTo("31");
        assertThat(DapilResultsController.determinationRegion("DPRD_PROVINSI", regions)).isEqualTo("31");
        assertThat(DapilResultsController.determinationRegion("DPRD_KABKOTA", regions)).isEqualTo("31.71");
        assertThat(DapilResultsController.determinationRegion("PPWP", regions)).isNull();
    }
}
