package id.pemilu.common.inbox;

import id.pemilu.common.mongo.StoreDurability;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Makes a consumer idempotent on {@code eventId}: a redelivered event (after a broker restart or a lost ack) is
 * recognised and skipped. The effect runs before the marker is written, so the effect itself must be an idempotent
 * write keyed on the event (for example an upsert, or an update guarded by the event id) for the rare crash between
 * the two.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";
    private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    private final StoreDurability durability;

    public ProcessedEvents(MongoTemplate mongo, MeterRegistry meters) {
        this(mongo, meters, () -> { });
    }

    /** With {@code durability}, the effect and its marker are on disk before the message is acknowledged. */
    public ProcessedEvents(MongoTemplate mongo, MeterRegistry meters, StoreDurability durability) {
        this.mongo = mongo;
        this.meters = meters;
        this.durability = durability;
    }

    /** Runs {@code effect} unless this consumer already processed the event; returns whether it ran. */
    public boolean once(String consumer, UUID eventId, Runnable effect) {
        String key = consumer + ":" + eventId;
        if (mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(key)), COLLECTION)) {
            log.info("Event {} already processed by {}; skipped", eventId, consumer);
            meters.counter("pemilu.inbox.duplicates", "consumer", consumer).increment();
            return false;
        }
        effect.run();
        try {
            mongo.insert(new Document("_id", key).append("processedAt", Instant.now()), COLLECTION);
        } catch (DuplicateKeyException concurrentDelivery) {
            log.info("Event {} was processed concurrently by {}", eventId, consumer);
        }
        durability.commit();
        meters.counter("pemilu.inbox.processed", "consumer", consumer).increment();
        return true;
    }
}
