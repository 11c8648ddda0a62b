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
    private final List<OutboxSource> sources;
    private volatile ScheduledExecutorService executor;
    private volatile long lastSweep;

    public OutboxRelay(MongoTemplate mongo, RabbitTemplate rabbit, OutboxProperties properties, MeterRegistry meters) {
        this(mongo, rabbit, properties, meters, List.of());
    }

    /** @param sources events kept outside outbox fields (see {@link OutboxSource}), published like the others */
    public OutboxRelay(MongoTemplate mongo, RabbitTemplate rabbit, OutboxProperties properties, MeterRegistry meters,
                       List<OutboxSource> sources) {
        this.sources = List.copyOf(sources);
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
        for (OutboxSource source : sources) {
            sent += publish(source, true);
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
            for (OutboxSource source : sources) {
                publish(source, false);
            }
            DocumentRef ref;
            int rounds = 0;
            while ((ref = hints.poll()) != null && rounds++ < properties.batchSize()) {
                // only the events: the rest of the document is neither needed nor sent over
                Query one = new Query(where("_id").is(ref.id()));
                one.fields().include("_id").include("outbox");
                publish(ref.collection(), mongo.find(one, Document.class, ref.collection()));
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay could not publish now, will retry: {}", e.toString());
        }
    }

    /** Publishes a source's waiting events, then tells it which the broker confirmed; returns their number. */
    private int publish(OutboxSource source, boolean sweep) {
        List<OutboxSource.Held> waiting = source.take(sweep);
        if (waiting.isEmpty()) {
            return 0;
        }
        List<List<CorrelationData>> correlations = new ArrayList<>(waiting.size());
        try {
            for (OutboxSource.Held held : waiting) {
                List<CorrelationData> sent = new ArrayList<>(held.messages().size());
                for (OutboxMessage message : held.messages()) {
                    CorrelationData correlation = new CorrelationData(message.eventId());
                    rabbit.send(EventExchanges.DOMAIN_EVENTS, message.eventType(), toMessage(message.payload(),
                            message.eventId(), message.eventType(), message.javaType(),
                            message.occurredAt() == null ? null : Date.from(message.occurredAt())), correlation);
                    sent.add(correlation);
                }
                correlations.add(sent);
            }
        } catch (RuntimeException brokerDown) {
            source.published(List.of(), waiting); // all offered again at the next tick
            throw brokerDown;
        }
        List<OutboxSource.Held> confirmed = new ArrayList<>();
        List<OutboxSource.Held> unconfirmed = new ArrayList<>();
        int events = 0;
        for (int i = 0; i < waiting.size(); i++) {
            boolean all = true;
            for (CorrelationData correlation : correlations.get(i)) {
                all &= isConfirmed(correlation);
            }
            (all ? confirmed : unconfirmed).add(waiting.get(i));
            if (all) {
                events += correlations.get(i).size();
            }
        }
        published.increment(events);
        source.published(confirmed, unconfirmed);
        return events;
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
        return toMessage(entry.getString("payload"), entry.getString("eventId"), entry.getString("eventType"),
                entry.getString("javaType"), entry.get("occurredAt") instanceof Date date ? date : null);
    }

    private static Message toMessage(String payload, String eventId, String eventType, String javaType,
                                     Date occurredAt) {
        return MessageBuilder.withBody(payload.getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json")
                .setContentEncoding("UTF-8")
                .setMessageId(eventId)
                .setType(eventType)
                .setTimestamp(occurredAt != null ? occurredAt : new Date())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setHeader("__TypeId__", javaType)
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
