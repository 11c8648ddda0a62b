package id.pemilu.common.outbox;

import id.pemilu.common.events.PartyRegistered;
import id.pemilu.common.inbox.ProcessedEvents;
import id.pemilu.common.messaging.EventQueues;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

@SpringBootApplication
class OutboxTestApplication {

    static final String QUEUE = "common-test.party-registered";

    @Bean
    Declarables testQueue() {
        return EventQueues.consumerQueue(QUEUE, "PartyRegistered");
    }

    @Document("test_parties")
    static class TestParty extends OutboxAggregate {
        @Id
        String id;
        String name;

        TestParty(String id, String name) {
            this.id = id;
            this.name = name;
            raise(PartyRegistered.now(id, name, id.toUpperCase()));
        }

        TestParty() {
        }
    }

    @Component
    static class PartyListener {
        final AtomicInteger deliveries = new AtomicInteger();
        final AtomicInteger effects = new AtomicInteger();
        final Set<String> partiesSeen = ConcurrentHashMap.newKeySet();
        private final ProcessedEvents processed;

        PartyListener(ProcessedEvents processed) {
            this.processed = processed;
        }

        @RabbitListener(queues = QUEUE)
        void on(PartyRegistered event) {
            deliveries.incrementAndGet();
            processed.once("common-test", event.eventId(), () -> {
                effects.incrementAndGet();
                partiesSeen.add(event.partyId());
            });
        }
    }
}
