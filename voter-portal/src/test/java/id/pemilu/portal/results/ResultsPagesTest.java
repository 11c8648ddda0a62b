package id.pemilu.portal.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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

@SpringBootTest
@AutoConfigureMockMvc
class ResultsPagesTest {

    static final FakeBackend recap = new FakeBackend();

    static {
        recap.answer("GET /api/recap/public/totals?region=31.71.01&ballotType=PPWP", 200, """
                {"region":{"code":"31.71.01","name":"GAMBIR","level":"KECAMATAN","tpsTotal":120},
                 "ballotType":"PPWP",
                 "counted":{"tps":2,"values":[{"key":"votes.candidate.1","value":1234},{"key":"votes.candidate.2","value":98},
                    {"key":"votes.candidate.3","value":77},{"key":"votes.valid","value":1409},{"key":"votes.invalid","value":11}]},
                 "flagged":{"tps":1,"values":[{"key":"votes.candidate.1","value":905}]},
                 "progress":{"tpsTotal":120,"reported":3,"submitted":2,"flagged":1,"verified":0,"corrected":0,
                    "notReported":117,"percentReported":2.5},
                 "updatedAt":"2029-02-14T13:05:00Z"}""");
        recap.answer("GET /api/recap/public/download?region=31.71.01&ballotType=PPWP&format=json", 200, """
                {"rows":[{"code":"31.71.01.1001","name":"GAMBIR","level":"DESA","tpsTotal":30,"countedTps":2,
                  "flaggedTps":1,"status":null,"values":[{"key":"votes.candidate.1","value":1234},
                  {"key":"votes.candidate.2","value":98},{"key":"votes.candidate.3","value":76543},
                  {"key":"votes.valid","value":1409}]}]}""");
        recap.answer("GET /api/recap/public/tps/31.71.01.1001.001", 200, """
                {"tpsCode":"31.71.01.1001.001","url":"/api/recap/public/tps/31.71.01.1001.001",
                 "path":[{"code":"31","name":"DKI JAKARTA"},{"code":"31.71","name":"KOTA JAKARTA PUSAT"},
                         {"code":"31.71.01","name":"Gambir"},{"code":"31.71.01.1001","name":"Gambir"}],
                 "dptMen":140,"dptWomen":150,"dpt":290,
                 "ballots":[{"ballotType":"PPWP","status":"flagged","counted":false,"resultVersion":2,
                   "values":[{"key":"votes.candidate.1","value":905},{"key":"votes.valid","value":205}],
                   "flags":[{"code":"VOTES_SUM","message":"Jumlah suara calon 1.005 tidak sama dengan suara sah 205."}],
                   "source":"PHOTO_READING_CONFIRMED","updatedAt":"2029-02-14T13:00:00Z",
                   "photos":[{"page":1,"sha256":"ab12","url":"/api/recap/public/photos/ab12"}],
                   "history":[{"resultVersion":1,"status":"submitted","role":"kpps","at":"2029-02-14T10:00:00Z",
                       "reason":null,"source":"photo-reading","flags":[],
                       "values":[{"key":"votes.candidate.1","value":105},{"key":"votes.valid","value":205}]},
                     {"resultVersion":2,"status":"flagged","role":"ppk","at":"2029-02-14T13:00:00Z",
                       "reason":"saksi keberatan atas hitungan","source":"photo-reading","flags":["VOTES_SUM"],
                       "values":[{"key":"votes.candidate.1","value":905},{"key":"votes.valid","value":205}]}]}]}""");
    }

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) {
        registry.add("pemilu.portal.recap-service-url", recap::url);
    }

    @AfterAll
    static void stop() {
        recap.close();
    }

    @Autowired
    MockMvc mvc;

    @Test
    void regionPageShowsCountedVotesProgressAndKeepsFlaggedApart() throws Exception {
        mvc.perform(get("/hasil").param("wilayah", "31.71.01"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("GAMBIR"),
                        containsString("Paslon nomor 1"),
                        containsString("1.234"),
                        containsString("3</strong> dari <span>120</span> TPS"),
                        containsString("1</span> TPS ditandai"),
                        containsString("14-2-2029 20:05:00 WIB"),
                        containsString("<td class=\"num\">76543</td>"),
                        not(containsString("905")))));
    }

    @Test
    void regionPageDrawsResultsProgressAndRegionsAsSvgChartsAndIsCacheable() throws Exception {
        mvc.perform(get("/hasil").param("wilayah", "31.71.01"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "public, max-age=5"))
                .andExpect(header().exists("ETag"))
                .andExpect(content().string(allOf(
                        // results as bars: the leader fills its bar, shares of the counted candidate votes
                        containsString("<title id=\"perolehan-t\">Perolehan suara: Paslon nomor 1 1.234 (87,6%)"),
                        // progress: 2 counted, 1 flagged, 117 not reported of 120
                        containsString("TPS yang melapor: dihitung 2 (1,7%); ditandai, tidak dihitung 1 (0,8%); "
                                + "belum melapor 117 (97,5%)"),
                        // per-region comparison, with the region's counted and flagged TPS
                        containsString("2 dari 30 TPS dihitung, 1 ditandai (tidak dihitung)"),
                        containsString("Ditandai, belum dihitung"))));
    }

    @Test
    void aSecondLoadWithTheEtagIsAnsweredNotModified() throws Exception {
        String etag = mvc.perform(get("/hasil").param("wilayah", "31.71.01")).andReturn().getResponse()
                .getHeader("ETag");
        mvc.perform(get("/hasil").param("wilayah", "31.71.01").header("If-None-Match", etag))
                .andExpect(status().isNotModified());
    }

    @Test
    void aCrowdOnOneRegionCostsTheServiceOneRead() throws Exception {
        recap.calls.clear();
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/hasil").param("wilayah", "31.71.01")).andExpect(status().isOk());
        }
        assertThat(recap.calls).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void tpsPageShowsNumbersFlagsAndThePublicPhoto() throws Exception {
        mvc.perform(get("/tps/31.71.01.1001.001"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("ditandai"),
                        containsString("tidak dihitung"),
                        containsString("Jumlah suara calon 1.005 tidak sama"),
                        containsString("src=\"/api/recap/public/photos/ab12\""))));
    }

    @Test
    void tpsPageShowsTheHistoryByOfficeWithReasonsAndWhatChanged() throws Exception {
        mvc.perform(get("/tps/31.71.01.1001.001"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Riwayat perubahan"),
                        containsString("oleh <span>KPPS TPS 31.71.01.1001.001</span>"),
                        containsString("14-2-2029 17:00:00 WIB"),
                        containsString("oleh <span>PPK Kecamatan Gambir</span>"),
                        containsString("<q>saksi keberatan atas hitungan</q>"),
                        containsString("105 → 905"),
                        containsString("Suara semua calon harus sama dengan suara sah"))));
    }

    @Test
    void theOfficeNamesTheRegionOfTheRole() {
        java.util.List<java.util.Map<String, Object>> path = java.util.List.of(
                java.util.Map.of("code", "31", "name", "DKI Jakarta"),
                java.util.Map.of("code", "31.71", "name", "Kota Administrasi Jakarta Pusat"),
                java.util.Map.of("code", "31.71.01", "name", "Gambir"));
        assertThat(ResultsController.office("kpu-kabkota", "31.71.01.1001.001", path))
                .isEqualTo("KPU Kota Administrasi Jakarta Pusat");
        assertThat(ResultsController.office("kpu-provinsi", "31.71.01.1001.001", path))
                .isEqualTo("KPU Provinsi DKI Jakarta");
        assertThat(ResultsController.office("kpu-ri", "31.71.01.1001.001", path)).isEqualTo("KPU RI");
        assertThat(ResultsController.office(null, "31.71.01.1001.001", path)).isNull();
    }

    @Test
    void unknownRegionOrMalformedCodeGetsAPlainAnswer() throws Exception {
        mvc.perform(get("/hasil").param("wilayah", "99.99"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("tidak ada")));
        mvc.perform(get("/hasil").param("wilayah", "<script>"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Kode wilayah tidak dikenal")));
        mvc.perform(get("/hasil").param("jenis", "XYZ"))
                .andExpect(status().isBadRequest());
    }
}
