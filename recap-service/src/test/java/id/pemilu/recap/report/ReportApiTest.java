package id.pemilu.recap.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.recap.testdata.Forms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class ReportApiTest {

    static final String DESA = "31.71.01.1006";

    @Autowired
    MockMvc mvc;
    @Autowired
    TpsRegistry registry;
    @Autowired
    RecapApplier applier;
    @Autowired
    RecapRebuild rebuild;

    /** The last two TPS of kelurahan 1006, 1005, 1004, 1002 (other tests use the first ones). */
    String tps(int index) {
        String desa = new String[] {"31.71.01.1006", "31.71.01.1005", "31.71.01.1004", "31.71.01.1002"}[index / 2];
        java.util.List<Station> stations = new java.util.ArrayList<>(registry.stationsOf(desa));
        return stations.get(stations.size() - 1 - index % 2).code().value();
    }

    ResultActions report(String tps, String client, String json) throws Exception {
        // as the gateway forwards it: the client's address with the gateway's key (dev value of pemilu-common.yml)
        return mvc.perform(post("/api/recap/public/tps/" + tps + "/reports").header("X-Forwarded-For", client)
                .header(id.pemilu.common.web.ClientAddress.GATEWAY_KEY_HEADER, "dev-only-gateway-key-change-me")
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void reportsAreCountedPerTpsAndReasonAndTheOpenCountIsPublic() throws Exception {
        String tpsA = tps(0);
        report(tpsA, "10.1.0.1", "{\"reason\":\"numbers_differ\",\"ballotType\":\"PPWP\","
                + "\"field\":\"votes.candidate.2\",\"text\":\"Di foto 71, di situs 171\"}")
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.deduplicated").value(false)).andExpect(jsonPath("$.status").value("open"));
        report(tpsA, "10.1.0.2", "{\"reason\":\"NUMBERS_DIFFER\",\"field\":\"votes.candidate.2\"}")
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.count").value(2))
                .andExpect(jsonPath("$.deduplicated").value(true));
        report(tpsA, "10.1.0.2", "{\"reason\":\"PHOTO_UNREADABLE\"}").andExpect(jsonPath("$.count").value(1));
        mvc.perform(get("/api/recap/public/tps/" + tpsA)).andExpect(status().isOk())
                .andExpect(jsonPath("$.openReports.total").value(3))
                .andExpect(jsonPath("$.openReports.byReason[?(@.reason=='NUMBERS_DIFFER')].count", hasItem(2)))
                .andExpect(jsonPath("$.openReports.byReason[?(@.reason=='PHOTO_UNREADABLE')].count", hasItem(1)))
                // the public answer carries counts only: no texts, no addresses
                .andExpect(content().string(not(containsString("di situs 171"))))
                .andExpect(content().string(not(containsString("10.1.0."))));
        mvc.perform(get("/api/recap/tps/" + tpsA + "/reports").with(Tokens.ppk("31.71.01")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.reason=='NUMBERS_DIFFER')].reporters", hasItem(2)))
                .andExpect(jsonPath("$[?(@.reason=='NUMBERS_DIFFER')].samples[*].text", hasItem("Di foto 71, di situs 171")))
                .andExpect(content().string(not(containsString("10.1.0."))));
    }

    @Test
    void badInputIsRefusedWithAReasonInBahasaIndonesiaAndNothingIsStored() throws Exception {
        String tpsB = tps(5);
        report(tpsB, "10.2.0.1", "{\"reason\":\"BORING\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Alasan laporan tidak dikenal")));
        report(tpsB, "10.2.0.2", "{\"reason\":\"OTHER\",\"text\":\"angka \u202Eilsa\u202C benar\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("U+202E")));
        report(tpsB, "10.2.0.3", "{\"reason\":\"OTHER\",\"text\":\"baris satu\\nbaris dua\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("kendali")));
        report(tpsB, "10.2.0.4", "{\"reason\":\"OTHER\",\"text\":\"" + "a".repeat(501) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("500")));
        report(tpsB, "10.2.0.5", "{\"reason\":\"OTHER\"}").andExpect(status().isBadRequest());
        report(tpsB, "10.2.0.6", "{\"reason\":\"NUMBERS_DIFFER\",\"field\":\"$where\"}")
                .andExpect(status().isBadRequest());
        report(tpsB, "10.2.0.7", "{\"reason\":\"NUMBERS_DIFFER\",\"ballotType\":\"PEMILU_RAYA\"}")
                .andExpect(status().isBadRequest());
        report(DESA + ".999", "10.2.0.8", "{\"reason\":\"WRONG_TPS\"}").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("tidak ada")));
        report("bukan-tps", "10.2.0.9", "{\"reason\":\"WRONG_TPS\"}").andExpect(status().isBadRequest());
        mvc.perform(get("/api/recap/public/tps/" + tpsB)).andExpect(jsonPath("$.openReports.total").value(0));
    }

    @Test
    void aClientIsLimitedPerMinuteOthersAreNot() throws Exception {
        String tpsB = tps(2);
        for (int i = 0; i < 5; i++) {
            report(tpsB, "10.3.0.1", "{\"reason\":\"WRONG_TPS\"}").andExpect(status().isAccepted());
        }
        report(tpsB, "10.3.0.1", "{\"reason\":\"WRONG_TPS\"}").andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(containsString("Coba lagi")));
        // the limit follows the last X-Forwarded-For hop (the gateway's), not what the caller wrote before it
        report(tpsB, "1.2.3.4, 10.3.0.1", "{\"reason\":\"WRONG_TPS\"}").andExpect(status().isTooManyRequests());
        report(tpsB, "10.3.0.2", "{\"reason\":\"WRONG_TPS\"}").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.count").value(6));
        // without the gateway's key a caller-written address is not believed: the socket address is limited instead
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/recap/public/tps/" + tpsB + "/reports").header("X-Forwarded-For", "10.3.9." + i)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"WRONG_TPS\"}"));
        }
        mvc.perform(post("/api/recap/public/tps/" + tpsB + "/reports").header("X-Forwarded-For", "10.3.9.99")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"WRONG_TPS\"}"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void thePpkAndTiersAboveAndBawasluReadTheQueueOthersDoNot() throws Exception {
        String tpsC = tps(3);
        report(tpsC, "10.4.0.1", "{\"reason\":\"PHOTO_UNREADABLE\",\"text\":\"foto buram\"}")
                .andExpect(status().isAccepted());
        String sees = "$[?(@.tpsCode=='" + tpsC + "')].count";
        for (var who : java.util.List.of(Tokens.ppk("31.71.01"), Tokens.kpu(Roles.KPU_KABKOTA, "31.71"),
                Tokens.kpu(Roles.KPU_PROVINSI, "31"), Tokens.kpuRi(), Tokens.bawaslu())) {
            mvc.perform(get("/api/recap/reports").param("region", "31.71.01").with(who))
                    .andExpect(status().isOk()).andExpect(jsonPath(sees, hasItem(1)));
        }
        mvc.perform(get("/api/recap/reports").with(Tokens.bawaslu())).andExpect(jsonPath(sees, hasItem(1)));
        mvc.perform(get("/api/recap/reports").param("region", "31.71.01").with(Tokens.ppk("31.71.02")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/recap/reports").param("region", "31.71.02").with(Tokens.ppk("31.71.02")))
                .andExpect(status().isOk()).andExpect(jsonPath(sees).isEmpty());
        mvc.perform(get("/api/recap/tps/" + tpsC + "/reports").with(Tokens.ppk("31.71.02")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/recap/reports").param("region", "31.71.01").with(Tokens.kpps(tpsC)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/recap/reports").param("region", "31.71.01")).andExpect(status().isUnauthorized());
    }

    @Test
    void aPpkClosesACaseWithAReasonBawasluCannot() throws Exception {
        String tps = tps(4);
        report(tps, "10.5.0.1", "{\"reason\":\"OTHER\",\"text\":\"saksi tidak diberi salinan\"}")
                .andExpect(status().isAccepted());
        String close = "/api/recap/tps/" + tps + "/reports/other/close";
        mvc.perform(post(close).with(Tokens.bawaslu()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post(close).with(Tokens.ppk("31.71.01")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\" \"}")).andExpect(status().isBadRequest());
        mvc.perform(post(close).with(Tokens.ppk("31.71.02")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"bukan wilayah saya\"}")).andExpect(status().isForbidden());
        mvc.perform(post(close).with(Tokens.ppk("31.71.01")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Salinan sudah diberikan, dicek dengan KPPS\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("closed"))
                .andExpect(jsonPath("$.count").value(0))
                .andExpect(jsonPath("$.closed[0].count").value(1))
                .andExpect(jsonPath("$.closed[0].closedBy").value("ppk-31.71.01"))
                .andExpect(jsonPath("$.closed[0].closeReason").value("Salinan sudah diberikan, dicek dengan KPPS"));
        mvc.perform(get("/api/recap/public/tps/" + tps)).andExpect(jsonPath("$.openReports.total").value(0));
        mvc.perform(post(close).with(Tokens.ppk("31.71.01")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"lagi\"}")).andExpect(status().isConflict());
        mvc.perform(get("/api/recap/reports").param("region", "31.71.01").with(Tokens.ppk("31.71.01")))
                .andExpect(jsonPath("$[?(@.tpsCode=='" + tps + "')]").isEmpty());
        report(tps, "10.5.0.2", "{\"reason\":\"OTHER\",\"text\":\"lagi\"}").andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.deduplicated").value(false));
    }

    @Test
    void reportsNeverChangeNumbers() throws Exception {
        String tps = tps(1); // kelurahan 1006: no other test asserts its totals
        String desa = tps.substring(0, 13);
        Station s = registry.find(new TpsCode(tps)).orElseThrow();
        String body = "{\"values\":" + Forms.json(Forms.consistent(s.dptMen(), s.dptWomen(), 3, 30, 40, 50)) + "}";
        mvc.perform(post("/api/recap/tps/" + tps + "/ballots/PPWP/confirm").with(Tokens.kpps(tps))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
        applier.applyPending();
        String resultBefore = mvc.perform(get("/api/recap/tps/" + tps + "/ballots/PPWP").with(Tokens.kpuRi()))
                .andReturn().getResponse().getContentAsString();
        String totalsBefore = mvc.perform(get("/api/recap/public/totals").param("region", desa))
                .andReturn().getResponse().getContentAsString();
        int n = 0;
        for (ReportReason reason : ReportReason.values()) {
            report(tps, "10.6.0." + n++, "{\"reason\":\"" + reason + "\",\"ballotType\":\"PPWP\","
                    + "\"field\":\"votes.candidate.1\",\"text\":\"angka 30 seharusnya 300\"}")
                    .andExpect(status().isAccepted());
        }
        mvc.perform(post("/api/recap/tps/" + tps + "/reports/NUMBERS_DIFFER/close").with(Tokens.ppk("31.71.01"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"dicek: sesuai kertas\"}"))
                .andExpect(status().isOk());
        applier.applyPending();
        assertThat(mvc.perform(get("/api/recap/tps/" + tps + "/ballots/PPWP").with(Tokens.kpuRi()))
                .andReturn().getResponse().getContentAsString()).isEqualTo(resultBefore);
        assertThat(mvc.perform(get("/api/recap/public/totals").param("region", desa))
                .andReturn().getResponse().getContentAsString()).isEqualTo(totalsBefore);
        mvc.perform(get("/api/recap/public/tps/" + tps)).andExpect(jsonPath("$.ballots[0].status").value("submitted"))
                .andExpect(jsonPath("$.ballots[0].resultVersion").value(1))
                .andExpect(jsonPath("$.openReports.total").value(3));
        assertThat(rebuild.rebuild(false).differences()).isEmpty();
    }
}
