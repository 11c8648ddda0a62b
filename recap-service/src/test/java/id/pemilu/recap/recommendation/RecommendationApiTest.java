package id.pemilu.recap.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.test.Tokens;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.ConfirmCommand;
import id.pemilu.recap.result.FieldValue;
import id.pemilu.recap.result.ResultService;
import id.pemilu.recap.testdata.Forms;
import id.pemilu.recap.translog.LogSequencer;
import id.pemilu.recap.translog.TransparencyLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bawaslu recommendations: only Bawaslu records (in its scope), the responsible PPK answers with a reason, an open
 * one blocks the kecamatan's D.Hasil, the public TPS page counts the open ones, everything is in the log.
 */
@SpringBootTest(properties = "pemilu.recap.seed-region=31.71.02")
@AutoConfigureMockMvc
class RecommendationApiTest {

    static final String KEC = "31.71.02";

    @Autowired
    MockMvc mvc;
    @Autowired
    TpsRegistry registry;
    @Autowired
    ResultService results;
    @Autowired
    LogSequencer sequencer;
    @Autowired
    TransparencyLog translog;

    ResultActions send(RequestPostProcessor who, String path, String json) throws Exception {
        return mvc.perform(post(path).with(who).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static RequestPostProcessor bawasluOf(String region) {
        return Tokens.as("bawaslu." + region, Roles.BAWASLU, Map.of(Caller.REGION_CODE_CLAIM, region));
    }

    @Test
    void bawasluRecordsThePpkAnswersAndTheDHasilWaitsForTheAnswer() throws Exception {
        List<Station> stations = new ArrayList<>();
        registry.desaUnder(KEC).forEach(d -> stations.addAll(registry.stationsOf(d)));
        for (Station s : stations) {
            int n = s.code().number();
            Map<String, Integer> form = Forms.consistent(s.dptMen(), s.dptWomen(), 3, 40 + n % 7, 60 + n % 11, 30);
            results.confirm(new Caller("kpps", Set.of(Roles.KPPS), s.code().value(), null, null), s.code(),
                    BallotType.PPWP, new ConfirmCommand(null, form.entrySet().stream()
                            .map(e -> new FieldValue(e.getKey(), e.getValue())).toList(), null), null);
        }
        String tps = stations.get(0).code().value();
        String body = "{\"target\":\"" + tps + "\",\"ballotType\":\"PPWP\",\"kind\":\"RECOUNT\","
                + "\"reason\":\"Pengawas TPS mencatat surat suara tidak sah dihitung sah\"}";
        // nobody but Bawaslu records one; Bawaslu of another region neither; a reason is required
        send(Tokens.ppk(KEC), "/api/recap/recommendations", body).andExpect(status().isForbidden());
        send(Tokens.kpps(tps), "/api/recap/recommendations", body).andExpect(status().isForbidden());
        send(bawasluOf("32"), "/api/recap/recommendations", body).andExpect(status().isForbidden());
        send(Tokens.bawaslu(), "/api/recap/recommendations", body.replace("Pengawas TPS mencatat surat suara tidak sah"
                + " dihitung sah", "singkat")).andExpect(status().isBadRequest());
        send(Tokens.bawaslu(), "/api/recap/recommendations", body.replace("RECOUNT", "UNDI"))
                .andExpect(status().isBadRequest());
        String json = send(bawasluOf("31.71"), "/api/recap/recommendations", body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("open"))
                .andExpect(jsonPath("$.responsibleRegion").value(KEC))
                .andExpect(jsonPath("$.kindLabel").value("Penghitungan suara ulang"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonMapper.builder().build().readTree(json).get("id").asString();
        mvc.perform(get("/api/recap/public/tps/" + tps)).andExpect(jsonPath("$.openRecommendations").value(1));
        mvc.perform(get("/api/recap/recommendations").param("region", KEC).with(Tokens.ppk(KEC)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/recap/recommendations").param("region", "31.72").with(Tokens.ppk(KEC)))
                .andExpect(status().isForbidden());

        // the PPK opens its session, but cannot finalize while the recommendation is unanswered
        send(Tokens.ppk(KEC), "/api/recap/sessions/PPWP/" + KEC + "/open", "{}").andExpect(status().isOk());
        send(Tokens.ppk(KEC), "/api/recap/sessions/PPWP/" + KEC + "/finalize", "{}").andExpect(status().isConflict())
                .andExpect(content -> assertThat(content.getResponse().getContentAsString())
                        .contains("Rekomendasi Bawaslu " + id));
        // only the responsible PPK answers, with a reason; Bawaslu cannot answer its own recommendation
        String answer = "{\"decision\":\"accepted\",\"reason\":\"Dihitung ulang di rapat pleno PPK\"}";
        send(Tokens.bawaslu(), "/api/recap/recommendations/" + id + "/answer", answer).andExpect(status().isForbidden());
        send(Tokens.ppk("31.71.01"), "/api/recap/recommendations/" + id + "/answer", answer)
                .andExpect(status().isForbidden());
        send(Tokens.ppk(KEC), "/api/recap/recommendations/" + id + "/answer", "{\"decision\":\"accepted\"}")
                .andExpect(status().isBadRequest());
        send(Tokens.ppk(KEC), "/api/recap/recommendations/" + id + "/answer", answer).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("answered"))
                .andExpect(jsonPath("$.answer.decision").value("accepted"))
                .andExpect(jsonPath("$.answer.role").value(Roles.PPK));
        send(Tokens.ppk(KEC), "/api/recap/recommendations/" + id + "/answer", answer).andExpect(status().isConflict());
        mvc.perform(get("/api/recap/public/tps/" + tps)).andExpect(jsonPath("$.openRecommendations").value(0));
        send(Tokens.ppk(KEC), "/api/recap/sessions/PPWP/" + KEC + "/finalize", "{}").andExpect(status().isOk());

        // both steps are in the transparency log
        sequencer.drainNow();
        List<String> logged = translog.entries(0, translog.size()).stream().map(TransparencyLog.Stored::data)
                .filter(d -> d.contains("\"recommendation\":\"" + id + "\"")).toList();
        assertThat(logged).hasSize(2);
        assertThat(logged.get(0)).contains("\"action\":\"recorded\"", "\"role\":\"bawaslu\"");
        assertThat(logged.get(1)).contains("\"action\":\"answered\"", "\"decision\":\"accepted\"",
                "Dihitung ulang di rapat pleno PPK");
        mvc.perform(get("/api/recap/recommendations/" + id).with(Tokens.kpps(tps))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("di luar wilayah")));
    }
}
