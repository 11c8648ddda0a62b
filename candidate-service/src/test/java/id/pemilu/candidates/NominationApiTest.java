package id.pemilu.candidates;

import static id.pemilu.candidates.WorkflowFixture.candidate;
import static id.pemilu.candidates.WorkflowFixture.json;
import static id.pemilu.candidates.WorkflowFixture.listBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import id.pemilu.candidates.party.TestParties;
import id.pemilu.common.test.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Dapil scope per KPU level, double candidacy across bodies, DPD lists and bad input through the API. */
@SpringBootTest
@AutoConfigureMockMvc
class NominationApiTest {

    static final String SHARED_NIK = "3174050505850011";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Value("${pemilu.nik.hmac-key}")
    String nikKey;

    ResultActions defineSet(RequestPostProcessor who, String body, String area, Object dapil) throws Exception {
        return mvc.perform(put("/api/dapil/sets/" + body + "/" + area).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json(dapil)));
    }

    ResultActions putList(RequestPostProcessor who, String dapil, String party, String body) throws Exception {
        return mvc.perform(put("/api/candidates/lists/" + dapil + "/" + party).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static List<Map<String, Object>> jakartaPusatKabKota() {
        return List.of(
                Map.of("code", "DPRD-3171-1", "name", "Jakarta Pusat 1", "seats", 6,
                        "regionCodes", List.of("31.71.01", "31.71.02", "31.71.03", "31.71.04")),
                Map.of("code", "DPRD-3171-2", "name", "Jakarta Pusat 2", "seats", 6,
                        "regionCodes", List.of("31.71.05", "31.71.06", "31.71.07", "31.71.08")));
    }

    @Test
    void dapilAreDefinedOnlyByTheKpuCoveringTheAreaAndOverlapsAreRefused() throws Exception {
        defineSet(Tokens.kpu("kpu-kabkota", "31.74"), "DPRD_KABKOTA", "31.71", jakartaPusatKabKota())
                .andExpect(status().isForbidden());
        defineSet(Tokens.kpu("kpu-kabkota", "31.71"), "DPR", "31", List.of(Map.of("code", "DPR-X", "name", "X",
                "seats", 6, "regionCodes", List.of("31")))).andExpect(status().isForbidden());
        defineSet(Tokens.kpu("kpu-kabkota", "31.71"), "DPRD_KABKOTA", "31.71", List.of(
                Map.of("code", "DPRD-3171-1", "name", "A", "seats", 6, "regionCodes", List.of("31.71.01", "31.71.02")),
                Map.of("code", "DPRD-3171-2", "name", "B", "seats", 6, "regionCodes", List.of("31.71"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.problems[0]", containsString("tumpang tindih")));
        defineSet(Tokens.kpu("kpu-kabkota", "31.71"), "DPRD_KABKOTA", "31.71", List.of(
                Map.of("code", "DPRD-3171-1", "name", "A", "seats", 13, "regionCodes", List.of("31.71"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("3-12")));
        defineSet(Tokens.kpu("kpu-kabkota", "31.71"), "DPRD_KABKOTA", "31.71", jakartaPusatKabKota())
                .andExpect(status().isOk());
        mvc.perform(get("/api/dapil/DPRD-3171-2").with(Tokens.partyOperator("pdx"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.regions[3].name").value("Johar Baru"));
        mvc.perform(get("/api/candidates/public/dapil")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("DPRD-3171-1")));
        mvc.perform(get("/api/dapil")).andExpect(status().isUnauthorized());
    }

    @Test
    void thePersonOnAProvincialListCannotAlsoStandForTheKabKotaCouncil() throws Exception {
        TestParties parties = new TestParties(context);
        parties.register("pdx", "Partai Dua Lembaga", nikKey, SHARED_NIK, "3174050505850012", "3174050505850013");
        parties.register("pdy", "Partai Lain", nikKey, SHARED_NIK, "3174050505850014", "3174050505850015");
        defineSet(Tokens.kpu("kpu-provinsi", "31"), "DPRD_PROVINSI", "31", List.of(Map.of("code", "DPRDP-31-1",
                "name", "DKI Jakarta (uji)", "seats", 12, "regionCodes", List.of("31"))))
                .andExpect(status().isOk());
        defineSet(Tokens.kpu("kpu-kabkota", "31.71"), "DPRD_KABKOTA", "31.71", jakartaPusatKabKota());

        putList(Tokens.partyOperator("pdx"), "DPRDP-31-1", "pdx", listBody(List.of(
                candidate(SHARED_NIK, "Sinta", "P"), candidate("3174050505850012", "Tono", "L")), null))
                .andExpect(status().isOk()).andExpect(jsonPath("$.violations").isEmpty());
        putList(Tokens.partyOperator("pdy"), "DPRD-3171-1", "pdy", listBody(List.of(
                candidate(SHARED_NIK, "Sinta", "P"), candidate("3174050505850014", "Umar", "L")), null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.violations[0].rule").value("PENCALONAN_GANDA"))
                .andExpect(jsonPath("$.violations[0].position").value(1))
                .andExpect(jsonPath("$.violations[0].message", containsString("DPRD_PROVINSI dapil DPRDP-31-1")));
        mvc.perform(get("/api/candidates/lists/DPRDP-31-1/pdx").with(Tokens.partyOperator("pdx")))
                .andExpect(jsonPath("$.violations[0].message", containsString("DPRD_KABKOTA dapil DPRD-3171-1")));
        putList(Tokens.partyOperator("pdx"), "DPRD-3171-2", "pdx", listBody(List.of(
                candidate("3174050505850013", "Wati", "P"), candidate("9999050505850013", "Bukan Anggota", "L")),
                null))
                .andExpect(jsonPath("$.violations[0].rule").value("ANGGOTA_PARTAI"))
                .andExpect(jsonPath("$.violations[0].position").value(2));
    }

    @Test
    void dpdCandidatesAreIndividualsEnteredByKpuAndMustNotBePartyMembers() throws Exception {
        new TestParties(context).register("pdz", "Partai Zeta", nikKey, "3171060606900021");
        defineSet(Tokens.kpu("kpu-provinsi", "31"), "DPD", "31", List.of(Map.of("code", "DPD-31", "name",
                "DPD DKI Jakarta", "seats", 4, "regionCodes", List.of("31")))).andExpect(status().isOk());
        String body = listBody(List.of(candidate("3171060606900021", "Anggota Partai", "L"),
                candidate("3171060606900022", "Mandiri", "L")), null);
        putList(Tokens.partyOperator("pdz"), "DPD-31", "perseorangan", body).andExpect(status().isForbidden());
        putList(Tokens.kpu("kpu-provinsi", "32"), "DPD-31", "perseorangan", body).andExpect(status().isForbidden());
        putList(Tokens.kpu("kpu-provinsi", "31"), "DPD-31", "perseorangan", body).andExpect(status().isOk())
                .andExpect(jsonPath("$.violations[0].rule").value("DPD_BUKAN_ANGGOTA_PARTAI"))
                .andExpect(jsonPath("$.violations[0].position").value(1))
                .andExpect(jsonPath("$.violations.length()").value(1));
        putList(Tokens.kpu("kpu-provinsi", "31"), "DPD-31", "perseorangan", listBody(List.of(
                candidate("3171060606900022", "Mandiri", "L"), candidate("3171060606900023", "Mandiri Dua", "L")), null))
                .andExpect(jsonPath("$.violations").isEmpty());
        mvc.perform(post("/api/candidates/lists/DPD-31/perseorangan/submit").with(Tokens.kpu("kpu-provinsi", "31")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    void badCandidateDataIsRefusedWithAProblemAndChangesNothing() throws Exception {
        new TestParties(context).register("pbad", "Partai Data", nikKey);
        defineSet(Tokens.kpuRi(), "DPRD_KABKOTA", "31.72", List.of(Map.of("code", "DPRD-3172-1", "name", "Jakut",
                "seats", 12, "regionCodes", List.of("31.72")))).andExpect(status().isOk());
        Map<String, Object> shortNik = new HashMap<>(candidate("3172000000000001", "A", "P"));
        shortNik.put("nik", "12345");
        putList(Tokens.partyOperator("pbad"), "DPRD-3172-1", "pbad", listBody(List.of(shortNik), null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("16 angka")));
        Map<String, Object> badDate = new HashMap<>(candidate("3172000000000001", "A", "P"));
        badDate.put("birthDate", "17/04/1985");
        putList(Tokens.partyOperator("pbad"), "DPRD-3172-1", "pbad", listBody(List.of(badDate), null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("TTTT-BB-HH")));
        Map<String, Object> reversed = new HashMap<>(candidate("3172000000000001", "A", "P"));
        reversed.put("name", "Ani\u202Enawas");
        putList(Tokens.partyOperator("pbad"), "DPRD-3172-1", "pbad", listBody(List.of(reversed), null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("U+202E")));
        Map<String, Object> huge = new HashMap<>(candidate("3172000000000001", "A", "P"));
        huge.put("name", "A".repeat(100_000));
        putList(Tokens.partyOperator("pbad"), "DPRD-3172-1", "pbad", listBody(List.of(huge), null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("terlalu panjang")));
        mvc.perform(get("/api/candidates/lists/DPRD-3172-1/pbad").with(Tokens.partyOperator("pbad")))
                .andExpect(status().isNotFound());
        putList(Tokens.partyOperator("pbad"), "TIDAK-ADA", "pbad", listBody(List.of(), null))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMemberRemovedAfterVerificationBlocksTheDctUntilTheListIsRepaired() throws Exception {
        TestParties parties = new TestParties(context);
        parties.register("prm", "Partai Rumah", nikKey, "3173070707900031");
        defineSet(Tokens.kpuRi(), "DPRD_KABKOTA", "31.73", List.of(Map.of("code", "DPRD-3173-1", "name", "Jakbar",
                "seats", 12, "regionCodes", List.of("31.73")))).andExpect(status().isOk());
        String listJson = putList(Tokens.partyOperator("prm"), "DPRD-3173-1", "prm", listBody(List.of(
                candidate("3173070707900031", "Rina", "P")), null)).andExpect(jsonPath("$.violations").isEmpty())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(listJson, "$.candidates[0].candidateId");
        mvc.perform(post("/api/candidates/lists/DPRD-3173-1/prm/submit").with(Tokens.partyOperator("prm")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/candidates/lists/DPRD-3173-1/prm/verification").with(Tokens.kpu("kpu-kabkota", "31.73"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("verdicts", List.of(Map.of("candidateId", id, "verdict", "MS"))))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VERIFIED"));
        mvc.perform(post("/api/dapil/DPRD-3173-1/dcs").with(Tokens.kpu("kpu-kabkota", "31.73"))).andExpect(status().isOk());

        parties.removeMember("prm", nikKey, "3173070707900031");
        mvc.perform(post("/api/dapil/DPRD-3173-1/dct").with(Tokens.kpu("kpu-kabkota", "31.73")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.problems[0]", containsString("ANGGOTA_PARTAI")));
        mvc.perform(get("/api/candidates/public/dapil/DPRD-3173-1/dct")).andExpect(status().isNotFound());
    }

    String verifiedList(String dapil, String party, List<Map<String, Object>> candidates) throws Exception {
        String json = putList(Tokens.partyOperator(party), dapil, party, listBody(candidates, null))
                .andExpect(jsonPath("$.violations").isEmpty()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/candidates/lists/" + dapil + "/" + party + "/submit").with(Tokens.partyOperator(party)))
                .andExpect(status().isOk());
        List<String> ids = JsonPath.read(json, "$.candidates[*].candidateId");
        mvc.perform(post("/api/candidates/lists/" + dapil + "/" + party + "/verification").with(Tokens.kpuRi())
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("verdicts", ids.stream()
                        .map(id -> Map.of("candidateId", id, "verdict", "MS")).toList()))))
                .andExpect(jsonPath("$.status").value("VERIFIED"));
        mvc.perform(post("/api/dapil/" + dapil + "/dcs").with(Tokens.kpuRi())).andExpect(status().isOk());
        return ids.get(ids.size() - 1);
    }

    @Test
    void afterTheDcsACandidateMovesToAnotherDapilButAListCannotGrow() throws Exception {
        String[] niks = {"3174080808900041", "3174080808900042", "3174080808900043", "3174080808900044",
                "3174080808900045", "3174080808900046"};
        new TestParties(context).register("pmv", "Partai Pindah", nikKey, niks);
        defineSet(Tokens.kpuRi(), "DPRD_KABKOTA", "31.74", List.of(
                Map.of("code", "DPRD-3174-1", "name", "Jaksel 1", "seats", 5,
                        "regionCodes", List.of("31.74.01", "31.74.02", "31.74.03", "31.74.04", "31.74.05")),
                Map.of("code", "DPRD-3174-2", "name", "Jaksel 2", "seats", 5,
                        "regionCodes", List.of("31.74.06", "31.74.07", "31.74.08", "31.74.09", "31.74.10"))))
                .andExpect(status().isOk());
        String movingId = verifiedList("DPRD-3174-1", "pmv", List.of(candidate(niks[0], "Ani", "P"),
                candidate(niks[1], "Bayu", "L"), candidate(niks[2], "Cici", "P")));
        verifiedList("DPRD-3174-2", "pmv", List.of(candidate(niks[3], "Dodi", "L"), candidate(niks[4], "Evi", "P")));

        putList(Tokens.partyOperator("pmv"), "DPRD-3174-2", "pmv", listBody(List.of(candidate(niks[3], "Dodi", "L"),
                candidate(niks[4], "Evi", "P"), candidate(niks[5], "Fani", "P")), "tambah calon"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("tidak boleh menambah")));

        String move = json(Map.of("candidateId", movingId, "toDapil", "DPRD-3174-2", "position", 1,
                "reason", "Permintaan partai setelah tanggapan masyarakat"));
        mvc.perform(post("/api/candidates/lists/DPRD-3174-1/pmv/move").with(Tokens.partyOperator("pkr"))
                .contentType(MediaType.APPLICATION_JSON).content(move)).andExpect(status().isForbidden());
        mvc.perform(post("/api/candidates/lists/DPRD-3174-1/pmv/move").with(Tokens.partyOperator("pmv"))
                .contentType(MediaType.APPLICATION_JSON).content(move)).andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates[0].name").value("Cici"))
                .andExpect(jsonPath("$.candidates[0].verdict").value("MS"))
                .andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.violations").isEmpty());
        mvc.perform(get("/api/candidates/lists/DPRD-3174-1/pmv").with(Tokens.kpuRi()))
                .andExpect(jsonPath("$.candidates.length()").value(2))
                .andExpect(jsonPath("$.changes[-1].action").value("PINDAH_DAPIL_KELUAR"))
                .andExpect(jsonPath("$.changes[-1].by").value("operator-pmv"))
                .andExpect(jsonPath("$.changes[-1].reason").value("Permintaan partai setelah tanggapan masyarakat"));

        mvc.perform(post("/api/candidates/lists/DPRD-3174-2/pmv/move").with(Tokens.partyOperator("pmv"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("candidateId", "tidak-ada", "toDapil", "DPRD-3174-1", "reason", "x"))))
                .andExpect(status().isNotFound());
        String source = mvc.perform(get("/api/candidates/lists/DPRD-3174-1/pmv").with(Tokens.partyOperator("pmv")))
                .andReturn().getResponse().getContentAsString();
        String ani = JsonPath.read(source, "$.candidates[0].candidateId");
        mvc.perform(post("/api/candidates/lists/DPRD-3174-1/pmv/move").with(Tokens.partyOperator("pmv"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("candidateId", ani, "toDapil", "DPRD-3174-2", "reason", "x"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.violations[0].rule").value("KUOTA_PEREMPUAN"))
                .andExpect(jsonPath("$.violations[0].message", containsString("DPRD-3174-1")));
        mvc.perform(get("/api/candidates/lists/DPRD-3174-1/pmv").with(Tokens.partyOperator("pmv")))
                .andExpect(jsonPath("$.candidates.length()").value(2));
        mvc.perform(get("/api/candidates/public/dapil/DPRD-3174-2/dcs"))
                .andExpect(jsonPath("$.parties[0].changesSinceDcs[0].action").value("PINDAH_DAPIL_MASUK"));
    }

    @Test
    void aScreenThatOnlySawMaskedNiksReordersAndEditsTheListByCandidateId() throws Exception {
        String[] niks = {"3175090909900051", "3175090909900052"};
        new TestParties(context).register("pid", "Partai Identitas", nikKey, niks);
        defineSet(Tokens.kpuRi(), "DPRD_KABKOTA", "31.75", List.of(Map.of("code", "DPRD-3175-1", "name", "Jaktim",
                "seats", 3, "regionCodes", List.of("31.75")))).andExpect(status().isOk());
        String first = putList(Tokens.partyOperator("pid"), "DPRD-3175-1", "pid", listBody(List.of(
                candidate(niks[0], "Gani", "L"), candidate(niks[1], "Hana", "P")), null))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String gani = JsonPath.read(first, "$.candidates[0].candidateId");
        String hana = JsonPath.read(first, "$.candidates[1].candidateId");

        Map<String, Object> hanaById = new HashMap<>(candidate(niks[1], "Hana", "P"));
        hanaById.remove("nik");
        hanaById.put("candidateId", hana);
        Map<String, Object> ganiById = new HashMap<>(candidate(niks[0], "Gani", "L"));
        ganiById.remove("nik");
        ganiById.put("candidateId", gani);
        ganiById.put("documents", List.of("KTP"));
        putList(Tokens.partyOperator("pid"), "DPRD-3175-1", "pid", listBody(List.of(hanaById, ganiById), null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates[0].candidateId").value(hana))
                .andExpect(jsonPath("$.candidates[0].nikMasked").value("************0052"))
                .andExpect(jsonPath("$.candidates[1].candidateId").value(gani))
                .andExpect(jsonPath("$.violations[0].rule").value("DOKUMEN"))
                .andExpect(jsonPath("$.violations[0].position").value(2));

        Map<String, Object> stranger = new HashMap<>(candidate(niks[0], "Gani", "L"));
        stranger.remove("nik");
        stranger.put("candidateId", "bukan-calon-daftar-ini");
        putList(Tokens.partyOperator("pid"), "DPRD-3175-1", "pid", listBody(List.of(stranger), null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("tidak ada di daftar ini")));
        mvc.perform(get("/api/candidates/lists/DPRD-3175-1/pid").with(Tokens.partyOperator("pid")))
                .andExpect(jsonPath("$.candidates.length()").value(2));
    }
}
