package id.pemilu.portal.results;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

/** Legislative results per dapil: the dapil's regions added up, per party (own + candidates) with DCT names. */
@SpringBootTest
@AutoConfigureMockMvc
class DapilResultsPageTest {

    static final FakeBackend candidates = new FakeBackend();
    static final FakeBackend recap = new FakeBackend();

    static {
        candidates.answer("GET /api/candidates/public/dapil/DPR-31-2/dct", 200, """
                {"dapil":{"code":"DPR-31-2","name":"DKI Jakarta II","body":"DPR","seats":7,"stage":"DCT",
                   "regions":[{"code":"31.71","name":"Kota Jakarta Pusat"},{"code":"31.74","name":"Kota Jakarta Selatan"}]},
                 "list":"DCT","dctVersion":1,
                 "parties":[{"partyId":"pnb","name":"Partai Nusantara Baru","abbreviation":"PNB","ballotNumber":1,
                   "candidates":[{"candidateId":"c-1","number":1,"name":"Rina Wulandari","gender":"P"},
                                 {"candidateId":"c-2","number":2,"name":"Agus Salim","gender":"L"}]},
                   {"partyId":"pkr","name":"Partai Karya Rakyat","abbreviation":"PKR","ballotNumber":2,
                   "candidates":[{"candidateId":"c-3","number":1,"name":"Sari Dewi","gender":"P"}]}]}""");
        recap.answer("GET /api/recap/public/totals?region=31.71&ballotType=DPR", 200, """
                {"region":{"code":"31.71","name":"Kota Jakarta Pusat","tpsTotal":10},
                 "counted":{"tps":2,"values":[{"key":"votes.party.1","value":10},{"key":"votes.party.1.candidate.1","value":40},
                   {"key":"votes.party.1.candidate.2","value":5},{"key":"votes.party.2","value":7},
                   {"key":"votes.party.2.candidate.1","value":3},{"key":"votes.valid","value":65}]},
                 "flagged":{"tps":1,"values":[{"key":"votes.valid","value":120}]},
                 "progress":{"tpsTotal":10,"submitted":2,"flagged":1,"verified":0,"corrected":0}}""");
        recap.answer("GET /api/recap/public/totals?region=31.74&ballotType=DPR", 200, """
                {"region":{"code":"31.74","name":"Kota Jakarta Selatan","tpsTotal":20},
                 "counted":{"tps":1,"values":[{"key":"votes.party.1","value":1},{"key":"votes.party.1.candidate.1","value":4},
                   {"key":"votes.party.2","value":20},{"key":"votes.valid","value":25}]},
                 "flagged":{"tps":0,"values":[]},
                 "progress":{"tpsTotal":20,"submitted":1,"flagged":0,"verified":0,"corrected":0}}""");
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
    void partiesShowOwnAndCandidateVotesAddedOverTheDapilsRegions() throws Exception {
        mvc.perform(get("/hasil/dapil/DPR-31-2"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("DKI Jakarta II"),
                        // PNB: own 10 + 1, candidates 40 + 5 + 4 = 49, together 60; PKR: 27 + 3 = 30
                        containsString("Perolehan suara DKI Jakarta II: 1. Partai Nusantara Baru (PNB) 60 (66,7%); "
                                + "2. Partai Karya Rakyat (PKR) 30 (33,3%)"),
                        containsString("1. Rina Wulandari"),
                        containsString("<td class=\"num\">44</td>"),
                        // counted and flagged beside each other: 3 of 30 TPS counted, 1 flagged with 120 valid votes
                        containsString("<strong>3</strong> dari <span>30</span> TPS dihitung"),
                        containsString("<strong>120</strong>"),
                        containsString("Perolehan kursi dan calon terpilih"),
                        containsString("Belum ditetapkan"))));
    }

    @Test
    void anUnknownDapilIsAPlainNotFound() throws Exception {
        candidates.answer("GET /api/candidates/public/dapil", 200, "[]");
        mvc.perform(get("/hasil/dapil/DPR-99-9"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Dapil itu tidak ada.")));
    }
}
