package id.pemilu.candidates;

import static id.pemilu.candidates.WorkflowFixture.candidate;
import static id.pemilu.candidates.WorkflowFixture.json;
import static id.pemilu.candidates.WorkflowFixture.listBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import id.pemilu.candidates.party.PartyDirectory;
import id.pemilu.candidates.party.TestParties;
import id.pemilu.common.events.DctFinalized;
import id.pemilu.common.events.EventExchanges;
import id.pemilu.common.test.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The whole Silon flow for one dapil through the API: define, nominate, fix, verify, DCS, feedback, DCT. */
@SpringBootTest
@AutoConfigureMockMvc
class CandidateWorkflowTest {

    static final String PNB_NIKS = "31710101800000";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    RabbitAdmin rabbitAdmin;
    @Autowired
    PartyDirectory directory;
    @Value("${pemilu.nik.hmac-key}")
    String nikKey;

    static String nik(int i) {
        return PNB_NIKS + String.format("%02d", i);
    }

    ResultActions putList(RequestPostProcessor who, String dapil, String party, String body) throws Exception {
        return mvc.perform(put("/api/candidates/lists/" + dapil + "/" + party).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** A request as the gateway forwards it: the client's address in X-Forwarded-For, with the (dev) gateway key. */
    static org.springframework.test.web.servlet.request.RequestPostProcessor viaGateway(String client) {
        return request -> {
            request.addHeader("X-Forwarded-For", client);
            request.addHeader("X-Pemilu-Gateway-Key", "dev-only-gateway-key-change-me");
            return request;
        };
    }

    @Test
    void aDapilGoesFromNominationThroughDcsAndFeedbackToAFrozenDctThatIsPublished() throws Exception {
        // durable (survives a broker restart by another test), removed at the end or by the broker after 10 minutes
        Queue dctEvents = QueueBuilder
                .durable("candidate-service.test-dct-" + UUID.randomUUID()).expires(600_000).build();
        rabbitAdmin.declareQueue(dctEvents);
        rabbitAdmin.declareBinding(BindingBuilder.bind(dctEvents).to(new TopicExchange(EventExchanges.DOMAIN_EVENTS))
                .with("DctFinalized"));
        TestParties testParties = new TestParties(context);
        testParties.register("pnb", "Partai Nusantara Bersatu", nikKey, nik(1), nik(2), nik(3), nik(4), nik(5));
        testParties.register("pkr", "Partai Kerja Rakyat", nikKey);

        String csv = new String(getClass().getResourceAsStream("/dapil/dpr-dki-jakarta.csv").readAllBytes(),
                StandardCharsets.UTF_8);
        mvc.perform(post("/api/dapil/import").with(Tokens.partyOperator("pnb")).contentType("text/csv").content(csv))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/dapil/import").with(Tokens.kpuRi()).contentType("text/csv").content(csv))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[1].regions[0].name").value("Kota Administrasi Jakarta Pusat"));

        RequestPostProcessor pnb = Tokens.partyOperator("pnb");
        List<Map<String, Object>> wrong = List.of(candidate(nik(1), "Andi", "L"), candidate(nik(2), "Budi", "L"),
                candidate(nik(3), "Cahyo", "L"), candidate(nik(4), "Dewi", "P"));
        putList(pnb, "DPR-31-1", "pnb", listBody(wrong, null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.violations[*].rule", hasItem("KUOTA_PEREMPUAN")))
                .andExpect(jsonPath("$.violations[?(@.rule == 'SATU_DARI_TIGA')].position").value(1));
        mvc.perform(post("/api/candidates/lists/DPR-31-1/pnb/submit").with(pnb))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.violations[*].rule", hasItem("KUOTA_PEREMPUAN")));
        putList(Tokens.partyOperator("pkr"), "DPR-31-1", "pnb", listBody(wrong, null)).andExpect(status().isForbidden());
        mvc.perform(get("/api/candidates/lists/DPR-31-1/pnb").with(Tokens.partyOperator("pkr")))
                .andExpect(status().isForbidden());

        Map<String, Object> dewi = candidate(nik(4), "Dewi", "P");
        Map<String, Object> eka = candidate(nik(5), "Eka", "P");
        eka.put("cvConsent", false);
        List<Map<String, Object>> fixed = List.of(dewi, candidate(nik(1), "Andi", "L"), candidate(nik(2), "Budi", "L"),
                eka);
        putList(pnb, "DPR-31-1", "pnb", listBody(fixed, null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.violations", hasSize(0)));
        mvc.perform(post("/api/candidates/lists/DPR-31-1/pnb/submit").with(pnb)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        putList(pnb, "DPR-31-1", "pnb", listBody(fixed, null)).andExpect(status().isConflict());

        String listJson = mvc.perform(get("/api/candidates/lists/DPR-31-1/pnb").with(Tokens.kpuRi()))
                .andExpect(jsonPath("$.candidates[0].nikMasked").value("************0004"))
                .andReturn().getResponse().getContentAsString();
        List<String> ids = JsonPath.read(listJson, "$.candidates[*].candidateId");
        String verdicts = json(Map.of("verdicts", List.of(
                Map.of("candidateId", ids.get(0), "verdict", "MS"), Map.of("candidateId", ids.get(1), "verdict", "MS"),
                Map.of("candidateId", ids.get(2), "verdict", "MS"),
                Map.of("candidateId", ids.get(3), "verdict", "TMS", "reason", "Ijazah tidak terlegalisir"))));
        mvc.perform(post("/api/candidates/lists/DPR-31-1/pnb/verification").with(pnb)
                .contentType(MediaType.APPLICATION_JSON).content(verdicts)).andExpect(status().isForbidden());
        mvc.perform(post("/api/candidates/lists/DPR-31-1/pnb/verification").with(Tokens.kpuRi())
                .contentType(MediaType.APPLICATION_JSON).content(verdicts)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPAIR"))
                .andExpect(jsonPath("$.candidates[3].verdictReason").value("Ijazah tidak terlegalisir"));

        eka.put("documents", List.of("KTP", "IJAZAH", "SURAT_SEHAT", "SKCK", "IJAZAH_LEGALISIR"));
        putList(pnb, "DPR-31-1", "pnb", listBody(fixed, null)).andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates[0].verdict").value("MS"))
                .andExpect(jsonPath("$.candidates[3].verdict").doesNotExist());
        mvc.perform(post("/api/candidates/lists/DPR-31-1/pnb/submit").with(pnb)).andExpect(status().isOk());
        mvc.perform(get("/api/candidates/public/dapil/DPR-31-1/dcs")).andExpect(status().isNotFound());
        mvc.perform(post("/api/candidates/lists/DPR-31-1/pnb/verification").with(Tokens.kpuRi())
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("verdicts", ids.stream()
                        .map(id -> Map.of("candidateId", id, "verdict", "MS")).toList()))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VERIFIED"));

        mvc.perform(post("/api/dapil/DPR-31-1/dcs").with(Tokens.kpu("kpu-provinsi", "31")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/dapil/DPR-31-1/dcs").with(Tokens.kpuRi())).andExpect(status().isOk());
        String dcs = mvc.perform(get("/api/candidates/public/dapil/DPR-31-1/dcs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.list").value("DCS"))
                .andExpect(jsonPath("$.parties[0].candidates[0].name").value("Dewi"))
                .andExpect(jsonPath("$.parties[0].candidates[0].cv").value("Riwayat Dewi"))
                .andExpect(jsonPath("$.parties[0].candidates[3].cvPublished").value(false))
                .andExpect(jsonPath("$.parties[0].candidates[3].cv").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(dcs).doesNotContain(PNB_NIKS).doesNotContain("****").doesNotContain("Jl. Rahasia")
                .doesNotContain("1980-06-01").doesNotContain("SURAT_SEHAT").doesNotContain("nik");

        String feedback = json(Map.of("text", "Calon ini pernah dihukum karena korupsi.",
                "evidenceUrls", List.of("https://contoh.example/berita")));
        String receipt = mvc.perform(post("/api/candidates/public/candidates/" + ids.get(1) + "/feedback")
                        .contentType(MediaType.APPLICATION_JSON).content(feedback).header("X-Forwarded-For", "10.1.1.1"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.reports").value(1))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/candidates/public/candidates/" + ids.get(1) + "/feedback")
                        .contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", "10.1.1.2")
                        .content(json(Map.of("text", "calon ini PERNAH dihukum karena korupsi"))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.reports").value(2))
                .andExpect(jsonPath("$.merged").value(true));
        mvc.perform(post("/api/candidates/public/candidates/" + ids.get(1) + "/feedback")
                        .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("text", "pendek"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(
                        containsString("10 sampai 2000")));
        String feedbackId = JsonPath.read(receipt, "$.feedbackId");
        mvc.perform(post("/api/candidates/feedback/" + feedbackId + "/clarification").with(Tokens.partyOperator("pkr"))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("text", "bukan urusan kami"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/candidates/feedback/" + feedbackId + "/clarification").with(pnb)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("text", "Putusan itu dibatalkan di tingkat banding."))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.clarifiedBy").value("operator-pnb"));
        mvc.perform(get("/api/candidates/feedback").param("dapil", "DPR-31-1").with(Tokens.bawaslu()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].reports").value(2))
                .andExpect(jsonPath("$[0].evidenceUrls[0]").value("https://contoh.example/berita"));

        // behind the gateway every citizen has their own feedback quota (5 a minute), told when to retry
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/candidates/public/candidates/" + ids.get(2) + "/feedback").with(viaGateway("203.0.113.50"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json(Map.of("text", "Tanggapan warga nomor " + i + " tentang calon ini."))))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/candidates/public/candidates/" + ids.get(2) + "/feedback").with(viaGateway("203.0.113.50"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("text", "Tanggapan keenam dari warga yang sama."))))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "60"));
        mvc.perform(post("/api/candidates/public/candidates/" + ids.get(2) + "/feedback").with(viaGateway("203.0.113.51"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("text", "Tanggapan dari warga lain tetap diterima."))))
                .andExpect(status().isCreated());

        List<Map<String, Object>> reordered = List.of(dewi, candidate(nik(2), "Budi", "L"),
                candidate(nik(1), "Andi", "L"), eka);
        putList(pnb, "DPR-31-1", "pnb", listBody(reordered, null)).andExpect(status().isBadRequest());
        putList(pnb, "DPR-31-1", "pnb", listBody(reordered, "Permintaan calon setelah tanggapan masyarakat"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VERIFIED"));

        mvc.perform(post("/api/dapil/DPR-31-1/dct").with(Tokens.kpuRi())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("Nomor urut partai pnb")));
        mvc.perform(put("/api/candidates/parties/ballot-numbers").with(Tokens.kpuRi())
                .contentType(MediaType.APPLICATION_JSON).content("{\"pnb\": 3, \"pkr\": 1}")).andExpect(status().isOk());
        mvc.perform(post("/api/dapil/DPR-31-1/dct").with(Tokens.kpuRi())).andExpect(status().isOk())
                .andExpect(jsonPath("$.dctVersion").value(1));

        putList(pnb, "DPR-31-1", "pnb", listBody(fixed, "terlambat")).andExpect(status().isConflict());
        mvc.perform(post("/api/dapil/DPR-31-1/dct").with(Tokens.kpuRi())).andExpect(status().isConflict());
        mvc.perform(post("/api/candidates/public/candidates/" + ids.get(1) + "/feedback")
                        .contentType(MediaType.APPLICATION_JSON).content(feedback)).andExpect(status().isConflict());
        mvc.perform(get("/api/candidates/public/dapil/DPR-31-1/dct")).andExpect(status().isOk())
                .andExpect(jsonPath("$.parties[0].ballotNumber").value(3))
                .andExpect(jsonPath("$.parties[0].candidates[1].name").value("Budi"))
                .andExpect(jsonPath("$.parties[0].changesSinceDcs[0].reason")
                        .value("Permintaan calon setelah tanggapan masyarakat"));

        DctFinalized event = receiveDct(dctEvents.getName(), "DPR-31-1", 1);
        assertThat(event.body()).isEqualTo("DPR");
        assertThat(event.seats()).isEqualTo(6);
        assertThat(event.regionCodes()).containsExactly("31.75");
        assertThat(event.parties()).singleElement().satisfies(party -> {
            assertThat(party.partyId()).isEqualTo("pnb");
            assertThat(party.ballotNumber()).isEqualTo(3);
            assertThat(party.candidates()).extracting(DctFinalized.BallotCandidate::name)
                    .containsExactly("Dewi", "Budi", "Andi", "Eka");
            assertThat(party.candidates()).extracting(DctFinalized.BallotCandidate::number).containsExactly(1, 2, 3, 4);
        });

        mvc.perform(post("/api/dapil/DPR-31-1/dct/reopen").with(Tokens.kpu("kpu-provinsi", "31"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/dapil/DPR-31-1/dct/reopen").with(Tokens.kpuRi())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/dapil/DPR-31-1/dct/reopen").with(Tokens.kpuRi())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Putusan Bawaslu 01/PS/2029\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/candidates/public/dapil/DPR-31-1/dct")).andExpect(status().isOk())
                .andExpect(jsonPath("$.dctVersion").value(1))
                .andExpect(jsonPath("$.dapil.stage").value("DCS"));
        putList(pnb, "DPR-31-1", "pnb", listBody(fixed, "Melaksanakan putusan Bawaslu")).andExpect(status().isOk());
        mvc.perform(post("/api/dapil/DPR-31-1/dct").with(Tokens.kpuRi())).andExpect(status().isOk())
                .andExpect(jsonPath("$.dctVersion").value(2))
                .andExpect(jsonPath("$.dapil.history[*].action", hasItem("DCT_DIBUKA_KEMBALI")))
                .andExpect(jsonPath("$.dapil.history[?(@.action == 'DCT_DIBUKA_KEMBALI')].reason")
                        .value("Putusan Bawaslu 01/PS/2029"));
        mvc.perform(get("/api/candidates/public/dapil/DPR-31-1/dct")).andExpect(jsonPath("$.dctVersion").value(2))
                .andExpect(jsonPath("$.parties[0].candidates[1].name").value("Andi"));
        mvc.perform(get("/api/candidates/public/dapil/DPR-31-1/dct").param("version", "1"))
                .andExpect(jsonPath("$.dctVersion").value(1))
                .andExpect(jsonPath("$.parties[0].candidates[1].name").value("Budi"));
        mvc.perform(get("/api/candidates/public/dapil/DPR-31-1/dct").param("version", "5"))
                .andExpect(status().isNotFound());
        DctFinalized second = receiveDct(dctEvents.getName(), "DPR-31-1", 2);
        assertThat(second.parties().get(0).candidates()).extracting(DctFinalized.BallotCandidate::name)
                .containsExactly("Dewi", "Andi", "Budi", "Eka");
        rabbitAdmin.deleteQueue(dctEvents.getName());
    }

    DctFinalized receiveDct(String queue, String dapilCode, int dctVersion) {
        for (int i = 0; i < 20; i++) {
            Object message = rabbit.receiveAndConvert(queue, 1000);
            if (message instanceof DctFinalized event && event.dapilCode().equals(dapilCode)
                    && event.dctVersion() == dctVersion) {
                return event;
            }
        }
        throw new AssertionError("no DctFinalized for " + dapilCode + " arrived on the broker");
    }
}
