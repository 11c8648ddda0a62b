package id.pemilu.recap.submission;

import id.pemilu.common.events.C1FormRead;
import id.pemilu.common.inbox.ProcessedEvents;
import id.pemilu.common.messaging.EventQueues;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Takes ocr-c1-reader's readings; each becomes part of a draft, never a result. */
@Configuration
class ReadingListener {

    static final String QUEUE = "recap-service.readings";

    private final SubmissionService submissions;
    private final ProcessedEvents processed;

    ReadingListener(SubmissionService submissions, ProcessedEvents processed) {
        this.submissions = submissions;
        this.processed = processed;
    }

    @Bean
    Declarables recapReadingsQueue() {
        return EventQueues.consumerQueue(QUEUE, "C1FormRead");
    }

    @RabbitListener(queues = QUEUE)
    void on(C1FormRead event) {
        processed.once(QUEUE, event.eventId(), () -> submissions.accept(event));
    }
}
