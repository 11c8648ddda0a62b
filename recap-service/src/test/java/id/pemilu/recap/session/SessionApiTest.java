package id.pemilu.recap.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.test.Tokens;
import id.pemilu.recap.dhasil.DHasil;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.ConfirmCommand;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Kecamatan sessions over the API: readiness, objections and answers, D.Hasil, live vs legal, reopening, scopes. */
@SpringBootTest(properties = "pemilu.recap.seed-region=31.71")
@AutoConfigureMockMvc
class SessionApiTest {

    static final String BASE = "/api/recap/sessions/PPWP/";

    @Autowired
    MockMvc mvc;
    @Autowired
    TpsRegistry registry;
    @Autowired
    ResultService results;
    @Autowired
    MongoTemplate mongo;

    List<String> tpsOf(String kecamatan) {
        List<String> out = new ArrayList<>();
        for (String desa : registry.desaUnder(kecamatan)) {
            registry.stationsOf(desa).forEach(s -> out.add(s.code().value()));
        }
        return out;
    }

    ResultActions send(RequestPostProcessor who, String path, String json) throws Exception {
        return mvc.perform(post(path).with(who).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static RequestPostProcessor saksi(String party, String region) {
        return Tokens.as("saksi." + party + "." + region, Roles.SAKSI,
                Map.of(Caller.PARTY_ID_CLAIM, party, Caller.REGION_CODE_CLAIM, region));
    }

    @Test
    void openingAndFinalizingAreRefusedUntilEveryTpsAndObjectionIsSettled() throws Exception {
        String kec = "31.71.02";
        List<String> tps = tpsOf(kec);
        String missing = tps.get(0);
        String flagged = tps.get(1);
        SessionFixture.fill(registry, results, kec, code -> !code.equals(missing) && !code.equals(flagged));
        Station fs = registry.find(new id.pemilu.recap.registry.TpsCode(flagged)).orElseThrow();
        Map<String, Integer> wrong = SessionFixture.formOf(fs);
        wrong.put("votes.candidate.2", wrong.get("votes.candidate.2") + 800);
        results.confirm(SessionFixture.kpps(flagged), fs.code(), BallotType.PPWP,
                new ConfirmCommand(null, SessionFixture.values(wrong), "angka sesuai formulir"), null);

        var ppk = Tokens.ppk(kec);
        send(ppk, BASE + kec + "/open", "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.notReady", hasSize(2)))
                .andExpect(jsonPath("$.notReady[0]", containsString(missing)))
                .andExpect(jsonPath("$.notReady[1]", containsString("ditandai")));
        send(ppk, BASE + kec + "/decisions", "{\"tpsCode\":\"" + missing + "\",\"decision\":\"PSU\"}")
                .andExpect(status().isBadRequest());
        send(ppk, BASE + kec + "/decisions", "{\"tpsCode\":\"" + missing + "\",\"decision\":\"PSU\","
                + "\"reason\":\"Pemungutan suara ulang dijadwalkan atas rekomendasi Panwaslu\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("preparing"));
        send(ppk, BASE + kec + "/open", "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.notReady", hasSize(1)))
                .andExpect(jsonPath("$.notReady[0]", containsString(flagged)));
        // PPK settles the flagged TPS against the paper form, then the session opens
        send(ppk, "/api/recap/tps/" + flagged + "/ballots/PPWP/review", "{\"decision\":\"corrected\","
                + "\"reason\":\"C.Hasil kertas\",\"values\":[{\"key\":\"votes.candidate.2\",\"value\":"
                + SessionFixture.votesOf(fs)[1] + "}]}").andExpect(status().isOk());
        send(ppk, BASE + kec + "/open", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("open"));
        send(ppk, BASE + kec + "/open", "{}").andExpect(status().isConflict());

        send(ppk, BASE + kec + "/objections", "{\"filedBy\":\"Siti\",\"represents\":\"pkr\",\"target\":\""
                + tps.get(2) + "\",\"field\":\"votes.candidate.3\",\"claim\":\"Suara paslon 3 kurang satu\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("in_progress"));
        send(ppk, BASE + kec + "/finalize", "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.notReady[0]", containsString("K-1")));
        send(ppk, BASE + kec + "/objections/K-1/answer", "{\"decision\":\"rejected\","
                + "\"reason\":\"Angka sesuai C.Hasil kertas dan foto\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.objections[0].answer.decision").value("rejected"));

        // a TPS disputed during the session blocks finalization until it is settled
        String disputed = tps.get(3);
        send(ppk, "/api/recap/tps/" + disputed + "/ballots/PPWP/review",
                "{\"decision\":\"disputed\",\"reason\":\"Saksi menyatakan C.Hasil berbeda\"}").andExpect(status().isOk());
        send(ppk, BASE + kec + "/finalize", "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.notReady[0]", containsString("dipersoalkan")));
        send(ppk, BASE + kec + "/tps/" + disputed + "/verify", "{\"reason\":\"cocok dengan kertas\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.verifications[0].tpsCode").value(disputed));
        send(ppk, BASE + kec + "/finalize", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.devKey").value(true));
        send(ppk, BASE + kec + "/events", "{\"description\":\"terlambat dicatat\"}").andExpect(status().isConflict());
        mvc.perform(get("/api/recap/public/dhasil/PPWP/" + kec + "/versions/1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions[0].decision").value("PSU"))
                .andExpect(jsonPath("$.rows[?(@.code=='" + missing + "')].decision", hasItem("PSU")))
                .andExpect(jsonPath("$.rows.length()").value(tps.size()));
    }

    @Test
    void anAcceptedObjectionLeadsToALinkedCorrectionAndTheSignedDHasilShowsBoth() throws Exception {
        String kec = "31.71.03";
        List<String> tps = tpsOf(kec);
        SessionFixture.fill(registry, results, kec, code -> true);
        var ppk = Tokens.ppk(kec);
        send(ppk, BASE + kec + "/open", "{}").andExpect(status().isOk());
        String target = tps.get(0);
        Station st = registry.find(new id.pemilu.recap.registry.TpsCode(target)).orElseThrow();
        int[] votes = SessionFixture.votesOf(st);
        send(saksi("pnb", kec), BASE + kec + "/objections", "{\"filedBy\":\"Andi (saksi PNB)\",\"target\":\""
                + target + "\",\"field\":\"votes.candidate.1\",\"claim\":\"Dua suara paslon 1 tercatat untuk paslon 2\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.objections[0].represents").value("partai:pnb"));
        send(ppk, BASE + kec + "/objections", "{\"filedBy\":\"Budi\",\"represents\":\"pkr\",\"target\":\""
                + tps.get(1) + "\",\"claim\":\"Jumlah pemilih tidak wajar\"}").andExpect(status().isCreated());
        send(ppk, BASE + kec + "/objections/K-1/answer", "{\"decision\":\"accepted\",\"reason\":\"Dicocokkan dengan "
                + "C.Hasil kertas: saksi benar\",\"values\":[{\"key\":\"votes.candidate.1\",\"value\":" + (votes[0] + 2)
                + "},{\"key\":\"votes.candidate.2\",\"value\":" + (votes[1] - 2) + "}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.corrections[0].objectionId").value("K-1"))
                .andExpect(jsonPath("$.corrections[0].changes.length()").value(2))
                .andExpect(jsonPath("$.objections[0].answer.correctionId").value("KR-1"));
        // an accepted objection whose numbers fail the checks changes nothing
        send(ppk, BASE + kec + "/objections/K-2/answer", "{\"decision\":\"accepted\",\"reason\":\"coba koreksi angka\","
                + "\"values\":[{\"key\":\"votes.candidate.1\",\"value\":999}]}")
                .andExpect(status().isUnprocessableContent());
        send(ppk, BASE + kec + "/objections/K-2/answer", "{\"decision\":\"rejected\",\"reason\":\"DPT sesuai daftar\"}")
                .andExpect(status().isOk());
        send(ppk, BASE + kec + "/events", "{\"target\":\"" + tps.get(2) + "\",\"description\":\"Kotak suara tiba "
                + "terlambat 2 jam karena banjir\"}").andExpect(status().isOk());
        send(ppk, BASE + kec + "/finalize", "{}").andExpect(status().isOk());

        String v1 = "/api/recap/public/dhasil/PPWP/" + kec + "/versions/1";
        mvc.perform(get(v1)).andExpect(status().isOk())
                .andExpect(jsonPath("$.corrections[0].objectionId").value("K-1"))
                .andExpect(jsonPath("$.corrections[0].key").value("votes.candidate.1"))
                .andExpect(jsonPath("$.corrections[0].after").value(votes[0] + 2))
                .andExpect(jsonPath("$.objections[0].answer").value("accepted"))
                .andExpect(jsonPath("$.objections[0].correctionId").value("KR-1"))
                .andExpect(jsonPath("$.objections[1].answer").value("rejected"))
                .andExpect(jsonPath("$.events[0].description", containsString("banjir")))
                .andExpect(jsonPath("$.rows[0].sourceVersion").value(2))
                .andExpect(jsonPath("$.rows[0].values[?(@.key=='votes.candidate.1')].value", hasItem(votes[0] + 2)));
        mvc.perform(get(v1 + "/verify")).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.devKey").value(true))
                .andExpect(jsonPath("$.notes[0]", containsString("DEV ONLY")));
        byte[] pdf = mvc.perform(get(v1 + "/pdf")).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/dhasil-kecamatan-test.pdf"), pdf);

        // live vs legal: a TPS result changed after finalization shows as a difference
        String latest = "/api/recap/public/dhasil/PPWP/" + kec;
        mvc.perform(get(latest)).andExpect(jsonPath("$.live.status").value("sama dengan D.Hasil"));
        String changed = tps.get(3);
        int[] cv = SessionFixture.votesOf(registry.find(new id.pemilu.recap.registry.TpsCode(changed)).orElseThrow());
        send(Tokens.kpu(Roles.KPU_KABKOTA, "31.71"), "/api/recap/tps/" + changed + "/ballots/PPWP/review",
                "{\"decision\":\"corrected\",\"reason\":\"Rekomendasi Bawaslu\",\"values\":[{\"key\":\"votes.candidate.3\","
                        + "\"value\":" + (cv[2] + 1) + "},{\"key\":\"votes.candidate.1\",\"value\":" + (cv[0] - 1) + "}]}")
                .andExpect(status().isOk());
        mvc.perform(get(latest)).andExpect(jsonPath("$.live.status").value("berbeda dari D.Hasil"))
                .andExpect(jsonPath("$.live.differences[?(@.key=='votes.candidate.3')].target", hasItem(changed)))
                .andExpect(jsonPath("$.live.differences[?(@.key=='votes.candidate.3')].live", hasItem(cv[2] + 1)));

        // reopening: only the tier above (KPU kab/kota covering it) or KPU RI, with a reason
        String reopen = BASE + kec + "/reopen";
        String why = "{\"reason\":\"Rekomendasi Bawaslu Jakarta Pusat no. 12\"}";
        send(ppk, reopen, why).andExpect(status().isForbidden());
        send(Tokens.kpu(Roles.KPU_KABKOTA, "31.72"), reopen, why).andExpect(status().isForbidden());
        send(Tokens.kpu(Roles.KPU_PROVINSI, "31"), reopen, why).andExpect(status().isForbidden());
        send(Tokens.bawaslu(), reopen, why).andExpect(status().isForbidden());
        send(Tokens.kpu(Roles.KPU_KABKOTA, "31.71"), reopen, "{}").andExpect(status().isBadRequest());
        send(Tokens.kpu(Roles.KPU_KABKOTA, "31.71"), reopen, why).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("reopened")).andExpect(jsonPath("$.version").value(2));
        send(ppk, BASE + kec + "/finalize", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        String sha1 = mongo.findById(DHasil.idOf("PPWP", kec, 1), DHasil.class).getSha256();
        mvc.perform(get(latest)).andExpect(jsonPath("$.dHasil.version").value(2))
                .andExpect(jsonPath("$.dHasil.previousSha256").value(sha1))
                .andExpect(jsonPath("$.live.status").value("sama dengan D.Hasil"))
                .andExpect(jsonPath("$.versions.length()").value(2));
        mvc.perform(get(v1)).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));

        // tampering: one number changed directly in the store fails verification
        DHasil stored = mongo.findById(DHasil.idOf("PPWP", kec, 1), DHasil.class);
        String row0 = stored.getRows().get(0).values();
        String tampered = row0.replaceFirst("^(\\d+)", String.valueOf(Long.parseLong(row0.split(",")[0]) + 1));
        String rowsText = stored.getRowsText();
        int firstRowEnd = rowsText.indexOf('\n');
        assertThat(rowsText.substring(0, firstRowEnd)).endsWith("|" + row0);
        String tamperedText = rowsText.substring(0, firstRowEnd - row0.length()) + tampered
                + rowsText.substring(firstRowEnd);
        mongo.updateFirst(new Query(Criteria.where("_id").is(stored.getId())), new Update().set("rowsText",
                tamperedText), DHasil.COLLECTION);
        assertThat(mongo.findById(stored.getId(), DHasil.class).getRows().get(0).values()).isEqualTo(tampered);
        mvc.perform(get(v1 + "/verify")).andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.hashMatches").value(false))
                .andExpect(jsonPath("$.result", containsString("TIDAK SAH")));
        mvc.perform(get("/api/recap/public/dhasil/PPWP/" + kec + "/versions/2/verify"))
                .andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void everyoneActsOnlyWithinTheirRegion() throws Exception {
        String kec = "31.71.04";
        SessionFixture.fill(registry, results, kec, code -> true);
        String target = tpsOf(kec).get(0);
        String objection = "{\"filedBy\":\"Saksi\",\"represents\":\"pnb\",\"target\":\"" + target
                + "\",\"claim\":\"Suara tidak sesuai\"}";
        send(Tokens.ppk("31.71.05"), BASE + kec + "/open", "{}").andExpect(status().isForbidden());
        send(Tokens.kpu(Roles.KPU_KABKOTA, "31.71"), BASE + kec + "/open", "{}").andExpect(status().isForbidden());
        send(Tokens.ppk(kec), BASE + kec + "/open", "{}").andExpect(status().isOk());
        mvc.perform(get(BASE + kec).with(Tokens.ppk("31.71.05"))).andExpect(status().isForbidden());
        mvc.perform(get(BASE + kec).with(Tokens.kpu(Roles.KPU_KABKOTA, "31.71"))).andExpect(status().isOk());
        send(Tokens.ppk("31.71.05"), BASE + kec + "/objections", objection).andExpect(status().isForbidden());
        // a witness of another kecamatan: no filing, no reading
        send(saksi("pnb", "31.71.05"), BASE + kec + "/objections", objection).andExpect(status().isForbidden());
        mvc.perform(get(BASE + kec).with(saksi("pnb", "31.71.05"))).andExpect(status().isForbidden());
        send(saksi("pnb", "31.72"), BASE + kec + "/objections", objection).andExpect(status().isForbidden());
        // a witness of the kab/kota containing it, and Bawaslu, may file and read
        send(saksi("pkr", "31.71"), BASE + kec + "/objections", objection).andExpect(status().isCreated())
                .andExpect(jsonPath("$.objections[0].represents").value("partai:pkr"));
        mvc.perform(get(BASE + kec).with(saksi("pkr", "31.71"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.objections.length()").value(1));
        send(Tokens.bawaslu(), BASE + kec + "/objections", objection).andExpect(status().isCreated())
                .andExpect(jsonPath("$.objections[1].represents").value("panwaslu"));
        // witnesses and Bawaslu cannot answer or finalize
        send(saksi("pkr", "31.71"), BASE + kec + "/objections/K-1/answer",
                "{\"decision\":\"rejected\",\"reason\":\"tidak berdasar\"}").andExpect(status().isForbidden());
        send(Tokens.bawaslu(), BASE + kec + "/finalize", "{}").andExpect(status().isForbidden());
        send(Tokens.partyOperator("pnb"), BASE + kec + "/objections", objection).andExpect(status().isForbidden());
        send(Tokens.kpps(target), BASE + kec + "/objections", objection).andExpect(status().isForbidden());
        mvc.perform(get(BASE + kec)).andExpect(status().isUnauthorized());
    }
}
