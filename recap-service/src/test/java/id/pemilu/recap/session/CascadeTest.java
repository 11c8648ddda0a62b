package id.pemilu.recap.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.test.Tokens;
import id.pemilu.recap.dhasil.DHasilReader;
import id.pemilu.recap.dhasil.DHasilReader.DHasilTotals;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.ResultService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The whole cascade on the registry of Jakarta Pusat (its own store): every kecamatan, the kab/kota (with a correction
 * of a kecamatan figure after a witness's objection), DKI and national; the national D.Hasil equals the sum of the TPS
 * results plus that correction, exactly. Then a reopened kab/kota shows as a difference at the province.
 */
@SpringBootTest(properties = {"pemilu.recap.seed-region=31.71", "pemilu.recap.test-store=cascade"})
@AutoConfigureMockMvc
class CascadeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TpsRegistry registry;
    @Autowired
    ResultService results;
    @Autowired
    SessionService sessions;
    @Autowired
    DHasilReader reader;
    @Autowired
    id.pemilu.recap.determination.DeterminationService determinations;

    ResultActions send(RequestPostProcessor who, String path, String json) throws Exception {
        return mvc.perform(post(path).with(who).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void kecamatanToNationalSumsEveryTpsExactlyAndKeepsTheHigherTierCorrection() throws Exception {
        SessionFixture.fill(registry, results, "31.71", code -> true);
        List<String> kecamatan = new ArrayList<>(registry.childrenOf("31.71"));
        for (String kec : kecamatan.subList(0, kecamatan.size() - 1)) {
            Caller ppk = SessionFixture.officer(Roles.PPK, kec);
            sessions.open(ppk, BallotType.PPWP, kec);
            sessions.finalizeSession(ppk, BallotType.PPWP, kec);
        }
        String last = kecamatan.get(kecamatan.size() - 1);
        var kabkota = Tokens.kpu(Roles.KPU_KABKOTA, "31.71");
        String base = "/api/recap/sessions/PPWP/31.71";
        send(kabkota, base + "/open", "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.notReady[0]", containsString(last)));
        Caller lastPpk = SessionFixture.officer(Roles.PPK, last);
        sessions.open(lastPpk, BallotType.PPWP, last);
        sessions.finalizeSession(lastPpk, BallotType.PPWP, last);
        send(kabkota, base + "/open", "{}").andExpect(status().isOk());

        // a witness of the kab/kota objects to a kecamatan figure; KPU kab/kota accepts with a correction naming it
        String child = kecamatan.get(0);
        Map<String, Long> childTotals = reader.latest(BallotType.PPWP, child).orElseThrow().totals();
        var saksi = Tokens.as("saksi.pkr.jakpus", Roles.SAKSI,
                Map.of(Caller.PARTY_ID_CLAIM, "pkr", Caller.REGION_CODE_CLAIM, "31.71"));
        send(saksi, base + "/objections", "{\"target\":\"" + child + "\",\"field\":\"votes.candidate.1\","
                + "\"claim\":\"Satu suara paslon 1 terbaca sebagai paslon 2 di D.Hasil kecamatan\"}")
                .andExpect(status().isCreated());
        send(kabkota, base + "/objections/K-1/answer", "{\"decision\":\"accepted\",\"reason\":\"Sesuai C.Hasil "
                + "salinan saksi dan foto\",\"values\":[{\"key\":\"votes.candidate.1\",\"value\":"
                + (childTotals.get("votes.candidate.1") + 1) + "},{\"key\":\"votes.candidate.2\",\"value\":"
                + (childTotals.get("votes.candidate.2") - 1) + "}]}").andExpect(status().isOk())
                .andExpect(jsonPath("$.corrections[0].target").value(child))
                .andExpect(jsonPath("$.corrections[0].sourceVersion").value(1));
        // a higher-tier correction must still add up
        send(kabkota, base + "/corrections", "{\"target\":\"" + child + "\",\"reason\":\"salah ketik\",\"values\":"
                + "[{\"key\":\"votes.candidate.3\",\"value\":1}]}").andExpect(status().isUnprocessableContent());
        send(kabkota, base + "/finalize", "{}").andExpect(status().isOk());

        Caller dki = SessionFixture.officer(Roles.KPU_PROVINSI, "31");
        sessions.open(dki, BallotType.PPWP, "31");
        sessions.finalizeSession(dki, BallotType.PPWP, "31");
        Caller ri = new Caller("kpu-ri", java.util.Set.of(Roles.KPU_RI), null, null, null);
        sessions.open(ri, BallotType.PPWP, "ID");
        sessions.finalizeSession(ri, BallotType.PPWP, "ID");

        DHasilTotals national = reader.latest(BallotType.PPWP, "ID").orElseThrow();
        assertThat(national.children()).hasSize(1);
        for (Map.Entry<String, Long> e : national.totals().entrySet()) {
            long expected = SessionFixture.countedSum(registry, results, "31.71", e.getKey());
            if (e.getKey().equals("votes.candidate.1")) {
                expected += 1;
            } else if (e.getKey().equals("votes.candidate.2")) {
                expected -= 1;
            }
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(expected);
        }
        assertThat(national.totals().get("votes.valid")).isGreaterThan(10_000);

        // the penetapan reads the D.Hasil of the deciding tier, not the live totals: the national D.Hasil carries the
        // kab/kota correction (+1 for pair 1) that no TPS result has
        long live1 = SessionFixture.countedSum(registry, results, "31.71", "votes.candidate.1");
        var ppwp = determinations.calculate(BallotType.PPWP, "ID");
        var pair1 = ppwp.standings().stream().filter(x -> x.id().equals("1")).findFirst().orElseThrow();
        assertThat(pair1.votes()).isEqualTo(national.totals().get("votes.candidate.1")).isEqualTo(live1 + 1);
        mvc.perform(post("/api/recap/determinations").param("ballotType", "PPWP").param("region", "ID")
                        .with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Rapat pleno penetapan\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.source", containsString("D.Hasil ID v1")))
                .andExpect(jsonPath("$.source", org.hamcrest.Matchers.not(containsString("LANGSUNG"))));
        mvc.perform(get("/api/recap/public/dhasil/PPWP/ID/versions/1/verify")).andExpect(jsonPath("$.valid").value(true));
        mvc.perform(get("/api/recap/public/dhasil/PPWP/31.71/versions/1"))
                .andExpect(jsonPath("$.corrections[0].target").value(child))
                .andExpect(jsonPath("$.objections[0].represents").value("partai:pkr"));
        Files.createDirectories(Path.of("target"));
        for (String region : new String[] {"31.71", "ID"}) {
            Files.write(Path.of("target/dhasil-" + region + "-test.pdf"), mvc.perform(
                    get("/api/recap/public/dhasil/PPWP/" + region + "/versions/1/pdf")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray());
        }

        // reopening the kab/kota: not by itself, by KPU provinsi; its new version shows as a difference at DKI
        String why = "{\"reason\":\"Rekomendasi Bawaslu DKI atas keberatan saksi\"}";
        send(kabkota, base + "/reopen", why).andExpect(status().isForbidden());
        send(Tokens.kpu(Roles.KPU_PROVINSI, "32"), base + "/reopen", why).andExpect(status().isForbidden());
        send(Tokens.kpu(Roles.KPU_PROVINSI, "31"), base + "/reopen", why).andExpect(status().isOk());
        String second = kecamatan.get(1);
        Map<String, Long> secondTotals = reader.latest(BallotType.PPWP, second).orElseThrow().totals();
        send(kabkota, base + "/corrections", "{\"target\":\"" + second + "\",\"reason\":\"Rekomendasi Bawaslu\","
                + "\"values\":[{\"key\":\"votes.candidate.3\",\"value\":" + (secondTotals.get("votes.candidate.3") + 1)
                + "},{\"key\":\"votes.candidate.1\",\"value\":" + (secondTotals.get("votes.candidate.1") - 1) + "}]}")
                .andExpect(status().isOk());
        send(kabkota, base + "/finalize", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        mvc.perform(get("/api/recap/public/dhasil/PPWP/31"))
                .andExpect(jsonPath("$.live.status").value("berbeda dari D.Hasil"))
                .andExpect(jsonPath("$.live.differences[?(@.key=='votes.candidate.3')].target", hasItem("31.71")));
        // the province can only be reopened by KPU RI; the the province's own KPU cannot
        send(Tokens.kpu(Roles.KPU_PROVINSI, "31"), "/api/recap/sessions/PPWP/31/reopen", why)
                .andExpect(status().isForbidden());
        send(Tokens.kpuRi(), "/api/recap/sessions/PPWP/31/reopen", why).andExpect(status().isOk());
    }
}
