package id.pemilu.recap.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.events.EventExchanges;
import id.pemilu.common.outbox.OutboxRelay;
import id.pemilu.common.test.LocalRabbitMq;
import id.pemilu.common.test.Tokens;
import id.pemilu.recap.recap.RecapApplier;
import id.pemilu.recap.recap.RecapQueries;
import id.pemilu.recap.recap.RecapRebuild;
import id.pemilu.recap.recap.Total;
import id.pemilu.recap.testdata.Forms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * KPPS officers keep confirming results while the real RabbitMQ on this machine is stopped and started again: every
 * confirm is answered, the totals equal the sum of the confirmed numbers exactly, and every TpsResultRecorded event
 * reaches the broker once it is back (nothing lost, kept in the outbox meanwhile).
 */
@SpringBootTest
@AutoConfigureMockMvc
class RecapAcrossBrokerRestartTest {

    static final String DESA = "31.71.02.1001";
    static final int STATIONS = 16;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    RecapApplier applier;
    @Autowired
    RecapQueries queries;
    @Autowired
    RecapRebuild rebuild;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RabbitAdmin admin;
    @Autowired
    RabbitTemplate rabbit;

    Queue queue;

    @AfterEach
    void dropQueue() {
        if (queue != null) {
            admin.deleteQueue(queue.getName());
        }
    }

    @Test
    void totalsStayExactAndEveryEventLeavesAcrossABrokerRestart() throws Exception {
        StringBuilder csv = new StringBuilder("tps_code,dpt_men,dpt_women\n");
        for (int i = 1; i <= STATIONS; i++) {
            csv.append(DESA).append('.').append(String.format("%03d", i)).append(",100,100\n");
        }
        mvc.perform(post("/api/recap/admin/registry").with(Tokens.kpuRi()).contentType("text/csv")
                .content(csv.toString())).andExpect(status().isOk());
        queue = new Queue("recap-restart-test-" + java.util.UUID.randomUUID(), true, false, false);
        admin.declareQueue(queue);
        Binding binding = BindingBuilder.bind(queue).to(new TopicExchange(EventExchanges.DOMAIN_EVENTS))
                .with("TpsResultRecorded");
        admin.declareBinding(binding);

        List<Integer> statuses = new ArrayList<>();
        long[] expectedValid = {0};
        Thread officers = new Thread(() -> {
            for (int i = 1; i <= STATIONS; i++) {
                String tps = DESA + "." + String.format("%03d", i);
                Map<String, Integer> values = Forms.consistent(100, 100, 2, 40 + i, 50, 60);
                expectedValid[0] += values.get("votes.valid");
                try {
                    statuses.add(mvc.perform(post("/api/recap/tps/" + tps + "/ballots/PPWP/confirm")
                                    .with(Tokens.kpps(tps)).header("Idempotency-Key", "restart-" + tps)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"values\":" + Forms.json(values) + "}"))
                            .andReturn().getResponse().getStatus());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                LocalRabbitMq.sleep(150);
            }
        });
        officers.start();
        LocalRabbitMq.sleep(500);
        LocalRabbitMq.stop();
        LocalRabbitMq.sleep(2000);
        LocalRabbitMq.start();
        officers.join();

        assertThat(statuses).hasSize(STATIONS).allMatch(status -> status == 200);
        applier.applyPending();
        long valid = queries.find("PPWP", DESA).map(t -> t.getCounted().stream()
                .filter(v -> v.key().equals("votes.valid")).mapToLong(Total::value).sum()).orElse(0L);
        assertThat(valid).isEqualTo(expectedValid[0]);
        assertThat(rebuild.rebuild(false).differences()).isEmpty();

        Query pending = new Query(Criteria.where("desaCode").is(DESA).and("outbox.0").exists(true));
        long deadline = System.currentTimeMillis() + 90_000;
        while (mongo.count(pending, "tps_results") > 0 && System.currentTimeMillis() < deadline) {
            relay.sweepNow();
            LocalRabbitMq.sleep(500);
        }
        assertThat(mongo.count(pending, "tps_results")).as("outbox drained after the restart").isZero();
        Set<String> recorded = new HashSet<>();
        for (Message message = rabbit.receive(queue.getName(), 5_000); message != null;
             message = rabbit.receive(queue.getName(), 2_000)) {
            String tps = JSON.readTree(message.getBody()).path("tpsCode").asString();
            if (tps.startsWith(DESA + ".")) {
                recorded.add(tps);
            }
        }
        assertThat(recorded).as("a TpsResultRecorded for every confirmed TPS reached the broker").hasSize(STATIONS);
    }
}
