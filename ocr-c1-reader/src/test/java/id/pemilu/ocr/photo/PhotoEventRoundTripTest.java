package id.pemilu.ocr.photo;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.events.C1FormRead;
import id.pemilu.common.events.C1PhotoUploaded;
import id.pemilu.common.events.EventExchanges;
import id.pemilu.common.inbox.ProcessedEvents;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.HandwrittenDigits;
import id.pemilu.ocr.synth.PhotoSimulator;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Publishes a photo upload the way recap-service does, on the real broker, and waits for the reading event. */
@SpringBootTest
class PhotoEventRoundTripTest {

    private static final ParameterizedTypeReference<C1FormRead> READING = new ParameterizedTypeReference<>() {
    };
    static final String QUEUE = "ocr-c1-reader.photos.test-" + UUID.randomUUID().toString().substring(0, 8);
    private static final java.util.List<String> REPLY_QUEUES = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static RabbitAdmin cleanup;

    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    RabbitAdmin admin;
    @Autowired
    PhotoReadings readings;
    @Autowired
    ProcessedEvents processed;

    @DynamicPropertySource
    static void ownQueue(DynamicPropertyRegistry registry) {
        registry.add("pemilu.ocr.photo-queue", () -> QUEUE);
    }

    @AfterAll
    static void deleteTestQueues() {
        if (cleanup != null) {
            cleanup.deleteQueue(QUEUE);
            cleanup.deleteQueue(QUEUE + ".dlq");
            REPLY_QUEUES.forEach(cleanup::deleteQueue);
        }
    }

    /** A plain queue for the test to read replies from (auto-delete would vanish after the first receive). */
    private Queue replyQueue() {
        Queue replies = new Queue(QUEUE + ".replies-" + UUID.randomUUID().toString().substring(0, 6), false, false,
                false);
        admin.declareQueue(replies);
        REPLY_QUEUES.add(replies.getName());
        return replies;
    }

    @Test
    void anUploadedPhotoComesBackAsOneReadingEventEvenWhenDeliveredTwice() throws Exception {
        cleanup = admin;
        Queue replies = replyQueue();
        admin.declareBinding(BindingBuilder.bind(replies).to(new TopicExchange(EventExchanges.DOMAIN_EVENTS))
                .with(C1FormRead.class.getSimpleName()));
        FormSynthesizer.Synthesized photo = new FormSynthesizer(HandwrittenDigits.heldOut())
                .synthesize(FormTemplates.load().get("PPWP"), "31.71.01.1001.001", 21, PhotoSimulator.Distortion.SHADOW);
        String submission = "sub-" + UUID.randomUUID();
        C1PhotoUploaded upload = new C1PhotoUploaded(UUID.randomUUID(), Instant.now(), C1PhotoUploaded.CURRENT_VERSION,
                submission, "31.71.01.1001.001", "PPWP", 1, "sha-test", "image/jpeg",
                Base64.getEncoder().encodeToString(photo.jpeg()));
        // delivered twice straight into this test's own queue: another reader on the same broker (a running suite)
        // also consumes uploads published to the exchange and would answer with its own, second reading
        rabbit.convertAndSend("", QUEUE, upload);
        rabbit.convertAndSend("", QUEUE, upload);

        C1FormRead read = awaitReading(replies.getName(), submission);
        assertThat(read.outcome()).isEqualTo("READ");
        assertThat(read.qrTpsCode()).isEqualTo("31.71.01.1001.001");
        assertThat(read.photoSha256()).isEqualTo("sha-test");
        assertThat(read.fields()).hasSize(34);
        Map<String, Integer> truth = photo.truth();
        assertThat(read.fields()).allSatisfy(field ->
                assertThat(field.needsReview() || truth.get(field.key()).equals(field.value()))
                        .as(field.key()).isTrue());
        C1FormRead second = rabbit.receiveAndConvert(replies.getName(), 3000, READING);
        assertThat(second == null || !second.submissionId().equals(submission))
                .as("the duplicate upload produced no second reading").isTrue();
        assertThat(readings.findById(upload.eventId().toString())).isPresent();
        assertThat(processed.once(QUEUE, upload.eventId(), () -> {
            throw new AssertionError("already processed");
        })).isFalse();
    }

    /** Published to the domain exchange as recap-service does: the photo queue's binding is part of the round trip. */
    @Test
    void aPhotoOfAnotherTpsIsAnsweredUnreadableWithTheReason() throws Exception {
        cleanup = admin;
        Queue replies = replyQueue();
        admin.declareBinding(BindingBuilder.bind(replies).to(new TopicExchange(EventExchanges.DOMAIN_EVENTS))
                .with(C1FormRead.class.getSimpleName()));
        FormSynthesizer.Synthesized photo = new FormSynthesizer(HandwrittenDigits.heldOut())
                .synthesize(FormTemplates.load().get("PPWP"), "31.71.01.1001.002", 22, PhotoSimulator.Distortion.CLEAN);
        String submission = "sub-" + UUID.randomUUID();
        rabbit.convertAndSend(EventExchanges.DOMAIN_EVENTS, C1PhotoUploaded.class.getSimpleName(),
                new C1PhotoUploaded(UUID.randomUUID(), Instant.now(), 1, submission, "31.71.01.1001.001", "PPWP", 1,
                        "sha-other", "image/jpeg", Base64.getEncoder().encodeToString(photo.jpeg())));
        C1FormRead read = awaitReading(replies.getName(), submission);
        assertThat(read.outcome()).isEqualTo("UNREADABLE");
        assertThat(read.reason()).contains("formulir salah", "31.71.01.1001.002");
        assertThat(read.fields()).isEmpty();
    }

    private C1FormRead awaitReading(String queue, String submission) {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            C1FormRead read = rabbit.receiveAndConvert(queue, 2000, READING);
            if (read != null && read.submissionId().equals(submission)) {
                return read;
            }
        }
        throw new AssertionError("no C1FormRead for " + submission);
    }
}
