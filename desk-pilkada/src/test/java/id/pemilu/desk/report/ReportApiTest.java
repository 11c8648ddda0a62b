package id.pemilu.desk.report;

import static id.pemilu.desk.Fixtures.DESA_CIDENG;
import static id.pemilu.desk.Fixtures.DESA_GAMBIR;
import static id.pemilu.desk.Fixtures.GAMBIR;
import static id.pemilu.desk.Fixtures.body;
import static id.pemilu.desk.Fixtures.desk;
import static id.pemilu.desk.Fixtures.pelapor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.test.Tokens;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class ReportApiTest {

    static final String C = "PILKADA_GUBERNUR";

    @DynamicPropertySource
    static void recap(DynamicPropertyRegistry registry) {
        Fixtures.properties(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    RegistrySync registry;

    @BeforeEach
    void registryRead() {
        registry.syncNow();
    }

    ResultActions report(RequestPostProcessor who, String tps, String key, String json) throws Exception {
        var request = post("/api/desk/reports/" + tps + "/" + C).with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    ResultActions correct(RequestPostProcessor who, String tps, String key, String json) throws Exception {
        var request = post("/api/desk/reports/" + tps + "/" + C + "/corrections").with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    @Test
    void aSecondReportForTheSameTpsIsRefusedAndSaysWhoReportedWhen() throws Exception {
        String tps = DESA_GAMBIR + ".001";
        report(pelapor("pelapor.gambir.1", DESA_GAMBIR), tps, "k-1", body(null, 100, 60, 40, 200, 5, 205))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("reported"))
                .andExpect(jsonPath("$.counted").value(true))
                .andExpect(jsonPath("$.reportedBy").value("pelapor.gambir.1"))
                .andExpect(jsonPath("$.label").value(ReportService.LABEL));
        report(pelapor("pelapor.gambir.2", GAMBIR), tps, "k-2", body(null, 101, 60, 40, 201, 5, 206))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Sudah dilaporkan"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.reportStatus").value("reported"))
                .andExpect(jsonPath("$.reportedBy").value("pelapor.gambir.1"))
                .andExpect(jsonPath("$.reportedAt").exists())
                .andExpect(jsonPath("$.detail").value(containsString("sudah dilaporkan oleh pelapor.gambir.1")));
        // the same reporter without the key of the first send: also refused (it is a second report)
        report(pelapor("pelapor.gambir.1", DESA_GAMBIR), tps, null, body(null, 100, 60, 40, 200, 5, 205))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/desk/reports/" + tps + "/" + C).with(desk("desk.jakpus", "31.71")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.numbers.candidates[0]").value(100))
                .andExpect(jsonPath("$.history", hasSize(1)));
    }

    @Test
    void aRetryOnBadSignalWithTheSameKeyIsAnsweredWithTheSameReport() throws Exception {
        String tps = DESA_GAMBIR + ".002";
        var who = pelapor("pelapor.gambir.1", DESA_GAMBIR);
        String json = body(null, 90, 80, 30, 200, 3, 203);
        report(who, tps, "sinyal-1", json).andExpect(status().isCreated()).andExpect(jsonPath("$.replay").value(false));
        report(who, tps, "sinyal-1", json).andExpect(status().isOk())
                .andExpect(jsonPath("$.replay").value(true))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.history", hasSize(1)));
        // the same key with other numbers is not a retry
        report(who, tps, "sinyal-1", body(null, 91, 80, 30, 201, 3, 204)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Idempotency-Key sudah dipakai"));
        // another reporter cannot take over a key
        report(pelapor("pelapor.gambir.2", GAMBIR), tps, "sinyal-1", json).andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Sudah dilaporkan"));
        report(who, tps, "bad key!", json).andExpect(status().isBadRequest());
    }

    @Test
    void aReporterOfAnotherDesaIsRefused() throws Exception {
        String cideng = DESA_CIDENG + ".001";
        report(pelapor("pelapor.gambir.1", DESA_GAMBIR), cideng, null, body(null, 100, 60, 40, 200, 5, 205))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("tidak mencakup TPS " + cideng)));
        // nor may it read or correct there
        mvc.perform(get("/api/desk/progress").param("region", DESA_CIDENG).with(pelapor("pelapor.gambir.1",
                DESA_GAMBIR))).andExpect(status().isForbidden());
        // a reporter of the whole kecamatan may
        report(pelapor("pelapor.kec.gambir", GAMBIR), cideng, null, body(null, 100, 60, 40, 200, 5, 205))
                .andExpect(status().isCreated());
        // other roles: the desk does not send first reports, KPU staff and reporters without region do nothing here
        report(desk("desk.jakpus", "31.71"), DESA_CIDENG + ".002", null, body(null, 1, 1, 1, 3, 0, 3))
                .andExpect(status().isForbidden());
        report(Tokens.kpps(DESA_CIDENG + ".002"), DESA_CIDENG + ".002", null, body(null, 1, 1, 1, 3, 0, 3))
                .andExpect(status().isForbidden());
        report(Tokens.as("tanpa.wilayah", "desk-pelapor", java.util.Map.of()), DESA_CIDENG + ".002", null,
                body(null, 1, 1, 1, 3, 0, 3)).andExpect(status().isForbidden());
        mvc.perform(post("/api/desk/reports/" + DESA_CIDENG + ".002/" + C).contentType(MediaType.APPLICATION_JSON)
                .content(body(null, 1, 1, 1, 3, 0, 3))).andExpect(status().isUnauthorized());
    }

    @Test
    void failingChecksNeedAReasonAndAreMarkedAndKeptOutOfTheQuickTotals() throws Exception {
        String tps = DESA_CIDENG + ".003";
        var who = pelapor("pelapor.cideng", DESA_CIDENG);
        String typo = body(null, 90, 905, 30, 200, 3, 203);
        report(who, tps, "t-1", typo).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Perlu alasan tertulis"))
                .andExpect(jsonPath("$.flags[*].code").value(org.hamcrest.Matchers.hasItems("VOTES_SUM",
                        "OUT_OF_RANGE")));
        mvc.perform(get("/api/desk/reports/" + tps + "/" + C).with(who)).andExpect(status().isNotFound());
        report(who, tps, "t-2", body("Angka di papan penghitungan memang 905", 90, 905, 30, 200, 3, 203))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("flagged"))
                .andExpect(jsonPath("$.counted").value(false))
                .andExpect(jsonPath("$.flags[0].code").value("VOTES_SUM"));
        mvc.perform(get("/api/desk/progress").param("region", tps).with(who))
                .andExpect(jsonPath("$.tally.flagged").value(1))
                .andExpect(jsonPath("$.tally.counted").value(0))
                .andExpect(jsonPath("$.tally.totals[1].value").value(0))
                .andExpect(jsonPath("$.tally.flaggedTotals[1].value").value(905));
        // wrong number of candidate pairs: refused, not flagged
        report(who, DESA_CIDENG + ".004", null, body(null, 100, 100, 200, 0, 200)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("3 pasangan calon")));
    }

    @Test
    void aCorrectionNeedsAReasonAndKeepsTheFirstReport() throws Exception {
        String tps = DESA_GAMBIR + ".003";
        var first = pelapor("pelapor.gambir.1", DESA_GAMBIR);
        report(first, tps, null, body(null, 100, 60, 40, 200, 5, 205)).andExpect(status().isCreated());
        var other = pelapor("pelapor.gambir.2", GAMBIR);
        correct(other, tps, "c-1", body(null, 100, 70, 40, 210, 5, 215)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("wajib disertai alasan")));
        correct(other, tps, "c-1", body("Paslon 2 salah baca: 70, bukan 60", 100, 70, 40, 210, 5, 215))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("reported"))
                .andExpect(jsonPath("$.numbers.candidates[1]").value(70))
                .andExpect(jsonPath("$.reportedBy").value("pelapor.gambir.1"))
                .andExpect(jsonPath("$.corrections").value(1))
                .andExpect(jsonPath("$.history", hasSize(2)))
                .andExpect(jsonPath("$.history[0].numbers.candidates[1]").value(60))
                .andExpect(jsonPath("$.history[0].by").value("pelapor.gambir.1"))
                .andExpect(jsonPath("$.history[1].kind").value("koreksi"))
                .andExpect(jsonPath("$.history[1].by").value("pelapor.gambir.2"))
                .andExpect(jsonPath("$.history[1].reason").value("Paslon 2 salah baca: 70, bukan 60"));
        // the retry of the correction adds nothing
        correct(other, tps, "c-1", body("Paslon 2 salah baca: 70, bukan 60", 100, 70, 40, 210, 5, 215))
                .andExpect(status().isOk()).andExpect(jsonPath("$.replay").value(true))
                .andExpect(jsonPath("$.history", hasSize(2)));
        // the quick total of the TPS follows the correction
        mvc.perform(get("/api/desk/progress").param("region", tps).with(desk("desk.dki", "31")))
                .andExpect(jsonPath("$.tally.totals[1].key").value("votes.candidate.2"))
                .andExpect(jsonPath("$.tally.totals[1].value").value(70));
        // a correction with failing numbers still needs the checks' reason and is then flagged
        correct(desk("desk.jakpus", "31.71"), tps, null, body("Dicek ulang oleh desk", 100, 70, 41, 210, 5, 215))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("flagged"));
        correct(first, DESA_GAMBIR + ".006", null, body("tidak ada laporannya", 1, 1, 1, 3, 0, 3))
                .andExpect(status().isNotFound());
    }

    @Test
    void aStoppedReporterCannotReportInTheDesksRegion() throws Exception {
        String tps = DESA_GAMBIR + ".005";
        mvc.perform(post("/api/desk/reporters/pelapor.hilang/block").with(desk("desk.jakpus", "31.71"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Ponsel hilang\"}"))
                .andExpect(status().isOk());
        report(pelapor("pelapor.hilang", DESA_GAMBIR), tps, null, body(null, 100, 60, 40, 200, 5, 205))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("Ponsel hilang")));
        mvc.perform(get("/api/desk/reporters").param("region", "31.71").with(desk("desk.jakpus", "31.71")))
                .andExpect(jsonPath("$[?(@.username == 'pelapor.hilang')].blocked").value(true));
        // a reporter cannot manage reporters; a desk of another kab/kota cannot read this one's list
        mvc.perform(get("/api/desk/reporters").param("region", "31.71").with(pelapor("p", GAMBIR)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/desk/reporters").param("region", "31.71").with(desk("desk.jakut", "31.72")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/desk/reporters/pelapor.hilang/unblock").with(desk("desk.jakpus", "31.71")))
                .andExpect(status().isOk());
        report(pelapor("pelapor.hilang", DESA_GAMBIR), tps, null, body(null, 100, 60, 40, 200, 5, 205))
                .andExpect(status().isCreated());
    }

    @Test
    void aPhotoCanBeAddedToAReportAndOnlyStaffReadIt() throws Exception {
        String tps = DESA_GAMBIR + ".004";
        var who = pelapor("pelapor.gambir.1", DESA_GAMBIR);
        report(who, tps, null, body(null, 100, 60, 40, 200, 5, 205)).andExpect(status().isCreated());
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var file = new org.springframework.mock.web.MockMultipartFile("photo", "c.png", "image/png", png);
        String answer = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/desk/reports/" + tps + "/" + C + "/photo").file(file).with(who))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("image/png"))
                .andReturn().getResponse().getContentAsString();
        String sha = answer.replaceAll(".*\"sha256\":\"([0-9a-f]{64})\".*", "$1");
        mvc.perform(get("/api/desk/photos/" + sha).with(desk("desk.dki", "31"))).andExpect(status().isOk());
        mvc.perform(get("/api/desk/photos/" + sha)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/desk/reports/" + tps + "/" + C).with(who)).andExpect(jsonPath("$.photos", hasSize(1)));
        var text = new org.springframework.mock.web.MockMultipartFile("photo", "c.txt", "image/png",
                "bukan foto".getBytes());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/api/desk/reports/" + tps + "/" + C + "/photo").file(text).with(who))
                .andExpect(status().isUnsupportedMediaType());
    }
}
