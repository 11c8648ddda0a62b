package id.pemilu.partyregistry;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.test.Tokens;
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
 * The caller's role is checked before the input is read or the target looked up (issue 20): a caller who may not
 * use an operation gets 403 for a member, complaint or party id that does not exist and for an empty body, so it
 * learns neither which ids exist nor the input rules; a caller who may use it still gets the 400/404.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RoleBeforeInputTest {

    static final RequestPostProcessor PPK = Tokens.ppk("31.71.01");
    static final RequestPostProcessor KPU_DKI = Tokens.kpu("kpu-provinsi", "31");
    static final RequestPostProcessor KPU_JAKSEL = Tokens.kpu("kpu-kabkota", "31.74");

    @Autowired
    MockMvc mvc;

    ResultActions call(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request) {
        return request.contentType(MediaType.APPLICATION_JSON).content("{}");
    }

    void forbidden(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        call(request, who).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void redrawingASampleIsRefusedToOtherRolesBeforeItsParametersAreRead() throws Exception {
        forbidden(get("/api/parties/pnb/factual-samples/redraw"), Tokens.kpps("31.71.01.1001.001"));
        forbidden(get("/api/parties/pnb/factual-samples/redraw").param("size", "banyak"), PPK);
        forbidden(get("/api/parties/pnb/factual-samples/redraw"), Tokens.partyOperator("pkr"));
        call(get("/api/parties/pnb/factual-samples/redraw"), Tokens.bawaslu()).andExpect(status().isBadRequest());
    }

    @Test
    void complaintsAreDecidedAndAnsweredOnlyByTheirRolesWhetherOrNotTheComplaintExists() throws Exception {
        forbidden(json(post("/api/members/complaints/tidak-ada/decision")), Tokens.partyOperator("pnb"));
        forbidden(json(post("/api/members/complaints/tidak-ada/decision")), KPU_DKI);
        call(json(post("/api/members/complaints/tidak-ada/decision")), KPU_JAKSEL).andExpect(status().isNotFound());
        forbidden(json(post("/api/parties/pnb/complaints/tidak-ada/answer")), Tokens.partyOperator("pkr"));
        forbidden(json(post("/api/parties/pnb/complaints/tidak-ada/answer")), Tokens.kpuRi());
        call(json(post("/api/parties/pnb/complaints/tidak-ada/answer")), Tokens.partyOperator("pnb"))
                .andExpect(status().isNotFound());
    }

    @Test
    void registeringAndNumberingPartiesAreRefusedToOtherRolesBeforeTheBodyIsRead() throws Exception {
        forbidden(json(post("/api/parties")), PPK);
        forbidden(json(post("/api/parties")), KPU_DKI);
        call(json(post("/api/parties")), Tokens.partyOperator("pnb")).andExpect(status().isBadRequest());
        forbidden(json(put("/api/parties/pnb/ballot-number")), Tokens.partyOperator("pnb"));
        call(json(put("/api/parties/pnb/ballot-number")), Tokens.kpuRi()).andExpect(status().isBadRequest());
    }

    @Test
    void verifyingAMemberIsRefusedToOtherRolesWhetherOrNotTheMemberExists() throws Exception {
        for (String step : new String[] {"verification", "factual"}) {
            String path = "/api/parties/pnb/members/tidak-ada/" + step;
            forbidden(json(put(path)), Tokens.partyOperator("pnb"));
            forbidden(json(put(path)), KPU_DKI);
            forbidden(json(put(path)), Tokens.bawaslu());
            call(json(put(path)), KPU_JAKSEL).andExpect(status().isNotFound());
            call(json(put(path)), Tokens.kpuRi()).andExpect(status().isNotFound());
        }
    }
}
