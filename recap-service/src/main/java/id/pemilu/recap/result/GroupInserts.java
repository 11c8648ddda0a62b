package id.pemilu.recap.result;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Group insert of first results: the confirmations that arrive while one insert is under way are written together
 * by the next one, as one unordered bulk insert (one store round trip instead of one per request; issue 22). No
 * extra thread and no timer: the first waiting request writes the batch for everyone waiting, the others find theirs
 * done. Each caller learns whether its own document was inserted; its answer still waits for durability (the
 * caller's {@code DurableWrites.await}, itself a group commit).
 */
@Component
class GroupInserts {

    private static final int BATCH = 256;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    /** A lock whose waiters park at once: a monitor's waiters spin first, which cost CPU with 16 request threads. */
    private final ReentrantLock writer = new ReentrantLock();

    GroupInserts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private static final class Pending {
        final Document document;
        volatile Boolean inserted;
        volatile RuntimeException failure;

        Pending(Document document) {
            this.document = document;
        }
    }

    /** Inserts {@code document} into {@code tps_results}: true, or false when a document with its id exists. */
    boolean insert(Document document) {
        Pending mine = new Pending(document);
        queue.add(mine);
        writer.lock();
        try {
            while (mine.inserted == null && mine.failure == null) {
                writeBatch();
            }
        } finally {
            writer.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.inserted;
    }

    private void writeBatch() {
        List<Pending> batch = new ArrayList<>();
        Pending p;
        while (batch.size() < BATCH && (p = queue.poll()) != null) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<Document> documents = batch.stream().map(b -> b.document).toList();
        try {
            mongo.getCollection(ResultService.COLLECTION)
                    .insertMany(documents, new InsertManyOptions().ordered(false));
            batch.forEach(b -> b.inserted = true);
        } catch (MongoBulkWriteException e) {
            settleAfterErrors(batch, e);
        } catch (RuntimeException e) {
            batch.forEach(b -> b.failure = e);
        }
    }

    /**
     * Some documents of the batch were refused: those refused for an existing id are not inserted; every other one is
     * looked up by its own event id, so the answer holds whatever the store did with the rest of the batch.
     */
    private void settleAfterErrors(List<Pending> batch, MongoBulkWriteException e) {
        Set<Integer> refused = new HashSet<>();
        for (BulkWriteError error : e.getWriteErrors()) {
            refused.add(error.getIndex());
            Pending b = batch.get(error.getIndex());
            if (error.getCode() == DUPLICATE_KEY) {
                b.inserted = false;
            } else {
                b.failure = new IllegalStateException("Hasil TPS tidak tersimpan: " + error.getMessage());
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            if (!refused.contains(i)) {
                Pending b = batch.get(i);
                try {
                    b.inserted = storedAsWritten(b.document) || insertOne(b.document);
                } catch (RuntimeException failure) {
                    b.failure = failure;
                }
            }
        }
    }

    private boolean storedAsWritten(Document document) {
        Document stored = mongo.getCollection(ResultService.COLLECTION)
                .find(Filters.eq("_id", document.get("_id"))).first();
        return stored != null && eventIds(stored).equals(eventIds(document));
    }

    private static List<Object> eventIds(Document d) {
        return d.getList("outbox", Document.class, List.of()).stream().map(m -> m.get("eventId")).toList();
    }

    private boolean insertOne(Document document) {
        try {
            mongo.getCollection(ResultService.COLLECTION).insertOne(document);
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() == DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
