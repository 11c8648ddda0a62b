package id.pemilu.common.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import id.pemilu.common.events.EventExchanges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
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
import org.springframework.data.mongodb.core.BulkOperations;
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
    /** When the next sweep is due; 0: at the first round, so a restart publishes what a crash left behind. */
    private long nextSweep;
    private final RetryPause pause = new RetryPause();

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

    /**
     * Publishes everything pending now, on the caller's thread; returns the number of events confirmed. Stops at the
     * first batch with an event the broker did not confirm (the next sweep or the relay's retries take it), instead
     * of reading the same batch again at once.
     */
    public synchronized int sweepNow() {
        return sweep().confirmed();
    }

    private Published sweep() {
        int sent = 0;
        for (String collection : properties.collections()) {
            Query pending = new Query(where("outbox.0").exists(true)).limit(properties.batchSize());
            pending.fields().include("_id").include("outbox");
            List<Document> documents;
            do {
                documents = mongo.find(pending, Document.class, collection);
                Published published = publish(collection, documents);
                sent += published.confirmed();
                if (!published.unconfirmed().isEmpty()) {
                    return new Published(sent, published.unconfirmed());
                }
            } while (documents.size() == properties.batchSize());
        }
        return new Published(sent, Set.of());
    }

    /**
     * One round of the relay's thread. The hinted documents are published; the whole collections are swept at start
     * (what a crash left between a write and its hint) and then every {@code sweepInterval} as a safety net, not as
     * the way events normally leave: a sweep reads every document of a large collection. A hinted document whose
     * events could not be sent (broker down, no confirm) is kept and tried again after a pause that doubles up to
     * 30 s ({@link RetryPause}), so an outage neither loses an event nor needs a sweep.
     */
    private synchronized void tick() {
        long now = System.currentTimeMillis();
        if (pause.waiting(now)) {
            return;
        }
        if (now >= nextSweep) {
            String failure;
            try {
                int unconfirmed = sweep().unconfirmed().size();
                failure = unconfirmed == 0 ? null
                        : unconfirmed + " document(s) with events the broker did not confirm";
            } catch (RuntimeException e) {
                failure = e.toString();
            }
            if (failure == null) {
                nextSweep = now + properties.sweepInterval().toMillis();
                pause.succeeded();
            } else {
                log.warn("Outbox relay could not sweep now, will retry in {} ms: {}", pause.millis(), failure);
                nextSweep = now + pause.millis();
                pause.failed(now);
            }
            return;
        }
        // the hinted documents of each collection in one read, and only their pending events (a result's numbers
        // and history are not read)
        Map<String, Set<Object>> hinted = new LinkedHashMap<>();
        DocumentRef ref;
        int rounds = 0;
        while (rounds++ < properties.batchSize() && (ref = hints.poll()) != null) {
            hinted.computeIfAbsent(ref.collection(), c -> new LinkedHashSet<>()).add(ref.id());
        }
        boolean ok = true;
        for (Map.Entry<String, Set<Object>> collection : hinted.entrySet()) {
            Collection<Object> again;
            try {
                Query these = new Query(where("_id").in(collection.getValue()));
                these.fields().include("_id").include("outbox");
                again = publish(collection.getKey(), mongo.find(these, Document.class, collection.getKey()))
                        .unconfirmed();
            } catch (RuntimeException e) {
                log.warn("Outbox relay could not publish now, will retry in {} ms: {}", pause.millis(), e.toString());
                again = collection.getValue();
            }
            again.forEach(id -> hints.add(new DocumentRef(collection.getKey(), id)));
            ok &= again.isEmpty();
        }
        if (ok) {
            pause.succeeded();
        } else {
            pause.failed(now);
        }
    }

    private Published publish(String collection, List<Document> documents) {
        List<InFlight> inFlight = new ArrayList<>();
        if (!documents.isEmpty()) {
            // the whole batch on one channel instead of one taken from the cache and given back per event (issue 22);
            // each event still gets its own broker confirm
            rabbit.invoke(channel -> {
                for (Document document : documents) {
                    for (Document entry : document.getList("outbox", Document.class, List.of())) {
                        CorrelationData correlation = new CorrelationData(entry.getString("eventId"));
                        channel.send(EventExchanges.DOMAIN_EVENTS, entry.getString("eventType"), toMessage(entry),
                                correlation);
                        inFlight.add(new InFlight(document.get("_id"), entry.getString("eventId"), correlation));
                    }
                }
                return null;
            });
        }
        // one round trip for the confirmed events of the batch; each pull is still its own atomic document update
        BulkOperations markSent = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int confirmed = 0;
        Set<Object> unconfirmed = new LinkedHashSet<>();
        for (InFlight message : inFlight) {
            if (isConfirmed(message.correlation())) {
                markSent.updateOne(new Query(where("_id").is(message.documentId())),
                        new Update().pull("outbox", new Document("eventId", message.eventId())));
                confirmed++;
            } else {
                unconfirmed.add(message.documentId());
            }
        }
        if (confirmed > 0) {
            markSent.execute();
            published.increment(confirmed);
        }
        return new Published(confirmed, unconfirmed);
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

    private record Published(int confirmed, Set<Object> unconfirmed) {
    }

    private record InFlight(Object documentId, String eventId, CorrelationData correlation) {
    }
}
