package id.pemilu.recap.result;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * First confirmations of TPS results, inserted together (issue 22's group commit of the inserts): each request queues
 * its result's bytes; a request that finds a sender's place free (two by default, {@code RECAP_INSERT_SENDERS}) sends
 * everything queued as one unordered {@code insertMany}, again until the queue is empty, while the others wait for
 * their own to be sent: one store round trip for the lot instead of one per result, and no thread of its own.
 * Each document is still its own compare-and-set: the unique {@code _id} refuses the second insert of a result
 * (another request or replica came first), and that request alone hears of it ({@link DuplicateKeyException}), as
 * with a single insert; the others of the batch are stored.
 * The caller then waits for the store's group commit as before, so nothing is answered before it is on disk.
 * <p>
 * Off with {@code RECAP_INSERT_BATCH=false} (each request inserts its own, as before).
 */
@Component
class FirstInserts {

    private static final Logger log = LoggerFactory.getLogger(FirstInserts.class);
    /** At most this many documents per insert (the wire protocol's batches are 100,000 and 48 MB). */
    private static final int MAX_BATCH = 256;
    private static final int DUPLICATE_KEY = 11000;

    private record Pending(RawBsonDocument document, CompletableFuture<Void> done) {
    }

    private final MongoTemplate mongo;
    private final boolean enabled;
    private final String batched;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Requests sending a batch at once, each on its own store connection (the store works a connection at a time). */
    private final java.util.concurrent.Semaphore senders;
    private final java.util.concurrent.atomic.LongAdder batches = new java.util.concurrent.atomic.LongAdder();

    @org.springframework.beans.factory.annotation.Autowired
    FirstInserts(MongoTemplate mongo, @Value("${pemilu.recap.insert-batch:${RECAP_INSERT_BATCH:true}}") boolean enabled,
                 @Value("${pemilu.recap.insert-senders:${RECAP_INSERT_SENDERS:2}}") int senders) {
        this(mongo, enabled, ResultService.COLLECTION, senders);
    }

    /** @param batched the collection whose inserts go together (tests use one of their own) */
    FirstInserts(MongoTemplate mongo, boolean enabled, String batched, int senders) {
        if (senders < 1) {
            throw new IllegalArgumentException("RECAP_INSERT_SENDERS must be at least 1, not " + senders);
        }
        this.senders = new java.util.concurrent.Semaphore(senders);
        this.mongo = mongo;
        this.enabled = enabled;
        this.batched = batched;
    }

    /**
     * Inserts a result's first version; returns once it is in the store (not yet committed to disk).
     *
     * @throws DuplicateKeyException a result with that id exists
     */
    void insert(String collection, RawBsonDocument document) {
        if (!enabled || !batched.equals(collection)) {
            mongo.execute(collection, c -> c.withDocumentClass(RawBsonDocument.class).insertOne(document));
            return;
        }
        Pending pending = new Pending(document, new CompletableFuture<>());
        queue.add(pending);
        while (true) {
            // no sender free: another request sends this one with its own, or this one becomes a sender later
            while (!pending.done().isDone() && senders.tryAcquire()) {
                try {
                    sendQueued();
                } finally {
                    senders.release();
                }
            }
            try {
                pending.done().get(20, TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                // a sender that finished just as this one was queued: look again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.done().join(); // the insert may be on its way: the answer must say how it ended
                return;
            }
        }
    }

    /** As a sender: sends what is queued, in batches, until nothing is (this request's own included). */
    private void sendQueued() {
        List<Pending> batch = new ArrayList<>();
        while (queue.drainTo(batch, MAX_BATCH) > 0) {
            try {
                write(batch);
            } catch (RuntimeException | Error e) {
                log.error("Batch of {} result inserts failed unexpectedly", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** Inserts sent so far (each with one or more documents). */
    long batches() {
        return batches.sum();
    }

    private void write(List<Pending> batch) {
        batches.increment();
        List<RawBsonDocument> documents = new ArrayList<>(batch.size());
        batch.forEach(p -> documents.add(p.document()));
        Map<Integer, RuntimeException> refused = new HashMap<>();
        try {
            mongo.execute(batched, c -> {
                try {
                    c.withDocumentClass(RawBsonDocument.class).insertMany(documents,
                            new InsertManyOptions().ordered(false));
                } catch (MongoBulkWriteException e) {
                    if (e.getWriteConcernError() != null) {
                        throw e; // none of them is known to be kept as asked: every request hears of it
                    }
                    for (BulkWriteError error : e.getWriteErrors()) {
                        refused.put(error.getIndex(), error.getCode() == DUPLICATE_KEY
                                ? new DuplicateKeyException(error.getMessage())
                                : new org.springframework.dao.DataIntegrityViolationException(error.getMessage()));
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            RuntimeException refusal = refused.get(i);
            if (refusal == null) {
                batch.get(i).done().complete(null);
            } else {
                batch.get(i).done().completeExceptionally(refusal);
            }
        }
    }
}
