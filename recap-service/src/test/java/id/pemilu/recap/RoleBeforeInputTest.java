package id.pemilu.recap;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
 * The caller's role is checked before the input is read or the target looked up (issue 20): a caller who may not
 * use an operation gets 403 for a recommendation that does not exist, a missing ballot type or an empty DCT, so it
 * learns neither which ids exist nor the input rules; a caller who may use it still gets the 400/404.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RoleBeforeInputTest {

    static final RequestPostProcessor KPPS = Tokens.kpps("31.71.01.1001.001");
    static final RequestPostProcessor PPK = Tokens.ppk("31.71.01");
    static final RequestPostProcessor KPU_DKI = Tokens.kpu("kpu-provinsi", "31");
    static final RequestPostProcessor SAKSI = Tokens.as("saksi", Roles.SAKSI,
            Map.of(Caller.REGION_CODE_CLAIM, "31.71.01", Caller.PARTY_ID_CLAIM, "pnb"));

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
    void determinationsAreRefusedToOtherRolesBeforeTheBallotTypeIsRead() throws Exception {
        forbidden(get("/api/recap/determinations/preview"), KPPS);
        forbidden(get("/api/recap/determinations/preview").param("ballotType", "BUKAN"), SAKSI);
        call(get("/api/recap/determinations/preview"), PPK).andExpect(status().isBadRequest());
        forbidden(json(post("/api/recap/determinations")), KPU_DKI);
        call(json(post("/api/recap/determinations")), Tokens.kpuRi()).andExpect(status().isBadRequest());
    }

    @Test
    void aDctIsRefusedToOtherRolesBeforeItsBodyIsRead() throws Exception {
        forbidden(json(post("/api/recap/admin/dct")), KPU_DKI);
        forbidden(json(post("/api/recap/admin/dct")), Tokens.bawaslu());
        call(json(post("/api/recap/admin/dct")), Tokens.kpuRi()).andExpect(status().isBadRequest());
    }

    @Test
    void recommendationsAreReadAndAnsweredOnlyByTheirRolesWhetherOrNotTheyExist() throws Exception {
        forbidden(get("/api/recap/recommendations/tidak-ada"), KPPS);
        forbidden(get("/api/recap/recommendations/tidak-ada"), SAKSI);
        call(get("/api/recap/recommendations/tidak-ada"), PPK).andExpect(status().isNotFound());
        forbidden(json(post("/api/recap/recommendations/tidak-ada/answer")), KPPS);
        forbidden(json(post("/api/recap/recommendations/tidak-ada/answer")), Tokens.bawaslu());
        call(json(post("/api/recap/recommendations/tidak-ada/answer")), PPK).andExpect(status().isNotFound());
    }
}
