package id.pemilu.common.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import id.pemilu.common.events.EventExchanges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the events stored in aggregate documents. One thread does all the work, so an event is never sent by two
 * threads of this process at once. A message leaves the outbox only after the broker confirmed it; if the broker is
 * down, the event stays and is sent later (consumers are idempotent on {@code eventId}, so a resend after a lost
 * confirm is harmless).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final RabbitTemplate rabbit;
    private final OutboxProperties properties;
    private final Counter published;
    private final Queue<DocumentRef> hints = new ConcurrentLinkedQueue<>();
    private volatile ScheduledExecutorService executor;
    private volatile long lastSweep;

    public OutboxRelay(MongoTemplate mongo, RabbitTemplate rabbit, OutboxProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.rabbit = rabbit;
        this.properties = properties;
        this.published = Counter.builder("pemilu.outbox.published").register(meters);
    }

    /** Asks the relay to publish the outbox of one document soon (saves waiting for the next sweep). */
    public void publishSoon(String collection, Object documentId) {
        hints.add(new DocumentRef(collection, documentId));
    }

    /** Publishes everything pending now, on the caller's thread; returns the number of events confirmed. */
    public synchronized int sweepNow() {
        int sent = 0;
        for (String collection : properties.collections()) {
            Query pending = new Query(where("outbox.0").exists(true)).limit(properties.batchSize());
            pending.fields().include("_id").include("outbox");
            List<Document> documents;
            do {
                documents = mongo.find(pending, Document.class, collection);
                sent += publish(collection, documents);
            } while (documents.size() == properties.batchSize());
        }
        return sent;
    }

    private synchronized void tick() {
        try {
            long now = System.currentTimeMillis();
            if (now - lastSweep >= properties.sweepInterval().toMillis()) {
                lastSweep = now;
                hints.clear();
                sweepNow();
                return;
            }
            DocumentRef ref;
            int rounds = 0;
            while ((ref = hints.poll()) != null && rounds++ < properties.batchSize()) {
                Query one = new Query(where("_id").is(ref.id()));
                publish(ref.collection(), mongo.find(one, Document.class, ref.collection()));
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay could not publish now, will retry: {}", e.toString());
        }
    }

    private int publish(String collection, List<Document> documents) {
        List<InFlight> inFlight = new ArrayList<>();
        for (Document document : documents) {
            List<Document> outbox = document.getList("outbox", Document.class, List.of());
            for (Document entry : outbox) {
                CorrelationData correlation = new CorrelationData(entry.getString("eventId"));
                rabbit.send(EventExchanges.DOMAIN_EVENTS, entry.getString("eventType"), toMessage(entry), correlation);
                inFlight.add(new InFlight(document.get("_id"), entry.getString("eventId"), correlation));
            }
        }
        int confirmed = 0;
        for (InFlight message : inFlight) {
            if (isConfirmed(message.correlation())) {
                Update markSent = new Update().pull("outbox", new Document("eventId", message.eventId()));
                mongo.updateFirst(new Query(where("_id").is(message.documentId())), markSent, collection);
                published.increment();
                confirmed++;
            }
        }
        return confirmed;
    }

    private boolean isConfirmed(CorrelationData correlation) {
        try {
            CorrelationData.Confirm confirm = correlation.getFuture()
                    .get(properties.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!confirm.isAck()) {
                log.warn("Broker refused event {}: {}", correlation.getId(), confirm.getReason());
            }
            return confirm.isAck();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("No confirm for event {} yet ({}); it stays in the outbox", correlation.getId(), e.toString());
            return false;
        }
    }

    private static Message toMessage(Document entry) {
        Object occurredAt = entry.get("occurredAt");
        return MessageBuilder.withBody(entry.getString("payload").getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json")
                .setContentEncoding("UTF-8")
                .setMessageId(entry.getString("eventId"))
                .setType(entry.getString("eventType"))
                .setTimestamp(occurredAt instanceof Date date ? date : new Date())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setHeader("__TypeId__", entry.getString("javaType"))
                .build();
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long period = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private record DocumentRef(String collection, Object id) {
    }

    private record InFlight(Object documentId, String eventId, CorrelationData correlation) {
    }
}
