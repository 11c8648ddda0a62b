package id.pemilu.recap.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.pemilu.common.test.Tokens;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.testdata.Forms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The confirmation's lean path answers every request exactly as Spring MVC does: the same sequence of requests (plain
 * confirmations, retries, changes, refusals of every kind, requests it must leave to MVC) is sent for one TPS with the
 * lean path on and for a twin TPS with it off; status, content type, Retry-After and the body (TPS code and time
 * left out) must be the same at every step, and the lean path must have answered the plain ones itself.
 */
@SpringBootTest(properties = "pemilu.recap.seed-region=" + ConfirmFastPathTest.KECAMATAN)
@AutoConfigureMockMvc
class ConfirmFastPathTest {

    /** A kecamatan of its own (no other test's context has it): its TPS start with no result. */
    static final String KECAMATAN = "31.71.03";

    @Autowired
    MockMvc mvc;
    @Autowired
    TpsRegistry registry;
    @Autowired
    ConfirmFastPath fastPath;

    @AfterEach
    void on() {
        fastPath.enabled(true);
    }

    @Test
    void answersEveryRequestAsSpringMvcDoes() throws Exception {
        // twins: two TPS with the same DPT, so that the same numbers are right (or wrong) for both
        Station[] twins = twins();
        String fast = twins[0].code().value();
        String slow = twins[1].code().value();
        String other = registry.stationsOf(registry.desaUnder(KECAMATAN).iterator().next()).get(0).code().value();
        int men = twins[0].dptMen();
        int women = twins[0].dptWomen();
        String plain = body(Forms.consistent(men, women, 3, 50, 60, 70), null);
        String changed = body(Forms.consistent(men, women, 3, 51, 60, 70), null);
        String changedWithReason = body(Forms.consistent(men, women, 3, 51, 60, 70), "salah ketik kandidat 1");
        Map<String, Integer> misread = Forms.consistent(men, women, 3, 50, 60, 70);
        misread.put("votes.candidate.2", 860);
        String flaggedWithReason = body(misread, "Angka sesuai formulir, mohon diperiksa PPK");

        Map<String, Function<String, MockHttpServletRequestBuilder>> steps = new LinkedHashMap<>();
        steps.put("first confirmation", tps -> confirm(tps, "k1", plain));
        steps.put("its retry", tps -> confirm(tps, "k1", plain));
        steps.put("the key reused for other numbers", tps -> confirm(tps, "k1", changedWithReason));
        steps.put("a fraction", tps -> confirm(tps, "k5",
                "{\"values\":[{\"key\":\"votes.candidate.1\",\"value\":999.9}],\"reason\":\"uji coba\"}"));
        steps.put("a number in quotes", tps -> confirm(tps, "k5",
                "{\"values\":[{\"key\":\"votes.candidate.1\",\"value\":\"105\"}],\"reason\":\"uji coba\"}"));
        steps.put("an unknown field", tps -> confirm(tps, "k5", "{\"values\":[],\"status\":\"verified\"}"));
        steps.put("broken JSON", tps -> confirm(tps, "k5", "{\"values\":["));
        steps.put("no body", tps -> confirm(tps, "k5", ""));
        steps.put("no values", tps -> confirm(tps, "k5", "{}"));
        steps.put("text/plain", tps -> confirm(tps, "k1", plain).contentType("text/plain"));
        steps.put("JSON with charset", tps -> confirm(tps, "k1", plain).contentType("application/json;charset=UTF-8"));
        steps.put("XML wanted", tps -> confirm(tps, "k1", plain).accept("application/xml"));
        steps.put("JSON or anything wanted", tps -> confirm(tps, "k1", plain).header("Accept", "application/json, */*"));
        steps.put("a bad Idempotency-Key", tps -> confirm(tps, "bad key!", plain));
        steps.put("two Idempotency-Keys", tps -> confirm(tps, "k1", plain).header("Idempotency-Key", "k9"));
        steps.put("no Idempotency-Key", tps -> post(path(tps)).with(Tokens.kpps(tps))
                .contentType("application/json").content(plain));
        steps.put("a PPK token", tps -> post(path(tps)).with(Tokens.ppk(KECAMATAN))
                .contentType("application/json").content(plain));
        steps.put("no token", tps -> post(path(tps)).contentType("application/json").content(plain));
        steps.put("another TPS's officer", tps -> post(path(tps)).with(Tokens.kpps(other))
                .header("Idempotency-Key", "k6").contentType("application/json").content(plain));
        steps.put("an unknown ballot type", tps -> post("/api/recap/tps/" + tps + "/ballots/XYZ/confirm")
                .with(Tokens.kpps(tps)).header("Idempotency-Key", "k7").contentType("application/json").content(plain));
        steps.put("a bad TPS code", tps -> post("/api/recap/tps/" + tps + "x/ballots/PPWP/confirm")
                .with(Tokens.kpps(tps)).header("Idempotency-Key", "k7").contentType("application/json").content(plain));
        steps.put("an escaped path", tps -> post("/api/recap/tps/" + tps.replace(".", "%2E") + "/ballots/PPWP/confirm")
                .with(Tokens.kpps(tps)).header("Idempotency-Key", "k1").contentType("application/json").content(plain));
        steps.put("a query string", tps -> post(path(tps) + "?x=1").with(Tokens.kpps(tps))
                .header("Idempotency-Key", "k1").contentType("application/json").content(plain));
        steps.put("an unknown photo submission", tps -> confirm(tps, "k8",
                "{\"submissionId\":\"nope\",\"values\":[]}"));
        steps.put("a change without reason", tps -> confirm(tps, "k2", changed));
        steps.put("a change with reason", tps -> confirm(tps, "k3", changedWithReason));
        steps.put("numbers failing a check, with reason", tps -> confirm(tps, "k4", flaggedWithReason));
        steps.put("numbers failing a check, retried", tps -> confirm(tps, "k4", flaggedWithReason));

        List<String> differences = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (var step : steps.entrySet()) {
            fastPath.enabled(true);
            long before = fastPath.answered();
            String a = answer(step.getValue().apply(fast), fast);
            if (fastPath.answered() > before) {
                taken.add(step.getKey());
            }
            fastPath.enabled(false);
            String b = answer(step.getValue().apply(slow), slow);
            if (!a.equals(b)) {
                differences.add(step.getKey() + ":\n  lean " + a + "\n  MVC  " + b);
            }
        }
        assertThat(differences).isEmpty();
        // the lean path answers what reaches the confirmation (refusals by the confirmation included); the rest is MVC's
        assertThat(taken).containsExactly("first confirmation", "its retry", "the key reused for other numbers",
                "no values", "JSON with charset", "JSON or anything wanted", "a bad Idempotency-Key",
                "no Idempotency-Key", "another TPS's officer", "an unknown ballot type", "a bad TPS code",
                "an unknown photo submission", "a change without reason", "a change with reason",
                "numbers failing a check, with reason", "numbers failing a check, retried");
    }

