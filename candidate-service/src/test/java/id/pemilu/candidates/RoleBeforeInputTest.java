package id.pemilu.candidates;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.test.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The caller's role and scope are checked before the input is read or the target looked up (issue 20): a caller who
 * may not use an operation gets 403 whether or not the dapil, party or feedback exists and whatever it sent, so it
 * learns neither validation messages nor which ids exist. A caller who may use it still gets the 400/404.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RoleBeforeInputTest {

    static final RequestPostProcessor KPPS = Tokens.kpps("31.71.01.1001.001");
    static final RequestPostProcessor PPK = Tokens.ppk("31.71.01");
    static final RequestPostProcessor SAKSI = Tokens.as("saksi", Roles.SAKSI,
            Map.of(Caller.REGION_CODE_CLAIM, "31.71.01", Caller.PARTY_ID_CLAIM, "pnb"));

    @Autowired
    MockMvc mvc;

    ResultActions call(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    void forbidden(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        call(request, who).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void feedbackOfADapilIsRefusedToOtherRolesBeforeTheDapilParameterIsRead() throws Exception {
        forbidden(get("/api/candidates/feedback"), KPPS);
        forbidden(get("/api/candidates/feedback").param("dapil", "DPR-TIDAK-ADA"), SAKSI);
        call(get("/api/candidates/feedback"), Tokens.bawaslu()).andExpect(status().isBadRequest());
        call(get("/api/candidates/feedback").param("dapil", "DPR-TIDAK-ADA"), Tokens.partyOperator("pnb"))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyPartyOperatorsLearnWhetherAFeedbackExists() throws Exception {
        forbidden(json(post("/api/candidates/feedback/tidak-ada/clarification"), "{}"), Tokens.kpuRi());
        forbidden(json(post("/api/candidates/feedback/tidak-ada/clarification"), "{}"), PPK);
        call(json(post("/api/candidates/feedback/tidak-ada/clarification"), "{}"), Tokens.partyOperator("pnb"))
                .andExpect(status().isNotFound());
    }

    @Test
    void movingACandidateIsRefusedToOtherPartiesBeforeTheDapilIsLookedUp() throws Exception {
        forbidden(json(post("/api/candidates/lists/DPR-TIDAK-ADA/pnb/move"), "{}"), Tokens.partyOperator("pkr"));
        forbidden(json(post("/api/candidates/lists/DPR-TIDAK-ADA/pnb/move"), "{}"), Tokens.kpuRi());
        forbidden(json(post("/api/candidates/lists/DPR-TIDAK-ADA/pnb/move"), "{}"), KPPS);
        call(json(post("/api/candidates/lists/DPR-TIDAK-ADA/pnb/move"), "{}"), Tokens.partyOperator("pnb"))
                .andExpect(status().isNotFound());
    }

    @Test
    void importingDapilIsRefusedToNonKpuRolesBeforeTheCsvIsRead() throws Exception {
        forbidden(post("/api/dapil/import").contentType("text/csv").content("x"), PPK);
        forbidden(post("/api/dapil/import").contentType("text/csv").content("x"), Tokens.partyOperator("pnb"));
        call(post("/api/dapil/import").contentType("text/csv").content("x"), Tokens.kpu("kpu-kabkota", "31.74"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void definingASetIsRefusedOutsideTheCallersAreaBeforeTheBodyIsRead() throws Exception {
        forbidden(json(put("/api/dapil/sets/DPRD_PROVINSI/31"), "{}"), Tokens.kpu("kpu-kabkota", "31.71"));
        forbidden(json(put("/api/dapil/sets/DPRD_PROVINSI/31"), "{}"), Tokens.kpu("kpu-provinsi", "32"));
        forbidden(json(put("/api/dapil/sets/LEMBAGA_LAIN/31"), "{}"), PPK);
        forbidden(json(put("/api/dapil/sets/DPRD_PROVINSI/31"), "[]"), Tokens.partyOperator("pnb"));
        call(json(put("/api/dapil/sets/DPRD_PROVINSI/31"), "{}"), Tokens.kpu("kpu-provinsi", "31"))
                .andExpect(status().isBadRequest());
        call(json(put("/api/dapil/sets/LEMBAGA_LAIN/31"), "[]"), Tokens.kpuRi()).andExpect(status().isBadRequest());
    }

    @Test
    void publishingAndReopeningAreRefusedToOtherRolesBeforeTheDapilIsLookedUp() throws Exception {
        forbidden(post("/api/dapil/DPR-TIDAK-ADA/dcs"), PPK);
        forbidden(post("/api/dapil/DPR-TIDAK-ADA/dct"), Tokens.partyOperator("pnb"));
        forbidden(json(post("/api/dapil/DPR-TIDAK-ADA/dct/reopen"), "{}"), Tokens.kpu("kpu-provinsi", "31"));
        call(post("/api/dapil/DPR-TIDAK-ADA/dcs"), Tokens.kpu("kpu-kabkota", "31.74"))
                .andExpect(status().isNotFound());
        call(json(post("/api/dapil/DPR-TIDAK-ADA/dct/reopen"), "{}"), Tokens.kpuRi()).andExpect(status().isNotFound());
    }
}
