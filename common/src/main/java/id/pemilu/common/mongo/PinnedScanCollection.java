package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A collection of the embedded store whose scans neither hold everything in memory nor lose their data:
 * <ul>
 * <li>an unsorted query with a batch size (a client's cursor) is answered by a {@link ScanCursor} that reads the
 * collection a batch at a time; the stock
 * store collected every match when the query started, so the first page of a million-member party needed GBs of
 * heap and ran the service out of memory;</li>
 * <li>every read holds on to the version of the data it reads, as H2's own transactions do; otherwise H2 may reuse
 * the file space of that version during a long scan ("Chunk … not found").</li>
 * </ul>
 */
final class PinnedScanCollection extends H2Collection {

    private final MVStore store;
    private final MVMap<Object, Document> documents;

    PinnedScanCollection(MongoDatabase database, String name, CollectionOptions options,
                         MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors,
                         MVStore store) {
        super(database, name, options, documents, meta, cursors);
        this.store = store;
        this.documents = documents;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (batchSize <= 0 || !unordered(orderBy) || limit < 0) {
            return matchAllDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        ScanCursor scan = new ScanCursor(cursorRegistry.generateCursorId(), store, documents,
                step -> matchDocumentsFromStream(query, step.stream(), 0, 0, 0, null, fieldSelector).collectDocuments(),
                numberToSkip, limit);
        List<Document> firstBatch = scan.takeDocuments(batchSize);
        if (scan.isEmpty()) {
            return new QueryResult(firstBatch);
        }
        cursorRegistry.add(scan);
        return new QueryResult(firstBatch, scan);
    }

    private static boolean unordered(Document orderBy) {
        return orderBy == null || orderBy.isEmpty()
                || (orderBy.size() == 1 && Integer.valueOf(1).equals(orderBy.get("$natural")));
    }

    /** Runs a read of the store with the version it reads held (not reused by H2 until the read ends). */
    static <T> T pinned(MVStore store, Supplier<T> read) {
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return read.get();
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    /**
     * Sorted queries, and the store's own queries for updates, deletes and counts (which name no batch size): every
     * match is collected when the query starts.
     */
    private QueryResult matchAllDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        return pinned(store, () -> super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize,
                fieldSelector));
    }
}
