package id.pemilu.partyregistry.party;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.test.Tokens;
import id.pemilu.common.wilayah.RegionLevel;
import id.pemilu.common.wilayah.Wilayah;
import id.pemilu.partyregistry.member.Niks;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The whole requirements report through the API: offices everywhere, members per kab/kota, then a branch removed. */
@SpringBootTest
@AutoConfigureMockMvc
class RequirementsFlowTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aPartyMeetsEveryRuleAndFailsAgainWhenAnOfficeCloses() throws Exception {
        List<Branch> branches = RequirementsTest.fullCoverage();
        StringBuilder json = new StringBuilder("{\"id\":\"rqa\",\"name\":\"Partai Syarat\",\"abbreviation\":\"PS\","
                + "\"leadership\":[{\"name\":\"A\",\"role\":\"Ketua\",\"gender\":\"P\"},"
                + "{\"name\":\"B\",\"role\":\"Sekjen\",\"gender\":\"L\"}],\"branches\":[");
        StringBuilder minimums = new StringBuilder("{\"minimums\":{");
        StringBuilder csv = new StringBuilder("nik,nama,jenis_kelamin,tanggal_lahir,no_kta,kabkota\n");
        LocalDate born = LocalDate.of(1980, 1, 1);
        int serial = 0;
        for (Branch b : branches) {
            json.append(serial == 0 && json.charAt(json.length() - 1) == '[' ? "" : ",")
                    .append("{\"regionCode\":\"").append(b.regionCode()).append("\"}");
            if (RegionLevel.ofCode(b.regionCode()) == RegionLevel.KABKOTA) {
                minimums.append(minimums.charAt(minimums.length() - 1) == '{' ? "" : ",")
                        .append('"').append(b.regionCode()).append("\":1");
                String kecamatan = Wilayah.indonesia().childrenOf(b.regionCode()).get(0).code();
                serial++;
                csv.append(Niks.of(kecamatan, born, "L", serial)).append(",Anggota ").append(serial)
                        .append(",L,1980-01-01,K").append(serial).append(',').append(b.regionCode()).append('\n');
            }
        }
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON)
                .content(json.append("]}").toString())).andExpect(status().isCreated());
        mvc.perform(put("/api/parties/member-minimums").with(Tokens.partyOperator("rqa"))
                .contentType(MediaType.APPLICATION_JSON).content(minimums + "}}")).andExpect(status().isForbidden());
        mvc.perform(put("/api/parties/member-minimums").with(Tokens.kpuRi())
                .contentType(MediaType.APPLICATION_JSON).content("{\"minimums\":{\"99.99\":1}}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/parties/member-minimums").with(Tokens.kpuRi())
                .contentType(MediaType.APPLICATION_JSON).content(minimums + "}}")).andExpect(status().isNoContent());
        mvc.perform(get("/api/parties/rqa/requirements").with(Tokens.kpuRi()))
                .andExpect(jsonPath("$.met").value(false))
                .andExpect(jsonPath("$.rules[4].met").value(false));

        mvc.perform(multipart("/api/parties/rqa/member-imports").file(new MockMultipartFile("file", "a.csv",
                        "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))).param("wait", "true")
                .with(Tokens.partyOperator("rqa"))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.flagged").value(0));
        mvc.perform(get("/api/parties/rqa/requirements").with(Tokens.kpuRi()))
                .andExpect(jsonPath("$.met").value(true));
        mvc.perform(get("/api/parties/rqa").with(Tokens.kpuRi()))
                .andExpect(jsonPath("$.requirementsMet").value(true));

        mvc.perform(delete("/api/parties/rqa/branches/11").param("reason", "kantor Aceh tutup")
                .with(Tokens.partyOperator("rqa"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.requirementsMet").value(false))
                .andExpect(jsonPath("$.unmetRules[0]").value(Requirements.PROVINCES));
    }
}
