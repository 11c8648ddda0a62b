package id.pemilu.recap;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.test.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ServiceBasicsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    java.util.List<org.springframework.security.web.SecurityFilterChain> chains;
    @Autowired
    id.pemilu.common.mongo.EmbeddedMongoProperties store;

    /**
     * recap-service's own default for the embedded store's page cache (issue 22): 16 MB, not the 64 MB of the other
     * services, unless PEMILU_STORE_CACHE_MB says otherwise (this test runs without it).
     */
    @Test
    void theEmbeddedStoreKeepsASmallPageCache() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("PEMILU_STORE_CACHE_MB") == null);
        org.assertj.core.api.Assertions.assertThat(store.cacheMb()).isEqualTo(16);
    }

    /** A stateless API carries none of a session application's filters (every request passes each of them). */
    @Test
    void theSecurityChainHasNoFiltersOfASessionApplication() {
        org.assertj.core.api.Assertions.assertThat(chains).isNotEmpty();
        for (var chain : chains) {
            org.assertj.core.api.Assertions.assertThat(chain.getFilters()).extracting(f -> f.getClass().getSimpleName())
                    .contains("BearerTokenAuthenticationFilter", "AuthorizationFilter")
                    .doesNotContain("LogoutFilter", "RequestCacheAwareFilter", "SecurityContextHolderAwareRequestFilter");
        }
    }

    @Test
    void exposesProbesMetricsAndApiDocsWithoutAToken() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andExpect(jsonPath("$.openapi").exists());
    }

    @Test
    void refusesAnApiCallWithoutATokenWithAProblemBody() throws Exception {
        mvc.perform(get("/api/anything"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
    }

    /** Spring's own refusals (method, content type, Accept, missing parameter) answer in Indonesian, RFC 9457. */
    @Test
    void frameworkRefusalsAreIndonesianProblems() throws Exception {
        mvc.perform(delete("/api/recap/public/log/head").with(Tokens.kpuRi()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(header().string("Allow", org.hamcrest.Matchers.containsString("GET")))
                .andExpect(jsonPath("$.status").value(405))
                .andExpect(jsonPath("$.title").value("Metode tidak diizinkan"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "Metode DELETE tidak didukung untuk alamat ini. Metode yang didukung: GET")));
        mvc.perform(post("/api/recap/sessions/PPWP/31.71.01/events").with(Tokens.ppk("31.71.01"))
                        .contentType(MediaType.TEXT_PLAIN).content("kejadian"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Jenis isi tidak didukung"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("Jenis isi text/plain tidak didukung"),
                        org.hamcrest.Matchers.containsString("application/json"))));
        mvc.perform(get("/api/recap/public/log/head").accept(MediaType.APPLICATION_XML))
                .andExpect(status().isNotAcceptable())
                .andExpect(jsonPath("$.title").value("Format tidak tersedia"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "Jawaban tidak tersedia dalam format yang diminta")));
        mvc.perform(post("/api/recap/sessions/PPWP/31.71.01/events").with(Tokens.ppk("31.71.01"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"description\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Permintaan tidak valid"))
                .andExpect(jsonPath("$.detail").value("Isi permintaan bukan JSON yang bisa dibaca."));
    }
}
