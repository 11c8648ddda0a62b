package id.pemilu.desk;

import static id.pemilu.desk.Fixtures.DESA_CIDENG;
import static id.pemilu.desk.Fixtures.body;
import static id.pemilu.desk.Fixtures.pelapor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import id.pemilu.common.events.EventExchanges;
import id.pemilu.common.test.LocalRabbitMq;
import id.pemilu.desk.registry.RegistrySync;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The desk's numbers never mix with KPU's: the desk has no connection to the event bus (so nothing of it reaches
 * recap-service's queues or the transparency log fed from KPU's events), keeps its own database, and only reads
 * recap-service's public API.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SeparationTest {

    @DynamicPropertySource
    static void recap(DynamicPropertyRegistry registry) {
        Fixtures.properties(registry);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MockMvc mvc;
    @Autowired
    RegistrySync registry;

    @Test
    void theDeskHasNoWayToPublishOnTheEventBus() {
        assertThat(context.getBeanNamesForType(org.springframework.amqp.rabbit.core.RabbitTemplate.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.amqp.rabbit.connection.ConnectionFactory.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.amqp.core.AmqpTemplate.class)).isEmpty();
        assertThat(context.getBeanNamesForType(id.pemilu.common.outbox.OutboxRelay.class)).isEmpty();
    }

    @Test
    void theDeskKeepsItsOwnDatabaseWithNoneOfKpusCollections() throws Exception {
        registry.syncNow();
        mvc.perform(post("/api/desk/reports/" + DESA_CIDENG + ".004/PILKADA_GUBERNUR")
                .with(pelapor("pelapor.cideng.2", DESA_CIDENG)).contentType(MediaType.APPLICATION_JSON)
                .content(body(null, 100, 60, 40, 200, 5, 205))).andExpect(status().isCreated());
        assertThat(mongo.getDb().getName()).isEqualTo("desk_pilkada");
        assertThat(mongo.getCollectionNames()).contains("quick_reports", "tps")
                .doesNotContain("tps_results", "region_totals", "outbox", "photo_originals");
        assertThat(Fixtures.RECAP.calls).isNotEmpty().allMatch(call -> call.startsWith("GET "));
    }

    /**
     * With the real broker (vhost RABBITMQ_VHOST): a queue bound to everything on pemilu.events — including the
     * routing keys recap-service consumes (C1FormRead, DctFinalized) and TpsResultRecorded — receives nothing of the
     * desk's while reporters send, correct and the public compares.
     */
    @Test
    void nothingReachesKpusExchangeWhileReportsFlow() throws Exception {
        assumeTrue(LocalRabbitMq.answers(), "RabbitMQ on 127.0.0.1:5672 is needed for this test");
        registry.syncNow();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(System.getenv().getOrDefault("RABBITMQ_VHOST", "/"));
        try (Connection connection = factory.newConnection()) {
            // a fresh vhost has no exchange yet: declare it as the services do (the probe channel is closed by the
            // broker when it is missing, so it is not closed again here)
            Channel probe = connection.createChannel();
            try {
                probe.exchangeDeclarePassive(EventExchanges.DOMAIN_EVENTS);
                probe.close();
            } catch (java.io.IOException missing) {
                try (Channel declare = connection.createChannel()) {
                    declare.exchangeDeclare(EventExchanges.DOMAIN_EVENTS, "topic", true, false,
                            Map.of("alternate-exchange", EventExchanges.UNROUTED));
                }
            }
            try (Channel watch = connection.createChannel()) {
                String queue = watch.queueDeclare("", false, true, true, null).getQueue();
                for (String key : new String[] {"#", "C1FormRead", "DctFinalized", "TpsResultRecorded"}) {
                    watch.queueBind(queue, EventExchanges.DOMAIN_EVENTS, key);
                }
                String tps = DESA_CIDENG + ".002";
                var who = pelapor("pelapor.cideng.3", DESA_CIDENG);
                mvc.perform(post("/api/desk/reports/" + tps + "/PILKADA_GUBERNUR").with(who)
                        .contentType(MediaType.APPLICATION_JSON).content(body(null, 100, 60, 40, 200, 5, 205)))
                        .andExpect(status().isCreated());
                mvc.perform(post("/api/desk/reports/" + tps + "/PILKADA_GUBERNUR/corrections").with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("salah ketik", 100, 61, 39, 200, 5, 205))).andExpect(status().isOk());
                mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/desk/public/comparison").param("region", DESA_CIDENG)).andExpect(status().isOk());
                Thread.sleep(1500);
                java.util.List<String> received = new java.util.ArrayList<>();
                for (com.rabbitmq.client.GetResponse m; (m = watch.basicGet(queue, true)) != null; ) {
                    received.add(m.getEnvelope().getRoutingKey() + " " + m.getProps().getAppId() + " "
                            + new String(m.getBody(), java.nio.charset.StandardCharsets.UTF_8));
                }
                // The vhost may be shared with other test runs; whatever they publish is theirs. Nothing may carry
                // this test's TPS, reporter or the desk's name.
                assertThat(received).noneMatch(m -> m.contains(tps) || m.contains("pelapor.cideng.3")
                        || m.contains("desk-pilkada") || m.contains("quick"));
            }
        }
    }
}
