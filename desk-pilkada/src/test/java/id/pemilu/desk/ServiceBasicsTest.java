package id.pemilu.desk;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.desk.registry.RegistrySync;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ServiceBasicsTest {

    @DynamicPropertySource
    static void recap(DynamicPropertyRegistry registry) {
        Fixtures.properties(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    RegistrySync registry;

    @Test
    void probesAndApiDocsAreOpenAndReadinessWaitsForTheTpsList() throws Exception {
        registry.syncNow();
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andExpect(jsonPath("$.openapi").exists());
    }

    @Test
    void refusesAnApiCallWithoutATokenWithAProblemBody() throws Exception {
        mvc.perform(get("/api/desk/progress").param("region", "31"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/desk/public/totals").param("region", "31.71.01")).andExpect(status().isOk());
        mvc.perform(get("/api/desk/public/totals").param("region", "31.71.01").param("contest", "DPR"))
                .andExpect(status().isBadRequest());
    }
}
