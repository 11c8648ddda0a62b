package id.pemilu.desk.compare;

import static id.pemilu.desk.Fixtures.DESA_PENJARINGAN;
import static id.pemilu.desk.Fixtures.body;
import static id.pemilu.desk.Fixtures.pelapor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.desk.Fixtures;
import id.pemilu.desk.registry.RegistrySync;
import id.pemilu.desk.report.ReportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Penjaringan (Jakarta Utara), 2 TPS. KPU: TPS 001 counted (100/60/40, valid 200), TPS 002 flagged (not counted).
 * Desk: TPS 001 = 103/58/40 (valid 201), TPS 002 = 50/50/50 (valid 150).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ComparisonTest {

    static final String C = "PILKADA_GUBERNUR";
    static final String TPS1 = DESA_PENJARINGAN + ".001";
    static final String TPS2 = DESA_PENJARINGAN + ".002";

    @DynamicPropertySource
    static void recap(DynamicPropertyRegistry registry) {
        Fixtures.properties(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    RegistrySync registry;

    @BeforeEach
    void reports() throws Exception {
        registry.syncNow();
        Fixtures.RECAP.official(TPS1, C, "submitted", 100, 60, 40, 200, 5, 205);
        Fixtures.RECAP.official(TPS2, C, "flagged", 50, 905, 50, 150, 2, 152);
        // another ballot type of KPU must never be compared with the gubernur race
        Fixtures.RECAP.official(TPS1, "PPWP", "submitted", 1, 1, 1, 3, 0, 3);
        var who = pelapor("pelapor.penjaringan", DESA_PENJARINGAN);
        for (String[] r : new String[][] {{TPS1, body(null, 103, 58, 40, 201, 5, 206)},
                {TPS2, body(null, 50, 50, 50, 150, 2, 152)}}) {
            mvc.perform(post("/api/desk/reports/" + r[0] + "/" + C).with(who).header("Idempotency-Key", "cmp-" + r[0])
                    .contentType(MediaType.APPLICATION_JSON).content(r[1]));
        }
    }

    @Test
    void quickTotalsStandBesideKpusCountedTotalsWithTheDifferencePerPairAndPerTps() throws Exception {
        String json = mvc.perform(get("/api/desk/public/comparison").param("region", DESA_PENJARINGAN)
                        .param("contest", C))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value(ReportService.LABEL))
                .andExpect(jsonPath("$.desk.label").value("Data cepat Desk Pilkada — bukan hasil resmi KPU"))
                .andExpect(jsonPath("$.desk.tpsTotal").value(2))
                .andExpect(jsonPath("$.desk.counted").value(2))
                .andExpect(jsonPath("$.kpu.available").value(true))
                .andExpect(jsonPath("$.kpu.countedTps").value(1))
                .andExpect(jsonPath("$.kpu.flaggedTps").value(1))
                // whole region: desk 103+50, KPU only its counted TPS 001
                .andExpect(jsonPath("$.pairs[0].key").value("votes.candidate.1"))
                .andExpect(jsonPath("$.pairs[0].desk").value(153))
                .andExpect(jsonPath("$.pairs[0].kpu").value(100))
                .andExpect(jsonPath("$.pairs[0].difference").value(53))
                .andExpect(jsonPath("$.pairs[1].difference").value(108 - 60))
                .andExpect(jsonPath("$.pairs[3].key").value("votes.valid"))
                .andExpect(jsonPath("$.pairs[3].difference").value(351 - 200))
                // like for like: only TPS 001 is counted on both sides
                .andExpect(jsonPath("$.sameTps.tps").value(1))
                .andExpect(jsonPath("$.sameTps.pairs[0].difference").value(3))
                .andExpect(jsonPath("$.sameTps.pairs[1].difference").value(-2))
                .andExpect(jsonPath("$.sameTps.pairs[2].difference").value(0))
                .andExpect(jsonPath("$.perTps", hasSize(1)))
                .andExpect(jsonPath("$.perTps[0].tpsCode").value(TPS1))
                .andExpect(jsonPath("$.perTps[0].largestDifference").value(3))
                .andExpect(jsonPath("$.perTps[0].large").value(false))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).doesNotContain("pelapor.");
        assertThat(Fixtures.RECAP.calls).allMatch(call -> call.startsWith("GET "));
    }

    @Test
    void aLargeDifferenceAtOneTpsIsMarked() throws Exception {
        Fixtures.RECAP.official(TPS2, C, "verified", 50, 30, 50, 130, 2, 132);
        mvc.perform(get("/api/desk/public/comparison").param("region", DESA_PENJARINGAN).param("contest", C))
                .andExpect(jsonPath("$.perTps", hasSize(2)))
                .andExpect(jsonPath("$.perTps[0].tpsCode").value(TPS2))
                .andExpect(jsonPath("$.perTps[0].largestDifference").value(20))
                .andExpect(jsonPath("$.perTps[0].large").value(true))
                .andExpect(jsonPath("$.sameTps.tps").value(2))
                .andExpect(jsonPath("$.sameTps.pairs[1].difference").value(-2 + 20));
    }

    @Test
    void whenKpusCountCannotBeReadTheQuickNumbersAreStillShownAndSaySo() throws Exception {
        Fixtures.RECAP.down(true);
        try {
            mvc.perform(get("/api/desk/public/comparison").param("region", DESA_PENJARINGAN).param("contest", C))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.kpu.available").value(false))
                    .andExpect(jsonPath("$.kpu.message").exists())
                    .andExpect(jsonPath("$.desk.counted").value(2))
                    .andExpect(jsonPath("$.pairs[0].desk").value(153))
                    .andExpect(jsonPath("$.pairs[0].kpu").doesNotExist());
        } finally {
            Fixtures.RECAP.down(false);
        }
        mvc.perform(get("/api/desk/public/totals").param("region", DESA_PENJARINGAN).param("contest", C))
                .andExpect(jsonPath("$.label").value(ReportService.LABEL))
                .andExpect(jsonPath("$.tally.totals[0].value").value(153));
    }
}
