package id.pemilu.recap.ballot;

import id.pemilu.common.events.DctFinalized;
import id.pemilu.common.inbox.ProcessedEvents;
import id.pemilu.common.messaging.EventQueues;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Takes the legislative ballot structure from candidate-service's DctFinalized events. */
@Configuration
class DctListener {

    static final String QUEUE = "recap-service.ballots";

    private final BallotStructures structures;
    private final ProcessedEvents processed;

    DctListener(BallotStructures structures, ProcessedEvents processed) {
        this.structures = structures;
        this.processed = processed;
    }

    @Bean
    Declarables recapBallotsQueue() {
        return EventQueues.consumerQueue(QUEUE, "DctFinalized");
    }

    @RabbitListener(queues = QUEUE)
    void on(DctFinalized event) {
        processed.once(QUEUE, event.eventId(), () -> structures.accept(event));
    }
}
