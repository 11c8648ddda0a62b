package id.pemilu.candidates;

import static id.pemilu.candidates.WorkflowFixture.candidate;
import static id.pemilu.candidates.WorkflowFixture.json;
import static id.pemilu.candidates.WorkflowFixture.listBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.candidates.party.TestParties;
import id.pemilu.common.test.Tokens;
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
    }

    @Test
    void badCandidateDataIsRefusedWithAProblemAndChangesNothing() throws Exception {
        new TestParties(context).register("pbad", "Partai Data", nikKey);
        defineSet(Tokens.kpuRi(), "DPRD_KABKOTA", "31.72", List.of(Map.of("code", "DPRD-3172-1", "name", "Jakut",
                "seats", 12, "regionCodes", List.of("31.72")))).andExpect(status().isOk());
        Map<String, Object> shortNik = new java.util.HashMap<>(candidate("3172000000000001", "A", "P"));
        shortNik.put("nik", "12345");
        putList(Tokens.partyOperator("pbad"), "DPRD-3172-1", "pbad", listBody(List.of(shortNik), null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("16 angka")));
        Map<String, Object> badDate = new java.util.HashMap<>(candidate("3172000000000001", "A", "P"));
        badDate.put("birthDate", "17/04/1985");
        putList(Tokens.partyOperator("pbad"), "DPRD-3172-1", "pbad", listBody(List.of(badDate), null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("TTTT-BB-HH")));
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
        String id = com.jayway.jsonpath.JsonPath.read(listJson, "$.candidates[0].candidateId");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/candidates/lists/DPRD-3173-1/prm/submit").with(Tokens.partyOperator("prm")))
                .andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/candidates/lists/DPRD-3173-1/prm/verification").with(Tokens.kpu("kpu-kabkota", "31.73"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("verdicts", List.of(Map.of("candidateId", id, "verdict", "MS"))))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VERIFIED"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/dapil/DPRD-3173-1/dcs").with(Tokens.kpu("kpu-kabkota", "31.73"))).andExpect(status().isOk());

        parties.removeMember("prm", nikKey, "3173070707900031");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/dapil/DPRD-3173-1/dct").with(Tokens.kpu("kpu-kabkota", "31.73")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.problems[0]", containsString("ANGGOTA_PARTAI")));
        mvc.perform(get("/api/candidates/public/dapil/DPRD-3173-1/dct")).andExpect(status().isNotFound());
    }
}
