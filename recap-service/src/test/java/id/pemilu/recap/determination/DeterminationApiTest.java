package id.pemilu.recap.determination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.events.C1FieldKeys;
import id.pemilu.common.test.Tokens;
import id.pemilu.recap.recap.RecapApplier;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.testdata.Forms;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The penetapan and hold-back API over real counted results: a DPRD kab/kota dapil made of kelurahan Duri Pulo
 * (31.71.01.1006, generated at startup; no other test uses this ballot type), three parties, four seats.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeterminationApiTest {

    static final String DESA = "31.71.01.1006";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    TpsRegistry registry;
    @Autowired
    RecapApplier applier;
    @Autowired
    MongoTemplate mongo;

    static final String DCT = """
            {"body":"DPRD_KABKOTA","dapilCode":"DPRD-3171-UJI","dapilName":"Jakarta Pusat Uji","seats":4,
             "dctVersion":1,"regionCodes":["31.71.01.1006"],"parties":[
              {"partyId":"pnb","ballotNumber":1,"partyName":"Partai Nusantara Baru","candidates":[
                {"number":1,"name":"Dewi Lestari","gender":"P"},{"number":2,"name":"Andi Saputra","gender":"L"},
                {"number":3,"name":"Budi Santoso","gender":"L"}]},
              {"partyId":"pkr","ballotNumber":2,"partyName":"Partai Karya Rakyat","candidates":[
                {"number":1,"name":"Maya Sari","gender":"P"},{"number":2,"name":"Joko Susilo","gender":"L"}]},
              {"partyId":"phl","ballotNumber":3,"partyName":"Partai Hijau Lestari","candidates":[
                {"number":1,"name":"Rina Wati","gender":"P"}]}]}""";

    /** A consistent DPRD form: party 1 own/candidates {5, 45, 15, 3}, party 2 {3, 20, 8}, party 3 {1, 4}. */
    static Map<String, Integer> dprdForm(Station s, int scale) {
        int[][] parties = {{5, 45, 15, 3}, {3, 20, 8}, {1, 4}};
        int valid = 0;
        for (int[] p : parties) {
            for (int v : p) {
                valid += v * scale;
            }
        }
        Map<String, Integer> form = Forms.consistent(s.dptMen(), s.dptWomen(), 3, valid);
        form.remove(C1FieldKeys.candidateVotes(1));
        Map<String, Integer> ordered = new java.util.LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.equals(C1FieldKeys.VOTES_VALID)) {
                for (int p = 0; p < parties.length; p++) {
                    ordered.put(C1FieldKeys.partyVotes(p + 1), parties[p][0] * scale);
                    for (int c = 1; c < parties[p].length; c++) {
                        ordered.put(C1FieldKeys.partyCandidateVotes(p + 1, c), parties[p][c] * scale);
                    }
                }
            }
            ordered.put(k, v);
        });
        return ordered;
    }

    void confirm(String tps, Map<String, Integer> values, String reason) throws Exception {
        mvc.perform(post("/api/recap/tps/" + tps + "/ballots/DPRD_KABKOTA/confirm").with(Tokens.kpps(tps))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\":" + Forms.json(values)
                                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}"))
                .andExpect(status().isOk());
    }

    JsonNode getJson(String path, Object... params) throws Exception {
        var request = get(path);
        for (int i = 0; i < params.length; i += 2) {
            request.param((String) params[i], String.valueOf(params[i + 1]));
        }
        return JSON.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    JsonNode contest(JsonNode holdBack) {
        for (JsonNode c : holdBack.get("contests")) {
            if (c.get("regionCode").asString().equals("DPRD-3171-UJI")) {
                return c;
            }
        }
        throw new AssertionError("contest missing: " + holdBack);
    }

    @Test
    void publishesTheSeatAllocationWithItsCalculationAndTellsWhetherOutstandingTpsMatter() throws Exception {
        mvc.perform(post("/api/recap/admin/dct").with(Tokens.kpu("kpu-provinsi", "31"))
                .contentType(MediaType.APPLICATION_JSON).content(DCT)).andExpect(status().isForbidden());
        mvc.perform(post("/api/recap/admin/dct").with(Tokens.kpuRi())
                .contentType(MediaType.APPLICATION_JSON).content(DCT)).andExpect(status().isOk());

        List<Station> stations = registry.stationsOf(DESA);
        assertThat(stations.size()).isGreaterThan(3);
        confirm(stations.get(0).code().value(), dprdForm(stations.get(0), 1), null);
        confirm(stations.get(1).code().value(), dprdForm(stations.get(1), 1), null);
        // a third TPS is sent with a failing check (valid votes do not add up): flagged, not counted
        Map<String, Integer> bad = dprdForm(stations.get(2), 1);
        bad.put(C1FieldKeys.partyVotes(3), 90);
        confirm(stations.get(2).code().value(), bad, "Angka di kertas memang begini; mohon diperiksa PPK");
        applier.applyPending();

        // counted: party 1 = 2 x 68, party 2 = 2 x 31, party 3 = 2 x 5 -> quotients 136, 62, 45.33, 27.2, 20.67 …
        JsonNode preview = JSON.readTree(mvc.perform(get("/api/recap/determinations/preview")
                        .param("ballotType", "DPRD_KABKOTA").param("region", "31.71").with(Tokens.bawaslu()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode dapil = preview.get("dapils").get(0);
        assertThat(dapil.get("dapilCode").asString()).isEqualTo("DPRD-3171-UJI");
        assertThat(dapil.get("parties").findValuesAsString("partyId")).containsExactly("pnb", "pkr", "phl");
        assertThat(dapil.get("parties").findValues("seats").stream().map(JsonNode::asInt).toList())
                .containsExactly(3, 1, 0);
        assertThat(dapil.get("quotients").get(0).get("quotients").get(1).get("value").asString()).isEqualTo("45.33");
        assertThat(dapil.get("elected").findValuesAsString("candidateName"))
                .containsExactly("Dewi Lestari", "Andi Saputra", "Budi Santoso", "Maya Sari");

        mvc.perform(post("/api/recap/determinations").param("ballotType", "DPRD_KABKOTA").param("region", "31.71")
                .with(Tokens.kpu("kpu-provinsi", "31"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/recap/public/determinations").param("ballotType", "DPRD_KABKOTA")
                .param("region", "31.71")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Belum ada penetapan")));
        mvc.perform(post("/api/recap/determinations").param("ballotType", "DPRD_KABKOTA").param("region", "31.71")
                        .with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Rapat pleno terbuka\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.determination.status").value("TERPILIH"));
        mvc.perform(post("/api/recap/determinations").param("ballotType", "DPRD_KABKOTA").param("region", "31.71")
                .with(Tokens.kpuRi())).andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2));

        JsonNode published = getJson("/api/recap/public/determinations", "ballotType", "DPRD_KABKOTA",
                "region", "31.71");
        assertThat(published.get("version").asInt()).isEqualTo(2);
        assertThat(published.get("source").asString()).contains("langsung");
        assertThat(published.get("determination").get("elected")).hasSize(4);
        String calculation = mvc.perform(get(published.get("calculationUrl").asString())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(DeterminationService.sha256(calculation)).isEqualTo(published.get("sha256").asString());
        assertThat(getJson("/api/recap/public/determinations", "ballotType", "DPRD_KABKOTA", "region", "31.71",
                "version", 1).get("reason").asString()).isEqualTo("Rapat pleno terbuka");

        // hold-back: the other TPS of Duri Pulo (and the flagged one) can still move a seat
        JsonNode open = contest(getJson("/api/recap/public/holdback", "ballotType", "DPRD_KABKOTA",
                "region", "31.71"));
        assertThat(open.get("canChange").asBoolean()).isTrue();
        assertThat(open.get("verdict").asString()).isEqualTo("hasil belum dapat dipastikan");
        assertThat(open.get("outstandingTps").asInt()).isEqualTo(stations.size() - 2);
        assertThat(open.get("mattersMost").findValuesAsString("status")).contains("flagged", "belum_masuk");

        // every TPS counted (the flagged one corrected by its KPPS with a reason): nothing can change any more
        for (int i = 2; i < stations.size(); i++) {
            confirm(stations.get(i).code().value(), dprdForm(stations.get(i), 1), i == 2 ? "Perbaikan salah ketik" : null);
        }
        applier.applyPending();
        JsonNode settled = contest(getJson("/api/recap/public/holdback", "ballotType", "DPRD_KABKOTA",
                "region", "31.71"));
        assertThat(settled.get("outstandingTps").asInt()).isZero();
        assertThat(settled.get("verdict").asString()).isEqualTo("TPS yang tersisa tidak dapat mengubah hasil");
    }

    @Test
    void regionMustFitTheContestAndDpdWithoutCandidatesIsNotOpen() throws Exception {
        mvc.perform(get("/api/recap/determinations/preview").param("ballotType", "PPWP").param("region", "31")
                .with(Tokens.kpuRi())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nasional")));
        mvc.perform(get("/api/recap/determinations/preview").param("ballotType", "DPD").param("region", "31")
                .with(Tokens.kpuRi())).andExpect(status().isConflict());
        mvc.perform(get("/api/recap/determinations/preview").param("ballotType", "PPWP")
                .with(Tokens.kpps(DESA + ".001"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/recap/determinations/preview").param("ballotType", "PPWP").with(Tokens.bawaslu()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ballotType").value("PPWP"));
    }

    @Test
    void ppwpHoldBackListsTheNationAndEachProvince() throws Exception {
        JsonNode holdBack = getJson("/api/recap/public/holdback", "ballotType", "PPWP", "region", "ID");
        List<String> contests = holdBack.get("contests").findValuesAsString("contest");
        assertThat(contests.get(0)).isEqualTo("PPWP nasional");
        assertThat(contests).anyMatch(c -> c.startsWith("PPWP provinsi"));
        JsonNode national = holdBack.get("contests").get(0);
        // the generated registry has 48 TPS in Gambir; most are not reported in this test run
        assertThat(national.get("outstandingTps").asInt()).isGreaterThan(0);
        assertThat(national.get("mattersMost").size()).isBetween(1, 10);
        int first = national.get("mattersMost").get(0).get("maxVotes").asInt();
        int last = national.get("mattersMost").get(national.get("mattersMost").size() - 1).get("maxVotes").asInt();
        assertThat(first).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(300);
    }
}