    Station[] twins() {
        Map<String, Station> byDpt = new java.util.HashMap<>();
        for (String desa : registry.desaUnder(KECAMATAN)) {
            for (Station s : registry.stationsOf(desa)) {
                Station twin = byDpt.putIfAbsent(s.dptMen() + "/" + s.dptWomen(), s);
                if (twin != null) {
                    return new Station[]{twin, s};
                }
            }
        }
        throw new AssertionError("no two TPS with the same DPT under " + KECAMATAN);
    }

    MockHttpServletRequestBuilder confirm(String tps, String key, String body) {
        return post(path(tps)).with(Tokens.kpps(tps)).header("Idempotency-Key", key)
                .contentType("application/json").content(body);
    }

    static String path(String tps) {
        return "/api/recap/tps/" + tps + "/ballots/PPWP/confirm";
    }

    static String body(Map<String, Integer> values, String reason) {
        return "{\"values\":" + Forms.json(values) + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }

    String answer(MockHttpServletRequestBuilder request, String tps) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                .replace(tps, "TPS").replace(tps.replace(".", "%2E"), "TPS")
                .replaceAll("\"updatedAt\":\"[^\"]*\"", "\"updatedAt\":\"T\"");
        return response.getStatus() + " " + response.getContentType() + " retry-after="
                + response.getHeader("Retry-After") + " " + body;
    }
}
