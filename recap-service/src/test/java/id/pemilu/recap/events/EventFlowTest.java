package id.pemilu.recap.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.events.C1FormRead;
import id.pemilu.common.events.C1PhotoUploaded;
import id.pemilu.common.events.DctFinalized;
import id.pemilu.common.events.EventExchanges;
import id.pemilu.common.events.TpsResultRecorded;
import id.pemilu.common.test.Tokens;
import id.pemilu.recap.ballot.BallotStructures;
import id.pemilu.recap.registry.Station;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.recap.testdata.Forms;
import id.pemilu.recap.testdata.Images;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Events through the real RabbitMQ on 127.0.0.1:5672. The consumer queues get test-only names (deleted afterwards)
 * and the test's incoming events are sent straight to them, so a running suite never sees these test events.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventFlowTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void testQueues(DynamicPropertyRegistry registry) {
        registry.add("pemilu.recap.readings-queue", () -> "recap-service-test.readings." + RUN);
        registry.add("pemilu.recap.ballots-queue", () -> "recap-service-test.ballots." + RUN);
        registry.add("spring.rabbitmq.listener.simple.auto-startup", () -> "true");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    RabbitAdmin admin;
    @Autowired
    TpsRegistry registry;
    @Autowired
    BallotStructures structures;
    @Autowired
    org.springframework.core.env.Environment env;
    @Autowired
    org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry listeners;

    final Queue uploads = new AnonymousQueue();
    final Queue recorded = new AnonymousQueue();

    @BeforeAll
    void listen() {
        TopicExchange events = new TopicExchange(EventExchanges.DOMAIN_EVENTS);
        admin.declareQueue(uploads);
        admin.declareBinding(BindingBuilder.bind(uploads).to(events).with("C1PhotoUploaded"));
        admin.declareQueue(recorded);
        admin.declareBinding(BindingBuilder.bind(recorded).to(events).with("TpsResultRecorded"));
    }

    @AfterAll
    void cleanUp() {
        listeners.stop();
        for (String property : new String[] {"pemilu.recap.readings-queue", "pemilu.recap.ballots-queue"}) {
            String queue = env.getProperty(property);
            admin.deleteQueue(queue);
            admin.deleteQueue(queue + ".dlq");
        }
        admin.deleteQueue(uploads.getName());
        admin.deleteQueue(recorded.getName());
    }

    @Test
    void anUploadAsksForAReadingAndTheReadingBecomesADraft() throws Exception {
        String tps = "31.71.01.1001.003";
        String body = mvc.perform(multipart("/api/recap/tps/" + tps + "/ballots/PPWP/photos")
                        .file(new MockMultipartFile("photo", "c1.jpg", "image/jpeg", Images.jpegWithExif(40)))
                        .with(Tokens.kpps(tps)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var upload = JsonMapper.builder().build().readTree(body);
        String submissionId = upload.get("submissionId").asString();

        C1PhotoUploaded asked = receive(uploads.getName(), C1PhotoUploaded.class,
                e -> e.submissionId().equals(submissionId));
        assertThat(asked.tpsCode()).isEqualTo(tps);
        assertThat(asked.photoSha256()).isEqualTo(upload.get("sha256").asString());
        assertThat(java.util.Base64.getDecoder().decode(asked.photoBase64())).isEqualTo(Images.jpegWithExif(40));

        Station s = registry.find(new TpsCode(tps)).orElseThrow();
        Map<String, Integer> values = Forms.consistent(s.dptMen(), s.dptWomen(), 0, 30, 30, 30);
        List<C1FormRead.FieldReading> fields = new ArrayList<>();
        values.forEach((k, v) -> fields.add(new C1FormRead.FieldReading(k, v, 0.9, false)));
        rabbit.convertAndSend("", "recap-service-test.readings." + RUN, new C1FormRead(UUID.randomUUID(),
                Instant.now(), 1, submissionId, tps, "PPWP", 1, asked.photoSha256(), "READ", null, tps, fields));
        waitUntil(() -> mvc.perform(get("/api/recap/submissions/" + submissionId).with(Tokens.kpps(tps)))
                .andReturn().getResponse().getContentAsString().contains("votes.candidate.1"));
        mvc.perform(post("/api/recap/tps/" + tps + "/ballots/PPWP/confirm").with(Tokens.kpps(tps))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"submissionId\":\"" + submissionId + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("submitted"));
        TpsResultRecorded event = receive(recorded.getName(), TpsResultRecorded.class, e -> e.tpsCode().equals(tps));
        assertThat(event.status()).isEqualTo("submitted");
        assertThat(event.source()).isEqualTo("photo-reading");
    }

    @Test
    void aFinalCandidateListOpensTheLegislativeBallot() throws Exception {
        String tps = "31.71.01.1001.004";
        finalizeDprList("DKI-II-" + RUN, "DKI Jakarta II", "31.71");
        Map<String, Integer> values = votersBallotsAndTotals(tps);
        values.put("votes.party.1", 20);
        values.put("votes.party.1.candidate.1", 25);
        values.put("votes.party.1.candidate.2", 5);
        values.put("votes.party.2", 10);
        values.put("votes.party.2.candidate.1", 30);
        values.put("votes.party.2.candidate.2", 10);
        String content = "{\"values\":" + Forms.json(values) + "}";
        waitUntil(() -> mvc.perform(post("/api/recap/tps/" + tps + "/ballots/DPR/confirm").with(Tokens.kpps(tps))
                .header("Idempotency-Key", "dpr-" + RUN).contentType(MediaType.APPLICATION_JSON).content(content))
                .andReturn().getResponse().getStatus() == 200);
        mvc.perform(get("/api/recap/tps/" + tps + "/ballots/DPR").with(Tokens.kpps(tps)))
                .andExpect(jsonPath("$.status").value("submitted"))
                .andExpect(jsonPath("$.values[*].key", hasItem("votes.party.2.candidate.2")));
    }

    @Test
    void aLegislativeReadingGivesThePartysOwnVotesAndTheOfficerTypesTheCandidates() throws Exception {
        String tps = "31.71.01.1001.005";
        finalizeDprList("DKI-III-" + RUN, "DKI Jakarta III", "31.71.01.1001");
        String[] submission = new String[2];
        waitUntil(() -> {
            var response = mvc.perform(multipart("/api/recap/tps/" + tps + "/ballots/DPR/photos")
                    .file(new MockMultipartFile("photo", "c1.jpg", "image/jpeg", Images.jpegWithExif(41)))
                    .with(Tokens.kpps(tps))).andReturn().getResponse();
            if (response.getStatus() == 201) {
                var upload = JsonMapper.builder().build().readTree(response.getContentAsString());
                submission[0] = upload.get("submissionId").asString();
                submission[1] = upload.get("sha256").asString();
            }
            return submission[0] != null;
        });

        // the legislative page as ocr-c1-reader reads it: per party its own votes, its candidates' votes and the
        // sum, and the column totals; 20 + 30 = 50 and 10 + 40 = 50 valid votes of 100
        Map<String, Integer> read = votersBallotsAndTotals(tps);
        read.put("votes.party.1", 20);
        read.put("votes.party.1.candidates", 30);
        read.put("votes.party.1.total", 50);
        read.put("votes.party.2", 10);
        read.put("votes.party.2.candidates", 40);
        read.put("votes.party.2.total", 50);
        read.put("votes.parties.own", 30);
        read.put("votes.parties.candidates", 70);
        List<C1FormRead.FieldReading> fields = new ArrayList<>();
        read.forEach((k, v) -> fields.add(new C1FormRead.FieldReading(k, v, 0.99999, false)));
        rabbit.convertAndSend("", "recap-service-test.readings." + RUN, new C1FormRead(UUID.randomUUID(),
                Instant.now(), 1, submission[0], tps, "DPR", 1, submission[1], "READ", null, tps, fields));
        waitUntil(() -> mvc.perform(get("/api/recap/submissions/" + submission[0]).with(Tokens.kpps(tps)))
                .andReturn().getResponse().getContentAsString().contains("votes.party.2"));

        // the officer types each candidate's votes from the further pages; the party rows stay as read
        String typed = "{\"submissionId\":\"" + submission[0] + "\",\"values\":["
                + "{\"key\":\"votes.party.1.candidate.1\",\"value\":25},"
                + "{\"key\":\"votes.party.1.candidate.2\",\"value\":5},"
                + "{\"key\":\"votes.party.2.candidate.1\",\"value\":30},"
                + "{\"key\":\"votes.party.2.candidate.2\",\"value\":10}]}";
        mvc.perform(post("/api/recap/tps/" + tps + "/ballots/DPR/confirm").with(Tokens.kpps(tps))
                        .header("Idempotency-Key", "dpr-reading-" + RUN)
                        .contentType(MediaType.APPLICATION_JSON).content(typed))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("submitted"));
        mvc.perform(get("/api/recap/tps/" + tps + "/ballots/DPR").with(Tokens.kpps(tps)))
                .andExpect(jsonPath("$.values[?(@.key == 'votes.party.1')].value", hasItem(20)))
                .andExpect(jsonPath("$.values[*].key", org.hamcrest.Matchers.not(hasItem("votes.party.1.total"))))
                .andExpect(jsonPath("$.values[*].key", org.hamcrest.Matchers.not(hasItem("votes.parties.own"))));
    }

    /**
     * A final DPR candidate list: parties 1 (pnb) and 2 (pkr), two candidates each, for the given region. Returns once
     * recap-service knows it: the event travels on its own queue, so a photo and its reading, which need no list, can
     * arrive before it, and a confirmation before it is refused ("Surat suara belum siap"), as it should be.
     */
    private void finalizeDprList(String dapilCode, String dapilName, String region) throws Exception {
        List<DctFinalized.BallotCandidate> two = List.of(new DctFinalized.BallotCandidate(1, "Calon Satu", "P"),
                new DctFinalized.BallotCandidate(2, "Calon Dua", "L"));
        rabbit.convertAndSend("", "recap-service-test.ballots." + RUN, new DctFinalized(UUID.randomUUID(),
                Instant.now(), 1, "DPR", dapilCode, dapilName, 7, 1, List.of(region),
                List.of(new DctFinalized.BallotParty("pnb", 1, "Partai Nusantara Baru", two),
                        new DctFinalized.BallotParty("pkr", 2, "Partai Kerja Rakyat", two))));
        waitUntil(() -> structures.legislativeDapils(BallotType.DPR).stream()
                .anyMatch(d -> d.code().equals(dapilCode)));
    }

    /** A consistent form of the TPS's registered DPT with 100 valid and 4 invalid votes, without any vote rows. */
    private Map<String, Integer> votersBallotsAndTotals(String tps) {
        Station s = registry.find(new TpsCode(tps)).orElseThrow();
        Map<String, Integer> values = new LinkedHashMap<>();
        Forms.consistent(s.dptMen(), s.dptWomen(), 4, 100).forEach((k, v) -> {
            if (!k.startsWith("votes.candidate")) {
                values.put(k, v);
            }
        });
        return values;
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitUntil(Check check) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not reached within 30 s");
    }

    <T> T receive(String queue, Class<T> type, java.util.function.Predicate<T> wanted) {
        for (int i = 0; i < 30; i++) {
            org.springframework.amqp.core.Message message = rabbit.receive(queue, 1000);
            if (message != null) {
                T event = JsonMapper.builder().build().readValue(message.getBody(), type);
                if (wanted.test(event)) {
                    return event;
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " received");
    }
}
