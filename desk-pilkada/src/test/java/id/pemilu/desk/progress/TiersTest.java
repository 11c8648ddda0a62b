package id.pemilu.desk.progress;

import static id.pemilu.desk.Fixtures.DESA_CIDENG;
import static id.pemilu.desk.Fixtures.DESA_PENJARINGAN;
import static id.pemilu.desk.Fixtures.body;
import static id.pemilu.desk.Fixtures.desk;
import static id.pemilu.desk.Fixtures.nasional;
import static id.pemilu.desk.Fixtures.pelapor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.desk.Fixtures;
import id.pemilu.desk.registry.RegistrySync;
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
 * The report up the tiers for the bupati/wali kota race (kab/kota → province → national): Jakarta Pusat (Cideng) and
 * Jakarta Utara (Penjaringan) are two races; the province and the national desk see progress but never add up pairs
 * of different races. The national desk (Kemendagri) reads every region and changes nothing. Also the reporter's form.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TiersTest {

    static final String C = "PILKADA_BUPATI";
    static final String CIDENG_1 = DESA_CIDENG + ".001";
    static final String PENJARINGAN_1 = DESA_PENJARINGAN + ".001";

    @DynamicPropertySource
    static void recap(DynamicPropertyRegistry registry) {
        Fixtures.properties(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    RegistrySync registry;

    @BeforeEach
    void twoRaces() throws Exception {
        registry.syncNow();
        mvc.perform(post("/api/desk/reports/" + CIDENG_1 + "/" + C).with(pelapor("pelapor.cideng.t", DESA_CIDENG))
                .header("Idempotency-Key", "tiers-cideng-1").contentType(MediaType.APPLICATION_JSON)
                .content(body(null, 100, 50, 30, 180, 2, 182)));
        mvc.perform(post("/api/desk/reports/" + PENJARINGAN_1 + "/" + C)
                .with(pelapor("pelapor.penjaringan.t", DESA_PENJARINGAN))
                .header("Idempotency-Key", "tiers-penjaringan-1").contentType(MediaType.APPLICATION_JSON)
                .content(body(null, 7, 8, 9, 24, 1, 25)));
    }

    @Test
    void theProvinceSeesTwoRacesAndAddsUpNoPairAcrossThem() throws Exception {
        mvc.perform(get("/api/desk/progress").param("region", "31").param("contest", C).with(desk("desk.dki", "31")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.races").value(2))
                .andExpect(jsonPath("$.pairs").doesNotExist())
                .andExpect(jsonPath("$.raceNote").value(containsString("2 pemilihan")))
                .andExpect(jsonPath("$.tally.reported").value(2))
                .andExpect(jsonPath("$.tally.totals[*].key").value(not(hasItem("votes.candidate.1"))))
                .andExpect(jsonPath("$.tally.totals[?(@.key=='votes.valid')].value").value(hasItem(204)))
                // each kab/kota is one race: its pairs are shown
                .andExpect(jsonPath("$.rows[?(@.region.code=='31.71')].tally.totals[0].key").value(
                        hasItem("votes.candidate.1")))
                .andExpect(jsonPath("$.rows[?(@.region.code=='31.71')].tally.totals[0].value").value(hasItem(100)))
                .andExpect(jsonPath("$.rows[?(@.region.code=='31.72')].tally.totals[0].value").value(hasItem(7)));
        // one kab/kota: one race, pairs added up
        mvc.perform(get("/api/desk/progress").param("region", "31.71").param("contest", C)
                        .with(desk("desk.jakpus", "31.71")))
                .andExpect(jsonPath("$.races").value(1))
                .andExpect(jsonPath("$.pairs").value(3))
                .andExpect(jsonPath("$.tally.totals[0].value").value(100));
        // the CSV up the tiers carries each race's pairs on its own row
        mvc.perform(get("/api/desk/export").param("region", "31").param("contest", C).param("format", "csv")
                        .with(desk("desk.dki", "31")))
                .andExpect(content().string(containsString("31.72,\"Kota Administrasi Jakarta Utara\"")));
    }

    @Test
    void theNationalDeskReadsEveryRegionAndChangesNothing() throws Exception {
        mvc.perform(get("/api/desk/progress").param("region", "ID").param("contest", C).with(nasional("desk.kemendagri")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region.level").value("NASIONAL"))
                .andExpect(jsonPath("$.rows[0].region.code").value("31"))
                .andExpect(jsonPath("$.races").value(2))
                .andExpect(jsonPath("$.tally.totals[*].key").value(not(hasItem("votes.candidate.1"))));
        mvc.perform(get("/api/desk/export").param("region", "ID").param("contest", C).param("format", "pdf")
                        .with(nasional("desk.kemendagri")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/desk/reports/" + CIDENG_1 + "/" + C).with(nasional("desk.kemendagri")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reportedBy").value("pelapor.cideng.t"));
        // read-only: no report, no correction, no reporter management
        mvc.perform(post("/api/desk/reports/" + DESA_CIDENG + ".002/" + C).with(nasional("desk.kemendagri"))
                        .contentType(MediaType.APPLICATION_JSON).content(body(null, 1, 1, 1, 3, 0, 3)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/desk/reports/" + CIDENG_1 + "/" + C + "/corrections").with(nasional("desk.kemendagri"))
                        .contentType(MediaType.APPLICATION_JSON).content(body("koreksi", 1, 1, 1, 3, 0, 3)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/desk/reporters").param("region", "31").with(nasional("desk.kemendagri")))
                .andExpect(status().isForbidden());
        // a regional desk does not read the nation or another province
        mvc.perform(get("/api/desk/progress").param("region", "ID").param("contest", C).with(desk("desk.dki", "31")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/desk/progress").param("region", "32").param("contest", C).with(desk("desk.dki", "31")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theReportersFormCarriesTheRaceTheBallotsAndTheReportIfAny() throws Exception {
        mvc.perform(get("/api/desk/form/" + DESA_CIDENG + ".003/" + C).with(pelapor("pelapor.cideng.t", DESA_CIDENG)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value(containsString("bukan hasil resmi KPU")))
                .andExpect(jsonPath("$.desaName").value("Cideng"))
                .andExpect(jsonPath("$.raceRegion").value("31.71"))
                .andExpect(jsonPath("$.pairs").value(3))
                .andExpect(jsonPath("$.dpt").value(240))
                .andExpect(jsonPath("$.ballots").value(245))
                .andExpect(jsonPath("$.maxVoters").value(600))
                .andExpect(jsonPath("$.mayReport").value(true))
                .andExpect(jsonPath("$.report").doesNotExist());
        mvc.perform(get("/api/desk/form/" + CIDENG_1 + "/" + C).with(desk("desk.jakpus", "31.71")))
                .andExpect(jsonPath("$.mayReport").value(false))
                .andExpect(jsonPath("$.mayCorrect").value(true))
                .andExpect(jsonPath("$.report.reportedBy").value("pelapor.cideng.t"));
        mvc.perform(get("/api/desk/form/" + PENJARINGAN_1 + "/" + C).with(pelapor("pelapor.cideng.t", DESA_CIDENG)))
                .andExpect(status().isForbidden());
    }
}
