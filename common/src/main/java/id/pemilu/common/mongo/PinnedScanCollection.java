package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A collection of the embedded store whose queries hold on to the version of the data they read. A query that scans
 * reads the collection as it was when it started; without this, H2 may free and reuse the file space of that version
 * while a long scan is still under way (a scan of a million members failed with "Chunk … not found"). This is how
 * H2's own transactions protect what they read.
 */
final class PinnedScanCollection extends H2Collection {

    private final MVStore store;

    PinnedScanCollection(MongoDatabase database, String name, CollectionOptions options,
                         MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors,
                         MVStore store) {
        super(database, name, options, documents, meta, cursors);
        this.store = store;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }
}
