package id.pemilu.recap.session;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.test.Tokens;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.ConfirmCommand;
import id.pemilu.recap.result.ResultService;
import id.pemilu.recap.registry.TpsCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The reconciliation desk's work list and a session's readiness, over the API, with their scopes. */
@SpringBootTest(properties = "pemilu.recap.seed-region=31.71")
@AutoConfigureMockMvc
class WorklistApiTest {

    static final String KEC = "31.71.07";

    @Autowired
    MockMvc mvc;
    @Autowired
    TpsRegistry registry;
    @Autowired
    ResultService results;

    @Test
    void ppkSeesEveryTpsWithStatusFlagsAndCountsAndWhatBlocksTheSession() throws Exception {
        List<String> tps = new ArrayList<>();
        registry.desaUnder(KEC).forEach(d -> registry.stationsOf(d).forEach(s -> tps.add(s.code().value())));
        String missing = tps.get(0);
        String flagged = tps.get(1);
        String disputed = tps.get(2);
        SessionFixture.fill(registry, results, KEC, code -> !code.equals(missing) && !code.equals(flagged));
        Station fs = registry.find(new TpsCode(flagged)).orElseThrow();
        Map<String, Integer> wrong = SessionFixture.formOf(fs);
        wrong.put("votes.candidate.1", wrong.get("votes.candidate.1") + 100);
        results.confirm(SessionFixture.kpps(flagged), fs.code(), BallotType.PPWP,
                new ConfirmCommand(null, SessionFixture.values(wrong), "angka sesuai formulir"), null);
        var ppk = Tokens.ppk(KEC);
        mvc.perform(post("/api/recap/tps/" + disputed + "/ballots/PPWP/review").with(ppk)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"disputed\",\"reason\":\"Saksi menyatakan C.Hasil berbeda\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/recap/worklist/PPWP/" + KEC).with(ppk)).andExpect(status().isOk())
                .andExpect(jsonPath("$.tier").value("KECAMATAN"))
                .andExpect(jsonPath("$.session").doesNotExist())
                .andExpect(jsonPath("$.counts.rows").value(tps.size()))
                .andExpect(jsonPath("$.counts.notReported").value(1))
                .andExpect(jsonPath("$.counts.flagged").value(2))
                .andExpect(jsonPath("$.counts.disputed").value(1))
                .andExpect(jsonPath("$.counts.counted").value(tps.size() - 3))
                .andExpect(jsonPath("$.rows[?(@.code=='" + missing + "')].status", contains("belum_masuk")))
                .andExpect(jsonPath("$.rows[?(@.code=='" + flagged + "')].status", contains("flagged")))
                .andExpect(jsonPath("$.rows[?(@.code=='" + flagged + "')].flags[*].code", hasItem("VOTES_SUM")))
                .andExpect(jsonPath("$.rows[?(@.code=='" + disputed + "')].disputed", contains(true)))
                .andExpect(jsonPath("$.rows[?(@.code=='" + disputed + "')].updatedBy", contains("ppk-" + KEC)));

        mvc.perform(get("/api/recap/sessions/PPWP/" + KEC + "/readiness").with(ppk)).andExpect(status().isOk())
                .andExpect(jsonPath("$.exists").value(false))
                .andExpect(jsonPath("$.status").value("preparing"))
                .andExpect(jsonPath("$.canOpen").value(false))
                .andExpect(jsonPath("$.openBlockers.length()").value(3))
                .andExpect(jsonPath("$.openBlockers[*]", hasItem(containsString(missing))))
                .andExpect(jsonPath("$.openBlockers[*]", hasItem(containsString("dipersoalkan"))));

        // decisions for the three; the session opens; an objection then blocks finalizing
        for (String code : List.of(missing, flagged, disputed)) {
            mvc.perform(post("/api/recap/sessions/PPWP/" + KEC + "/decisions").with(ppk)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"tpsCode\":\"" + code
                            + "\",\"decision\":\"PSU\",\"reason\":\"Pemungutan suara ulang dijadwalkan\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/recap/sessions/PPWP/" + KEC + "/readiness").with(ppk))
                .andExpect(jsonPath("$.canOpen").value(true)).andExpect(jsonPath("$.openBlockers.length()").value(0));
        mvc.perform(post("/api/recap/sessions/PPWP/" + KEC + "/open").with(ppk)).andExpect(status().isOk());
        mvc.perform(post("/api/recap/sessions/PPWP/" + KEC + "/objections").with(ppk)
                .contentType(MediaType.APPLICATION_JSON).content("{\"filedBy\":\"Siti\",\"represents\":\"pkr\","
                        + "\"target\":\"" + tps.get(3) + "\",\"claim\":\"Suara paslon 3 kurang satu\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/recap/sessions/PPWP/" + KEC + "/readiness").with(ppk))
                .andExpect(jsonPath("$.status").value("in_progress"))
                .andExpect(jsonPath("$.canOpen").value(false))
                .andExpect(jsonPath("$.canFinalize").value(false))
                .andExpect(jsonPath("$.finalizeBlockers[0]", containsString("K-1")));
        mvc.perform(get("/api/recap/worklist/PPWP/" + KEC).with(ppk))
                .andExpect(jsonPath("$.session.status").value("in_progress"))
                .andExpect(jsonPath("$.counts.decided").value(3))
                .andExpect(jsonPath("$.rows[?(@.code=='" + missing + "')].decision", contains("PSU")));

        // KPU Jakarta Pusat sees its kecamatan as rows with their counts and sessions
        mvc.perform(get("/api/recap/worklist/PPWP/31.71").with(Tokens.kpu("kpu-kabkota", "31.71")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tier").value("KABKOTA"))
                .andExpect(jsonPath("$.rows[?(@.code=='" + KEC + "')].sessionStatus", contains("in_progress")))
                .andExpect(jsonPath("$.rows[?(@.code=='" + KEC + "')].countedTps", contains(tps.size() - 3)))
                .andExpect(jsonPath("$.rows[?(@.code=='" + KEC + "')].notReportedTps", contains(1)));
    }

    @Test
    void anotherRegionIsRefusedAndKppsHasNoWorklist() throws Exception {
        mvc.perform(get("/api/recap/worklist/PPWP/31.71.02").with(Tokens.ppk(KEC))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("di luar wilayah Anda")));
        mvc.perform(get("/api/recap/worklist/PPWP/31.71").with(Tokens.ppk(KEC))).andExpect(status().isForbidden());
        mvc.perform(get("/api/recap/worklist/PPWP/" + KEC).with(Tokens.kpps(KEC + ".1001.001")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/recap/sessions/PPWP/31.71.02/readiness").with(Tokens.ppk(KEC)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/recap/worklist/PPWP/" + KEC).with(Tokens.bawaslu())).andExpect(status().isOk());
        mvc.perform(get("/api/recap/worklist/PPWP/" + KEC)).andExpect(status().isUnauthorized());
    }
}
