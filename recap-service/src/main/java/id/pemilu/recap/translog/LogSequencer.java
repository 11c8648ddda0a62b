package id.pemilu.recap.translog;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import id.pemilu.common.outbox.RetryPause;
import id.pemilu.recap.storage.DurableWrites;
import java.time.Duration;
import java.util.ArrayList;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Moves pending entries from the documents that recorded them ({@code logOutbox}) into the log, on one thread of the
 * one replica that holds the log's lease ({@link LogLease}), and signs a tree head whenever the log grew (at most
 * every {@code head-interval}). The other replicas pass their hints on through the store ({@code translog_hints})
 * and follow the stored log's size and latest head; when the holder stops or dies, one of them takes the lease over,
 * catches up with the stored log and sweeps. Services hint the documents they
 * just wrote ({@link #soon}); a sweep of every logged collection at start and every {@code sweep-interval} (a safety
 * net: it reads every document) picks up what a crash left behind. An entry leaves its document only after the log holds it, and the log skips an entry id it
 * holds already, so a crash or a concurrent rewrite of the document can neither lose nor repeat an entry.
 */
@Component
public class LogSequencer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogSequencer.class);
    static final int BATCH = 500;
    static final String HINTS = "translog_hints";
    public static final List<String> COLLECTIONS = List.of("photo_originals", "submissions", "tps_results",
            "recap_sessions", "determinations", "recommendations");

    private final MongoTemplate mongo;
    private final TransparencyLog translog;
    private final TreeHeads heads;
    private final DurableWrites durable;
    private final LogLease lease;
    private final Duration sweepInterval;
    private final Duration headInterval;
    private final Queue<Ref> hints = new ConcurrentLinkedQueue<>();
    private volatile ScheduledExecutorService executor;
    /** When the next sweep is due; 0: at the first round, so a restart takes what a crash left behind. */
    private long nextSweep;
    private final RetryPause pause = new RetryPause();
    /** Whether this replica was the log's writer at its last round (a take-over starts with a catch-up). */
    private boolean writing;

    LogSequencer(MongoTemplate mongo, TransparencyLog translog, TreeHeads heads, DurableWrites durable, LogLease lease,
                 @Value("${pemilu.recap.log.sweep-interval:60s}") Duration sweepInterval,
                 @Value("${pemilu.recap.log.head-interval:2s}") Duration headInterval) {
        this.mongo = mongo;
        this.translog = translog;
        this.heads = heads;
        this.durable = durable;
        this.lease = lease;
        this.sweepInterval = sweepInterval;
        this.headInterval = headInterval;
    }

    /** The document {@code id} of {@code collection} has new entries: take them soon. */
    public void soon(String collection, Object id) {
        hints.add(new Ref(collection, id));
    }

    /**
     * Appends everything pending now and signs a head if the log grew; returns the entries appended. On a replica
     * that does not hold the log's lease, appends nothing and returns -1.
     */
    public synchronized int drainNow() {
        if (!writer()) {
            return -1;
        }
        int appended = 0;
        for (String collection : COLLECTIONS) {
            Query pending = new Query(where("logOutbox.0").exists(true)).limit(BATCH);
            pending.fields().include("_id").include("logOutbox");
            List<Document> documents;
            do {
                documents = mongo.find(pending, Document.class, collection);
                appended += take(collection, documents);
            } while (documents.size() == BATCH);
        }
        heads.signIfGrown(Duration.ZERO);
        return appended;
    }

    /**
     * One round: the hinted documents, and a sweep of every logged collection at start (what a crash left between a
     * write and its hint) and then every {@code sweep-interval} as a safety net. Hinted documents whose entries could
     * not be taken (the store refused a write) are tried again after a pause that doubles up to 30 s.
     */
    private synchronized void tick() {
        long now = System.currentTimeMillis();
        if (pause.waiting(now)) {
            return;
        }
        try {
            if (!writer()) {
                follow();
                pause.succeeded();
                return;
            }
        } catch (RuntimeException e) {
            log.warn("Transparency log could not check its lease or pass its hints on now, will retry in {} ms: {}",
                    pause.millis(), e.toString());
            pause.failed(now);
            return;
        }
        if (now >= nextSweep) {
            try {
                drainNow();
                nextSweep = now + sweepInterval.toMillis();
                pause.succeeded();
            } catch (TransparencyLog.LogConflict e) {
                log.info("{}; sweeping again", e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Transparency log could not sweep now, will retry in {} ms: {}", pause.millis(),
                        e.toString());
                nextSweep = now + pause.millis();
                pause.failed(now);
            }
            return;
        }
        Map<String, Set<Object>> hinted = new LinkedHashMap<>();
        Ref ref;
        for (int n = 0; n < BATCH && (ref = hints.poll()) != null; n++) {
            hinted.computeIfAbsent(ref.collection(), c -> new LinkedHashSet<>()).add(ref.id());
        }
        List<Object> passedOn = new ArrayList<>();
        try {
            // hints the other replicas passed on through the store
            for (Document hint : mongo.find(new Query().limit(BATCH), Document.class, HINTS)) {
                hinted.computeIfAbsent(hint.getString("collection"), c -> new LinkedHashSet<>()).add(hint.get("ref"));
                passedOn.add(hint.get("_id"));
            }
        } catch (RuntimeException e) {
            log.warn("Transparency log could not read the other replicas' hints now: {}", e.toString());
        }
        boolean ok = true;
        for (Map.Entry<String, Set<Object>> collection : hinted.entrySet()) {
            try {
                // the hinted documents in one read, and only their pending entries: the rest of a document (a
                // result's numbers and history) is not read
                Query these = new Query(where("_id").in(collection.getValue()));
                these.fields().include("_id").include("logOutbox");
                take(collection.getKey(), mongo.find(these, Document.class, collection.getKey()));
            } catch (RuntimeException e) {
                if (e instanceof TransparencyLog.LogConflict) {
                    log.info("{}; appending again", e.getMessage());
                } else {
                    log.warn("Transparency log could not append now, will retry in {} ms: {}", pause.millis(),
                            e.toString());
                    ok = false;
                }
                collection.getValue().forEach(id -> hints.add(new Ref(collection.getKey(), id)));
            }
        }
        if (!passedOn.isEmpty()) {
            try {
                // taken, or back in this replica's own hints when their append failed
                mongo.remove(new Query(where("_id").in(passedOn)), HINTS);
            } catch (RuntimeException e) {
                log.warn("Transparency log could not clear taken hints now (they are taken again): {}", e.toString());
            }
        }
        try {
            heads.signIfGrown(headInterval);
        } catch (RuntimeException e) {
            log.warn("Transparency log could not sign a tree head now, will retry: {}", e.toString());
            ok = false;
        }
        if (ok) {
            pause.succeeded();
        } else {
            pause.failed(now);
        }
    }

    /** Whether this replica is the log's writer now; on taking the lease over it first catches up and sweeps. */
    private boolean writer() {
        if (!lease.hold()) {
            writing = false;
            return false;
        }
        if (!writing) {
            translog.recover();
            nextSweep = 0;
            writing = true;
        }
        return true;
    }

    /**
     * Not the writer: this replica's hints go to the store for the writer, and its view of the log follows the
     * stored size and head.
     */
    private void follow() {
        List<Document> passed = new ArrayList<>();
        Ref ref;
        while (passed.size() < 10 * BATCH && (ref = hints.poll()) != null) {
            passed.add(new Document("collection", ref.collection()).append("ref", ref.id()));
        }
        if (!passed.isEmpty()) {
            try {
                mongo.insert(passed, HINTS);
            } catch (RuntimeException e) {
                passed.forEach(h -> hints.add(new Ref(h.getString("collection"), h.get("ref"))));
                throw e;
            }
        }
        translog.refresh();
        heads.refresh();
    }

    private int take(String collection, List<Document> documents) {
        List<PendingEntry> entries = new ArrayList<>();
        List<Object[]> taken = new ArrayList<>();
        for (Document document : documents) {
            for (Document pending : document.getList("logOutbox", Document.class, List.of())) {
                entries.add(new PendingEntry(pending.getString("entryId"), pending.getString("subject"),
                        pending.getString("data")));
                taken.add(new Object[] {document.get("_id"), pending.getString("entryId")});
            }
        }
        if (entries.isEmpty()) {
            return 0;
        }
        int appended = translog.append(entries);
        durable.await(); // the log holds them on disk before they leave their documents
        // one round trip for all the documents of the batch; each pull is still its own atomic document update
        BulkOperations pulls = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (Object[] t : taken) {
            pulls.updateOne(new Query(where("_id").is(t[0])),
                    new Update().pull("logOutbox", new Document("entryId", t[1])));
        }
        pulls.execute();
        durable.await();
        return appended;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "translog-sequencer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, 100, TimeUnit.MILLISECONDS);
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
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.warn("Transparency log lease not released (another replica takes it over when it expires): {}",
                    e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private record Ref(String collection, Object id) {
    }
}
