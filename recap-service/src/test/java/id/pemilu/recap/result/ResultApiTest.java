package id.pemilu.recap.result;

import id.pemilu.recap.registry.TpsCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.security.Roles;
import id.pemilu.common.test.Tokens;
import id.pemilu.recap.recap.RecapApplier;
import id.pemilu.recap.recap.RecapRebuild;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.testdata.Forms;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class ResultApiTest {

    // Kelurahan Gambir (31.71.01.1001) and Cideng (31.71.01.1002) in kecamatan Gambir, generated at startup
    static final String DESA = "31.71.01.1002";

    @Autowired
    MockMvc mvc;
    @Autowired
    TpsRegistry registry;
    @Autowired
    RecapApplier applier;
    @Autowired
    RecapRebuild rebuild;

    Map<String, Integer> formFor(String tps, int... votes) {
        Station s = registry.find(new TpsCode(tps)).orElseThrow();
        return Forms.consistent(s.dptMen(), s.dptWomen(), 3, votes);
    }

    ResultActions confirm(String tps, String key, String body) throws Exception {
        var request = post("/api/recap/tps/" + tps + "/ballots/PPWP/confirm").with(Tokens.kpps(tps))
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    static String body(Map<String, Integer> values, String reason) {
        return "{\"values\":" + Forms.json(values) + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }

    long countedValue(String region, String key) throws Exception {
        String json = mvc.perform(get("/api/recap/public/totals").param("region", region).param("ballotType", "PPWP"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var node = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
        for (var t : node.get("counted").get("values")) {
            if (t.get("key").asString().equals(key)) {
                return t.get("value").asLong();
            }
        }
        return 0;
    }

    @Test
    void typedNumbersAreCountedOnceAtEveryTierEvenWhenThePhoneRetries() throws Exception {
        String tps = DESA + ".001";
        applier.applyPending();
        long before = countedValue("ID", "votes.candidate.1");
        long beforeKec = countedValue("31.71.01", "votes.candidate.1");
        String body = body(formFor(tps, 50, 60, 70), null);
        confirm(tps, "retry-1", body).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("submitted"))
                .andExpect(jsonPath("$.source").value("manual"))
                .andExpect(jsonPath("$.resultVersion").value(1));
        confirm(tps, "retry-1", body).andExpect(status().isOk()).andExpect(jsonPath("$.resultVersion").value(1));
        // the same key with other numbers is not a retry: refused like a reused photo-upload key, nothing recorded
        confirm(tps, "retry-1", body(formFor(tps, 51, 60, 70), "angka diperbaiki")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Idempotency-Key")));
        // numbers are whole numbers written as numbers
        confirm(tps, "strict-1", "{\"values\":[{\"key\":\"votes.candidate.1\",\"value\":999.9}],\"reason\":\"uji\"}")
                .andExpect(status().isBadRequest());
        confirm(tps, "strict-2", "{\"values\":[{\"key\":\"votes.candidate.1\",\"value\":\"105\"}],\"reason\":\"uji\"}")
                .andExpect(status().isBadRequest());
        confirm(tps, "strict-3", "{\"values\":[],\"status\":\"verified\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'status'")));
        confirm(tps, "retry-1", body).andExpect(status().isOk()).andExpect(jsonPath("$.resultVersion").value(1));
        applier.applyPending();
        for (String region : new String[] {DESA, "31.71.01", "31.71", "31", "ID"}) {
            assertThat(countedValue(region, "votes.candidate.1")).as(region).isGreaterThanOrEqualTo(50);
        }
        assertThat(countedValue("ID", "votes.candidate.1")).isEqualTo(before + 50);
        assertThat(countedValue("31.71.01", "votes.candidate.1")).isEqualTo(beforeKec + 50);
        mvc.perform(get("/api/recap/public/tps/" + tps)).andExpect(status().isOk())
                .andExpect(jsonPath("$.ballots[0].status").value("submitted"))
                .andExpect(jsonPath("$.ballots[0].counted").value(true));
        assertThat(rebuild.rebuild(false).differences()).isEmpty();
    }

    @Test
    void parallelRetriesOfOneConfirmationRecordItOnce() throws Exception {
        String tps = DESA + ".008";
        String body = body(formFor(tps, 40, 50, 60), null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        java.util.List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(pool.submit(() -> confirm(tps, "same-key", body).andReturn().getResponse().getStatus()));
        }
        for (var call : calls) {
            assertThat(call.get()).isEqualTo(200);
        }
        pool.shutdown();
        mvc.perform(get("/api/recap/tps/" + tps + "/ballots/PPWP").with(Tokens.kpps(tps)))
                .andExpect(jsonPath("$.resultVersion").value(1)).andExpect(jsonPath("$.history.length()").value(1));
    }

    @Test
    void aRecordFailingACheckNeedsAReasonAndIsThenFlaggedNotCounted() throws Exception {
        String tps = DESA + ".002";
        Map<String, Integer> values = formFor(tps, 50, 60, 70);
        values.put("votes.candidate.2", 860); // 60 misread as 860
        confirm(tps, "k-1", body(values, null)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.flags[*].code", hasItem("VOTES_SUM")))
                .andExpect(jsonPath("$.flags[*].code", hasItem("OUT_OF_RANGE")));
        mvc.perform(get("/api/recap/tps/" + tps + "/ballots/PPWP").with(Tokens.kpps(tps)))
                .andExpect(status().isNotFound());
        applier.applyPending();
        long before = countedValue("31.71.01", "votes.candidate.2");
        confirm(tps, "k-2", body(values, "Angka sesuai formulir, mohon diperiksa PPK")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("flagged"))
                .andExpect(jsonPath("$.flags[*].code", hasItem("VOTES_SUM")));
        applier.applyPending();
        assertThat(countedValue("31.71.01", "votes.candidate.2")).isEqualTo(before);
        mvc.perform(get("/api/recap/public/totals").param("region", DESA))
                .andExpect(jsonPath("$.flagged.values[?(@.key=='votes.candidate.2')].value", hasItem(860)));

        // PPK cannot verify numbers that fail the arithmetic, but can correct them with a reason
        mvc.perform(post("/api/recap/tps/" + tps + "/ballots/PPWP/review").with(Tokens.ppk("31.71.01"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"verified\",\"reason\":\"cocok dengan kertas\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/recap/tps/" + tps + "/ballots/PPWP/review").with(Tokens.ppk("31.71.01"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"corrected\",\"reason\":\"C.Hasil kertas: 60\","
                                + "\"values\":[{\"key\":\"votes.candidate.2\",\"value\":60}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("corrected"))
                .andExpect(jsonPath("$.history.length()").value(2));
        // the public sees the same history by role, without the officers' account names or the phones' keys
        mvc.perform(get("/api/recap/public/tps/" + tps)).andExpect(status().isOk())
                .andExpect(jsonPath("$.ballots[0].history.length()").value(2))
                .andExpect(jsonPath("$.ballots[0].history[0].resultVersion").value(1))
                .andExpect(jsonPath("$.ballots[0].history[0].status").value("flagged"))
                .andExpect(jsonPath("$.ballots[0].history[0].role").value(Roles.KPPS))
                .andExpect(jsonPath("$.ballots[0].history[0].reason")
                        .value("Angka sesuai formulir, mohon diperiksa PPK"))
                .andExpect(jsonPath("$.ballots[0].history[0].flags", hasItem("VOTES_SUM")))
                .andExpect(jsonPath("$.ballots[0].history[0].values[?(@.key=='votes.candidate.2')].value",
                        hasItem(860)))
                .andExpect(jsonPath("$.ballots[0].history[0].at").exists())
                .andExpect(jsonPath("$.ballots[0].history[1].status").value("corrected"))
                .andExpect(jsonPath("$.ballots[0].history[1].role").value(Roles.PPK))
                .andExpect(jsonPath("$.ballots[0].history[1].reason").value("C.Hasil kertas: 60"))
                .andExpect(jsonPath("$.ballots[0].history[0].by").doesNotExist())
                .andExpect(jsonPath("$.ballots[0].history[0].idempotencyKey").doesNotExist())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("kpps-" + tps))));
        applier.applyPending();
        assertThat(countedValue("31.71.01", "votes.candidate.2")).isEqualTo(before + 60);
        // the KPPS can no longer overwrite a result PPK settled
        confirm(tps, "k-3", body(values, "ubah lagi")).andExpect(status().isConflict());
        assertThat(rebuild.rebuild(false).differences()).isEmpty();
    }

    @Test
    void changingAConfirmedResultNeedsAReasonAndKeepsHistory() throws Exception {
        String tps = DESA + ".003";
        confirm(tps, "c-1", body(formFor(tps, 10, 20, 30), null)).andExpect(status().isOk());
        confirm(tps, "c-2", body(formFor(tps, 20, 20, 20), null)).andExpect(status().isUnprocessableContent());
        confirm(tps, "c-3", body(formFor(tps, 20, 20, 20), "salah ketik suara paslon 1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.resultVersion").value(2))
                .andExpect(jsonPath("$.reason").value("salah ketik suara paslon 1"))
                .andExpect(jsonPath("$.history").doesNotExist()); // the answer does not repeat the history; GET has it
        mvc.perform(get("/api/recap/tps/" + tps + "/ballots/PPWP").with(Tokens.kpps(tps)))
                .andExpect(jsonPath("$.history.length()").value(2))
                .andExpect(jsonPath("$.history[1].reason").value("salah ketik suara paslon 1"))
                .andExpect(jsonPath("$.history[1].by").value("kpps-" + tps));
    }

    @Test
    void aKppsTokenForOneTpsCannotTouchAnother() throws Exception {
        String mine = DESA + ".004";
        String other = DESA + ".005";
        mvc.perform(post("/api/recap/tps/" + other + "/ballots/PPWP/confirm").with(Tokens.kpps(mine))
                        .contentType(MediaType.APPLICATION_JSON).content(body(formFor(other, 1, 2, 3), null)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/recap/tps/" + other + "/ballots/PPWP").with(Tokens.kpps(mine)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/recap/public/tps/" + other)).andExpect(jsonPath("$.ballots.length()").value(0));
        mvc.perform(post("/api/recap/tps/" + other + "/ballots/PPWP/confirm").with(Tokens.ppk("31.71.01"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(formFor(other, 1, 2, 3), null)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/recap/tps/" + other + "/ballots/PPWP/confirm")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void regionStaffSeeOnlyTheirRegion() throws Exception {
        String desa = "31.71.01.1001";
        String tps = desa + ".006";
        confirm(tps, "s-1", body(formFor(tps, 5, 6, 7), null)).andExpect(status().isOk());
        String path = "/api/recap/tps/" + tps + "/ballots/PPWP";
        mvc.perform(get(path).with(Tokens.ppk("31.71.01"))).andExpect(status().isOk());
        mvc.perform(get(path).with(Tokens.kpu(Roles.KPU_KABKOTA, "31.71"))).andExpect(status().isOk());
        mvc.perform(get(path).with(Tokens.kpu(Roles.KPU_PROVINSI, "31"))).andExpect(status().isOk());
        mvc.perform(get(path).with(Tokens.kpuRi())).andExpect(status().isOk());
        mvc.perform(get(path).with(Tokens.ppk("31.71.02"))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(Tokens.kpu(Roles.KPU_PROVINSI, "32"))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(Tokens.partyOperator("pnb"))).andExpect(status().isForbidden());
        mvc.perform(post(path + "/review").with(Tokens.ppk("31.71.02")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"verified\",\"reason\":\"cocok dengan kertas\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path + "/review").with(Tokens.ppk("31.71.01")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"verified\",\"reason\":\"cocok dengan kertas\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("verified"));
        applier.applyPending();
        long counted = countedValue(desa, "votes.candidate.3");
        mvc.perform(post(path + "/review").with(Tokens.kpu(Roles.KPU_KABKOTA, "31.71"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"disputed\",\"reason\":\"saksi keberatan atas hitungan\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("flagged"))
                .andExpect(jsonPath("$.flags[0].code").value("DISPUTED"));
        applier.applyPending();
        assertThat(countedValue(desa, "votes.candidate.3")).isEqualTo(counted - 7);
    }

    @Test
    void badInputIsRefusedWithAProblem() throws Exception {
        String tps = DESA + ".007";
        confirm(tps, null, "{\"values\":[{\"key\":\"votes.candidate.9\",\"value\":1}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").exists());
        confirm(tps, null, "{}").andExpect(status().isBadRequest());
        mvc.perform(post("/api/recap/tps/31.71.01.1002.7/ballots/PPWP/confirm").with(Tokens.kpps(tps))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/recap/tps/" + tps + "/ballots/CAPRES/confirm").with(Tokens.kpps(tps))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/recap/tps/" + tps + "/ballots/DPD/confirm").with(Tokens.kpps(tps))
                .contentType(MediaType.APPLICATION_JSON).content(body(formFor(tps, 1, 2, 3), null)))
                .andExpect(status().isConflict());
    }

    @Test
    void progressListsTpsNotYetReported() throws Exception {
        String desa = "31.71.01.1003";
        int total = registry.stationsOf(desa).size();
        mvc.perform(get("/api/recap/public/progress").param("region", desa).param("ballotType", "PILKADA_GUBERNUR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.progress.tpsTotal").value(total))
                .andExpect(jsonPath("$.progress.notReported").value(total))
                .andExpect(jsonPath("$.notReportedTps[0]").value(desa + ".001"));
        mvc.perform(get("/api/recap/public/regions").param("parent", "31.71.01")).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Gambir"))
                .andExpect(jsonPath("$.children[*].code", hasItem(desa)));
        mvc.perform(get("/api/recap/public/download").param("region", "31.71").param("format", "csv"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.startsWith("code,name,level,tps_total")));
        mvc.perform(get("/api/recap/public/download").param("region", desa).param("format", "json"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows.length()").value(total));
    }
}
