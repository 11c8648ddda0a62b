package id.pemilu.partyregistry.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.test.Tokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PartyApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    static String party(String id) {
        return """
                {"id":"%s","name":"Partai %s","abbreviation":"%S",
                 "leadership":[{"name":"Siti Aminah","role":"Ketua Umum","gender":"P"},
                               {"name":"Budi Santoso","role":"Sekretaris Jenderal","gender":"L"},
                               {"name":"Agus Salim","role":"Bendahara Umum","gender":"L"}],
                 "branches":[{"regionCode":"31","address":"Jl. Merdeka 1"},{"regionCode":"31.71"},
                             {"regionCode":"31.71.01"}]}
                """.formatted(id, id, id);
    }

    @Test
    void namesAreLimitedAndFreeOfInvisibleCharactersWithAClearReason() throws Exception {
        String huge = party("ptz").replace("Siti Aminah", "S".repeat(1_048_576));
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Nama pengurus terlalu panjang (paling banyak 200 huruf)."));
        for (String sneaky : new String[]{"Siti\\u0000Aminah", "Siti\\u202EhanimA", "Siti\\u200BAminah"}) {
            mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON)
                            .content(party("ptz").replace("Siti Aminah", sneaky)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("tak terlihat")));
        }
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON)
                        .content(party("ptz").replace("\"abbreviation\"", "\"status\":\"verified\",\"abbreviation\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'status'")));
        assertThat(mongo.findById("ptz", Document.class, Party.COLLECTION)).as("nothing stored").isNull();
    }

    @Test
    void kpuRiRegistersAPartyOnceAndTheEventWaitsInTheSameDocument() throws Exception {
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON)
                        .content(party("pta")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("pta"))
                .andExpect(jsonPath("$.leadership.length()").value(3))
                .andExpect(jsonPath("$.requirementsMet").value(false));
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON)
                        .content(party("pta")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Konflik"));
        Document stored = mongo.findById("pta", Document.class, Party.COLLECTION);
        assertThat(stored).isNotNull();
        assertThat(stored.getString("name")).isEqualTo("Partai pta");
    }

    @Test
    void anOperatorRegistersOnlyItsOwnPartyAndOthersMayNotRegister() throws Exception {
        mvc.perform(post("/api/parties").with(Tokens.partyOperator("ptb")).contentType(MediaType.APPLICATION_JSON)
                .content(party("ptb"))).andExpect(status().isCreated());
        mvc.perform(post("/api/parties").with(Tokens.partyOperator("ptb")).contentType(MediaType.APPLICATION_JSON)
                .content(party("ptc"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/parties").with(Tokens.kpu("kpu-kabkota", "31.71"))
                .contentType(MediaType.APPLICATION_JSON).content(party("ptd"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/parties").with(Tokens.bawaslu()).contentType(MediaType.APPLICATION_JSON)
                .content(party("pte"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/parties").contentType(MediaType.APPLICATION_JSON).content(party("ptf")))
                .andExpect(status().isUnauthorized());
        assertThat(mongo.findById("ptc", Document.class, Party.COLLECTION)).isNull();
    }

    @Test
    void badInputIsA400ProblemInBahasaAndChangesNothing() throws Exception {
        String badGender = party("ptg").replace("\"gender\":\"P\"", "\"gender\":\"X\"");
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON)
                        .content(badGender))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Jenis kelamin")));
        String badRegion = party("ptg").replace("31.71.01", "99.99.99");
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON)
                .content(badRegion)).andExpect(status().isBadRequest());
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON)
                .content(party("PT G"))).andExpect(status().isBadRequest());
        assertThat(mongo.findById("ptg", Document.class, Party.COLLECTION)).isNull();
    }

    @Test
    void theRequirementsReportShowsNumbersAndFlipsWhenABranchIsRemoved() throws Exception {
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON)
                .content(party("pth"))).andExpect(status().isCreated());
        mvc.perform(get("/api/parties/pth/requirements").with(Tokens.partyOperator("pth")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rules[?(@.rule=='KETERWAKILAN_PEREMPUAN_30')].met").value(true))
                .andExpect(jsonPath("$.rules[?(@.rule=='KEPENGURUSAN_KECAMATAN_50')].met").value(false))
                .andExpect(jsonPath("$.rules[?(@.rule=='KEPENGURUSAN_PROVINSI_100')].actual").value(1));
        // Jakarta Pusat has 8 kecamatan: 4 offices meet the 50 % rule, removing one breaks it again
        String more = """
                {"branches":[{"regionCode":"31.71.02"},{"regionCode":"31.71.03"},{"regionCode":"31.71.04"}]}""";
        mvc.perform(post("/api/parties/pth/branches").with(Tokens.partyOperator("pth"))
                .contentType(MediaType.APPLICATION_JSON).content(more)).andExpect(status().isOk());
        mvc.perform(get("/api/parties/pth/requirements").with(Tokens.kpuRi()))
                .andExpect(jsonPath("$.rules[?(@.rule=='KEPENGURUSAN_KECAMATAN_50')].met").value(true));
        mvc.perform(delete("/api/parties/pth/branches/31.71.04").param("reason", "kantor tutup")
                .with(Tokens.partyOperator("pth"))).andExpect(status().isOk());
        mvc.perform(get("/api/parties/pth/requirements").with(Tokens.kpuRi()))
                .andExpect(jsonPath("$.rules[?(@.rule=='KEPENGURUSAN_KECAMATAN_50')].met").value(false))
                .andExpect(jsonPath("$.rules[2].rule").value("KEPENGURUSAN_KECAMATAN_50"))
                .andExpect(jsonPath("$.rules[2].failing[0]").value("31.71: 3/8 kecamatan (minimal 4)"));
        mvc.perform(get("/api/parties/pth").with(Tokens.kpuRi()))
                .andExpect(jsonPath("$.history[-1].why").value("kantor tutup"));
    }

    @Test
    void anOperatorCannotChangeOrSeeTheReportOfAnotherParty() throws Exception {
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON)
                .content(party("pti"))).andExpect(status().isCreated());
        mvc.perform(delete("/api/parties/pti/branches/31").with(Tokens.partyOperator("ptb")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/parties/pti/requirements").with(Tokens.partyOperator("ptb")))
                .andExpect(status().isForbidden());
    }
}
