package id.pemilu.recap.ballot;

import id.pemilu.common.events.DctFinalized;
import id.pemilu.common.inbox.ProcessedEvents;
import id.pemilu.common.messaging.EventQueues;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Takes the legislative ballot structure from candidate-service's DctFinalized events. */
@Configuration
class DctListener {


    private final BallotStructures structures;
    private final ProcessedEvents processed;
    private final String queue;

    DctListener(BallotStructures structures, ProcessedEvents processed,
                    @Value("${pemilu.recap.ballots-queue:recap-service.ballots}") String queue) {
        this.structures = structures;
        this.processed = processed;
        this.queue = queue;
    }

    @Bean
    Declarables recapBallotsQueue() {
        return EventQueues.consumerQueue(queue, "DctFinalized");
    }

    @RabbitListener(queues = "${pemilu.recap.ballots-queue:recap-service.ballots}")
    void on(DctFinalized event) {
        processed.once(queue, event.eventId(), () -> structures.accept(event));
    }
}
