package id.pemilu.ocr.photo;

import id.pemilu.common.events.C1PhotoUploaded;
import id.pemilu.common.inbox.ProcessedEvents;
import id.pemilu.common.messaging.EventQueues;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Consumes recap-service's photo uploads on this service's own queue. */
@Configuration
class PhotoUploadedListener {

    static final String QUEUE_PROPERTY = "${pemilu.ocr.photo-queue:ocr-c1-reader.photos}";

    private final ProcessedEvents processed;
    private final PhotoReadingService service;
    private final String queue;

    PhotoUploadedListener(ProcessedEvents processed, PhotoReadingService service,
                          @Value(QUEUE_PROPERTY) String queue) {
        this.processed = processed;
        this.service = service;
        this.queue = queue;
    }

    @Bean
    Declarables photoQueue() {
        return EventQueues.consumerQueue(queue, C1PhotoUploaded.class.getSimpleName());
    }

    @RabbitListener(queues = QUEUE_PROPERTY, concurrency = "1")
    void on(C1PhotoUploaded upload) {
        processed.once(queue, upload.eventId(), () -> service.readAndRecord(upload));
    }
}
