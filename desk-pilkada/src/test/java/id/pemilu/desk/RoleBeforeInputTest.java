package id.pemilu.desk;

import static id.pemilu.desk.Fixtures.desk;
import static id.pemilu.desk.Fixtures.pelapor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.test.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The caller's role is checked before the query is read (issue 20): a caller without a desk role gets 403 for a
 * request without a region or with an impossible one, not the 400 that tells it the parameters' rules; a caller
 * with the role still gets the 400.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RoleBeforeInputTest {

    @DynamicPropertySource
    static void recap(DynamicPropertyRegistry registry) {
        Fixtures.properties(registry);
    }

    @Autowired
    MockMvc mvc;

    void forbidden(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        mvc.perform(request.with(who)).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void progressAndExportRefuseOtherRolesBeforeTheRegionIsRead() throws Exception {
        for (String path : new String[] {"/api/desk/progress", "/api/desk/export"}) {
            forbidden(get(path), Tokens.kpps("31.71.01.1001.001"));
            forbidden(get(path).param("region", "99.99").param("format", "docx"), Tokens.kpuRi());
            mvc.perform(get(path).with(pelapor("pelapor.cideng.1", Fixtures.DESA_CIDENG)))
                    .andExpect(status().isBadRequest());
        }
    }

    @Test
    void reportersRefuseOtherRolesBeforeTheRegionIsRead() throws Exception {
        forbidden(get("/api/desk/reporters"), pelapor("pelapor.gambir.1", Fixtures.DESA_GAMBIR));
        forbidden(get("/api/desk/reporters").param("region", "bukan-wilayah"), Tokens.ppk("31.71.01"));
        forbidden(get("/api/desk/reporters").param("region", "31.74"), desk("desk.jakpus", "31.71"));
        mvc.perform(get("/api/desk/reporters").with(desk("desk.jaksel", "31.74"))).andExpect(status().isBadRequest());
    }
}
