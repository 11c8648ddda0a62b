package id.pemilu.recap.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.test.Tokens;
import id.pemilu.recap.recap.RecapApplier;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.recap.testdata.Forms;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Public reads come from the cache (the same bytes and ETag, 304 on If-None-Match) yet show every change this replica
 * stored at once: a confirmed result on the TPS page, the applied totals, a citizen's report.
 */
@SpringBootTest(properties = "pemilu.recap.public-cache.ttl=1h")
@AutoConfigureMockMvc
class PublicReadCacheTest {

    static final String TPS = "31.71.01.1002.007";

    @Autowired
    MockMvc mvc;
    @Autowired
    TpsRegistry registry;
    @Autowired
    RecapApplier applier;
    @Autowired
    PublicReadCache cache;

    @Test
    void answersCarryAnEtagAndMaxAgeAndAConditionalReadGets304() throws Exception {
        MockHttpServletResponse first = read("/api/recap/public/totals?region=31.71.01");
        String etag = first.getHeader("ETag");
        assertThat(etag).matches("\"[0-9a-f]{24}\"");
        assertThat(first.getHeader("Cache-Control")).isEqualTo("max-age=5, public");
        assertThat(first.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(read("/api/recap/public/totals?region=31.71.01").getContentAsString())
                .isEqualTo(first.getContentAsString());
        mvc.perform(get("/api/recap/public/totals").param("region", "31.71.01").header("If-None-Match", etag))
                .andExpect(status().isNotModified()).andExpect(header().string("ETag", etag));
        mvc.perform(get("/api/recap/public/totals").param("region", "31.71.01").header("If-None-Match", "\"other\""))
                .andExpect(status().isOk());
        // the shape is the documented one
        mvc.perform(get("/api/recap/public/totals").param("region", "31.71.01"))
                .andExpect(jsonPath("$.region.code").value("31.71.01")).andExpect(jsonPath("$.ballotType").value("PPWP"))
                .andExpect(jsonPath("$.progress.tpsTotal").isNumber());
        // bad input is still a problem, and not cached as an answer
        mvc.perform(get("/api/recap/public/totals").param("region", "99.99")).andExpect(status().isNotFound());
        mvc.perform(get("/api/recap/public/totals").param("region", "99.99")).andExpect(status().isNotFound());
    }

    @Test
    void aStoredChangeIsSeenAtOnceThoughTheCacheWouldKeepAnAnswerAnHour() throws Exception {
        applier.applyPending();
        String tpsBefore = read("/api/recap/public/tps/" + TPS).getContentAsString();
        String totalsBefore = read("/api/recap/public/totals?region=31.71.01.1002").getContentAsString();
        String progressBefore = read("/api/recap/public/progress?region=31.71.01.1002").getContentAsString();
        assertThat(tpsBefore).contains("\"ballots\":[]");

        Station s = registry.find(new TpsCode(TPS)).orElseThrow();
        Map<String, Integer> values = Forms.consistent(s.dptMen(), s.dptWomen(), 3, 40, 50, 60);
        mvc.perform(post("/api/recap/tps/" + TPS + "/ballots/PPWP/confirm").with(Tokens.kpps(TPS))
                        .header("Idempotency-Key", "cache-1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\":" + Forms.json(values) + "}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/recap/public/tps/" + TPS)).andExpect(jsonPath("$.ballots[0].status").value("submitted"))
                .andExpect(jsonPath("$.ballots[0].resultVersion").value(1));
        // the totals change once the applier has applied the result (it also runs by itself, so whether it already
        // has at this point depends on timing: nothing is asserted before it surely has)
        applier.applyPending();
        String totalsAfter = read("/api/recap/public/totals?region=31.71.01.1002").getContentAsString();
        assertThat(totalsAfter).isNotEqualTo(totalsBefore);
        mvc.perform(get("/api/recap/public/totals").param("region", "31.71.01.1002"))
                .andExpect(jsonPath("$.counted.values[?(@.key=='votes.candidate.1')].value",
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.greaterThanOrEqualTo(40))));
        assertThat(read("/api/recap/public/progress?region=31.71.01.1002").getContentAsString())
                .isNotEqualTo(progressBefore);

        // a citizen's report on the TPS (a public write naming the TPS in its path) shows on its page at once
        mvc.perform(post("/api/recap/public/tps/" + TPS + "/reports").header("X-Forwarded-For", "10.8.0.1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"NUMBERS_DIFFER\",\"ballotType\":\"PPWP\",\"field\":\"votes.candidate.1\","
                                + "\"text\":\"angka 40 seharusnya 400\"}"))
                .andExpect(status().isAccepted());
        mvc.perform(get("/api/recap/public/tps/" + TPS)).andExpect(jsonPath("$.openReports.total").value(1));
    }

    @Test
    void anAnswerIsComputedOnceUntilAWrite() throws Exception {
        int[] computed = {0};
        PublicReadCache.Body first = cache.region("test|shared", () -> {
            computed[0]++;
            return Map.of("n", 1);
        });
        PublicReadCache.Body second = cache.region("test|shared", () -> {
            computed[0]++;
            return Map.of("n", 2);
        });
        assertThat(computed[0]).isEqualTo(1);
        assertThat(second).isSameAs(first);
        assertThat(new String(first.json(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
        // a write naming no TPS (e.g. a registry import) makes it computed again
        cache.otherWrite();
        assertThat(new String(cache.region("test|shared", () -> Map.of("n", 3)).json(),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"n\":3}");
    }

    private MockHttpServletResponse read(String uri) throws Exception {
        return mvc.perform(get(uri)).andExpect(status().isOk()).andReturn().getResponse();
    }
}
