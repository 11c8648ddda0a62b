package id.pemilu.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.test.LocalRabbitMq;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Against the real RabbitMQ on 127.0.0.1:5672 and the embedded MongoDB. The relay sweeps once an hour here, so the
 * events must leave through the writer's hints and the relay's own retries of what the stopped broker did not take.
 */
@SpringBootTest(properties = {"spring.application.name=common-test", "pemilu.outbox.collections=test_parties",
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/none",
        "spring.config.import=classpath:pemilu-common.yml", "pemilu.outbox.sweep-interval=1h"})
class OutboxAcrossBrokerRestartTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxTestApplication.PartyListener listener;
    @Autowired
    OutboxRelay relay;
    @Autowired
    RabbitAdmin admin;

    @Test
    void everyEventArrivesExactlyOnceAcrossABrokerRestart() throws Exception {
        admin.purgeQueue(OutboxTestApplication.QUEUE);
        int effectsBefore = listener.effects.get();
        int total = 300;
        Set<String> expected = IntStream.range(0, total).mapToObj(i -> "p" + i).collect(Collectors.toSet());
        Thread writer = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                mongo.save(new OutboxTestApplication.TestParty("p" + i, "Partai " + i));
                relay.publishSoon("test_parties", "p" + i); // as the services do once the write is durable
                LocalRabbitMq.sleep(10);
            }
        });
        writer.start();
        LocalRabbitMq.sleep(800);
        LocalRabbitMq.stop();
        LocalRabbitMq.sleep(1500);
        LocalRabbitMq.start();
        writer.join();

        awaitAllOf(expected, Duration.ofSeconds(90));

        assertThat(listener.partiesSeen).containsAll(expected);
        assertThat(listener.effects.get() - effectsBefore).as("each event applied once").isEqualTo(total);
        assertThat(mongo.count(new Query(Criteria.where("outbox.0").exists(true)), "test_parties"))
                .as("nothing left unsent").isZero();
        // a redelivered copy is recognised and skipped
        assertThat(listener.deliveries.get()).isGreaterThanOrEqualTo(total);
    }

    @Test
    void aResentEventIsNotAppliedTwice() throws Exception {
        OutboxTestApplication.TestParty party = new OutboxTestApplication.TestParty("dup-1", "Partai Ganda");
        OutboxMessage message = party.getOutbox().get(0);
        mongo.save(party);
        relay.publishSoon("test_parties", "dup-1");
        awaitAllOf(Set.of("dup-1"), Duration.ofSeconds(30));
        int effectsBefore = listener.effects.get();
        int deliveriesBefore = listener.deliveries.get();

        // simulate a lost confirm: the same event is put back into the outbox and sent again
        party.setOutbox(new java.util.ArrayList<>(java.util.List.of(message)));
        mongo.save(party);
        relay.sweepNow();
        long deadline = System.currentTimeMillis() + 20_000;
        while (listener.deliveries.get() == deliveriesBefore && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(listener.deliveries.get()).isGreaterThan(deliveriesBefore);
        assertThat(listener.effects.get()).isEqualTo(effectsBefore);
    }

    private void awaitAllOf(Set<String> expected, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (!listener.partiesSeen.containsAll(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }
}
