package id.pemilu.recap.me;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.security.Roles;
import id.pemilu.common.test.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class MeControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void kppsOfficerSeesTheirTps() throws Exception {
        mvc.perform(get("/api/recap/me").with(Tokens.kpps("31.71.01.1001.001")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("kpps-31.71.01.1001.001"))
                .andExpect(jsonPath("$.roles[0]").value("kpps"))
                .andExpect(jsonPath("$.tpsCode").value("31.71.01.1001.001"));
    }

    @Test
    void regionStaffSeeTheirRegion() throws Exception {
        mvc.perform(get("/api/recap/me").with(Tokens.ppk("31.71.01")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.regionCode").value("31.71.01"));
        mvc.perform(get("/api/recap/me").with(Tokens.kpu(Roles.KPU_PROVINSI, "31")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.regionCode").value("31"));
        mvc.perform(get("/api/recap/me").with(Tokens.kpu(Roles.KPU_KABKOTA, "31.71"))).andExpect(status().isOk());
        mvc.perform(get("/api/recap/me").with(Tokens.kpuRi())).andExpect(status().isOk());
        mvc.perform(get("/api/recap/me").with(Tokens.bawaslu())).andExpect(status().isOk());
    }

    @Test
    void partyOperatorIsRefusedWithAProblem() throws Exception {
        mvc.perform(get("/api/recap/me").with(Tokens.partyOperator("pnb")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/recap/me")).andExpect(status().isUnauthorized());
    }
}
