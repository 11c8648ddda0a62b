package id.pemilu.recap.submission;

import id.pemilu.common.events.C1FormRead;
import id.pemilu.common.inbox.ProcessedEvents;
import id.pemilu.common.messaging.EventQueues;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Takes ocr-c1-reader's readings; each becomes part of a draft, never a result. */
@Configuration
class ReadingListener {


    private final SubmissionService submissions;
    private final ProcessedEvents processed;
    private final String queue;

    ReadingListener(SubmissionService submissions, ProcessedEvents processed,
                    @Value("${pemilu.recap.readings-queue:recap-service.readings}") String queue) {
        this.submissions = submissions;
        this.processed = processed;
        this.queue = queue;
    }

    @Bean
    Declarables recapReadingsQueue() {
        return EventQueues.consumerQueue(queue, "C1FormRead");
    }

    @RabbitListener(queues = "${pemilu.recap.readings-queue:recap-service.readings}")
    void on(C1FormRead event) {
        processed.once(queue, event.eventId(), () -> submissions.accept(event));
    }
}
