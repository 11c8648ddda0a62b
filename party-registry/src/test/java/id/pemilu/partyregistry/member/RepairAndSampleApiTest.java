package id.pemilu.partyregistry.member;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.test.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class RepairAndSampleApiTest {

    static final LocalDate BORN = LocalDate.of(1970, 6, 1);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    void partyWithMembers(String partyId, int count, int firstSerial) throws Exception {
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON).content("""
                {"id":"%s","name":"Partai %s","abbreviation":"%S",
                 "leadership":[{"name":"Rina","role":"Ketua","gender":"P"}],"branches":[{"regionCode":"31.71"}]}
                """.formatted(partyId, partyId, partyId))).andExpect(status().isCreated());
        StringBuilder csv = new StringBuilder(MemberFiles.HEADER + "\n");
        for (int i = 0; i < count; i++) {
            int serial = firstSerial + i;
            csv.append(MemberFiles.row(Niks.of("31.71.06", BORN, "L", serial), "Anggota " + serial, "L",
                    BORN.toString(), "K" + serial, "31.71")).append('\n');
        }
        mvc.perform(multipart("/api/parties/" + partyId + "/member-imports").file(new MockMultipartFile("file",
                        "a.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))).param("wait", "true")
                .with(Tokens.partyOperator(partyId))).andExpect(status().isCreated());
    }

    List<String> memberIds(String partyId) throws Exception {
        JsonNode list = JSON.readTree(mvc.perform(get("/api/parties/" + partyId + "/members")
                .with(Tokens.kpuRi())).andReturn().getResponse().getContentAsString());
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("memberId").asString()));
        return ids;
    }

    void verify(String partyId, String memberId, String body) throws Exception {
        mvc.perform(put("/api/parties/" + partyId + "/members/" + memberId + "/verification")
                .with(Tokens.kpu("kpu-kabkota", "31.71")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
    }

    @Test
    void aTmsMemberIsReplacedOnlyWhileTheRepairWindowIsOpen() throws Exception {
        partyWithMembers("rpa", 1, 601);
        String tms = memberIds("rpa").get(0);
        verify("rpa", tms, "{\"result\":\"TMS\",\"reason\":\"KTA palsu\"}");
        String replacement = """
                {"nik":"%s","fullName":"Pengganti","gender":"L","birthDate":"%s","ktaNumber":"K699",
                 "kabKotaCode":"31.71"}""".formatted(Niks.of("31.71.06", BORN, "L", 699), BORN);
        mvc.perform(post("/api/parties/rpa/members/" + tms + "/replacement").with(Tokens.partyOperator("rpa"))
                .contentType(MediaType.APPLICATION_JSON).content(replacement)).andExpect(status().isConflict());
        mvc.perform(put("/api/parties/rpa/repair-window").with(Tokens.partyOperator("rpa"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"until\":\"2099-01-01T00:00:00Z\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/parties/rpa/repair-window").with(Tokens.kpuRi())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"until\":\"" + Instant.now().plus(3, ChronoUnit.DAYS) + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/parties/rpa/members/" + tms + "/replacement").with(Tokens.partyOperator("rpb"))
                .contentType(MediaType.APPLICATION_JSON).content(replacement)).andExpect(status().isForbidden());
        mvc.perform(post("/api/parties/rpa/members/" + tms + "/replacement").with(Tokens.partyOperator("rpa"))
                        .contentType(MediaType.APPLICATION_JSON).content(replacement))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fullName").value("Pengganti"))
                .andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(get("/api/parties/rpa/members/" + tms).with(Tokens.kpuRi()))
                .andExpect(jsonPath("$.status").value("REPLACED"))
                .andExpect(jsonPath("$.counted").value(false));
    }

    @Test
    void theFactualSampleIsDrawnFromAPublishedSeedAndAnyoneRedrawsIt() throws Exception {
        partyWithMembers("fsa", 12, 701);
        for (String id : memberIds("fsa")) {
            verify("fsa", id, "{\"result\":\"MS\"}");
        }
        mvc.perform(post("/api/parties/fsa/factual-samples").with(Tokens.kpu("kpu-kabkota", "32.73"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kabKotaCode\":\"31.71\",\"size\":4}"))
                .andExpect(status().isForbidden());
        String drawn = mvc.perform(post("/api/parties/fsa/factual-samples").with(Tokens.kpu("kpu-kabkota", "31.71"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kabKotaCode\":\"31.71\",\"seed\":\"undian-uji\",\"size\":4}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.population").value(12))
                .andExpect(jsonPath("$.memberIds.length()").value(4))
                .andReturn().getResponse().getContentAsString();
        JsonNode ids = JSON.readTree(drawn).get("memberIds");
        mvc.perform(get("/api/parties/fsa/factual-samples/redraw").param("kabKotaCode", "31.71")
                        .param("seed", "undian-uji").param("size", "4").with(Tokens.bawaslu()))
                .andExpect(jsonPath("$.memberIds[0]").value(ids.get(0).asString()))
                .andExpect(jsonPath("$.memberIds[3]").value(ids.get(3).asString()));
        mvc.perform(put("/api/parties/fsa/members/" + ids.get(0).asString() + "/factual")
                        .with(Tokens.kpu("kpu-kabkota", "31.71")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"result\":\"TMS\",\"reason\":\"tidak dikenal di alamat\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.factualResult").value("TMS"));
        mvc.perform(get("/api/parties/fsa/factual-samples").with(Tokens.partyOperator("fsa")))
                .andExpect(jsonPath("$[0].seed").value("undian-uji"));
    }
}
