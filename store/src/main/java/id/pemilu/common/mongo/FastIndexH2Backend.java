package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 store, made fit for collections of millions of documents: unique indexes ordered by
 * {@link IndexKeyOrder} instead of by serialised bytes, string ids compared directly ({@link DocumentIdOrder}),
 * documents stored as BSON ({@link BsonDocumentValues}), queries that keep the data they scan
 * ({@link PinnedScanCollection}) and a configurable cache. Files written by the plain store still open: their index
 * maps are re-sorted once, and their documents are read in the old format until rewritten.
 */
final class FastIndexH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(FastIndexH2Backend.class);
    private static final String INDEX_MAP = "._index_";
    private static final String DATA_MAP = "databases.";
    private static final String META_MAP = "meta.";
    private static final String FORMAT_MAP = "pemilu.format";
    private static final String INDEX_ORDER = "indexKeyOrder";
    private static final String VALUE_ORDER = "value-v1";

    static final Duration DEFAULT_COMMIT_DELAY = Duration.ofSeconds(1);

    private final Set<String> insertionOrdered;

    private FastIndexH2Backend(MVStore store, Set<String> insertionOrdered) {
        super(store);
        this.insertionOrdered = insertionOrdered;
    }

    static FastIndexH2Backend inMemoryStore() {
        return inMemoryStore(Set.of());
    }

    /** @param insertionOrdered collections kept in insertion order (see {@link PinnedScanCollection}) */
    static FastIndexH2Backend inMemoryStore(Set<String> insertionOrdered) {
        return new FastIndexH2Backend(MVStore.open(null), insertionOrdered);
    }

    static FastIndexH2Backend inFileStore(Path file, int cacheMb) {
        return inFileStore(file, cacheMb, Set.of());
    }

    static FastIndexH2Backend inFileStore(Path file, int cacheMb, Set<String> insertionOrdered) {
        return inFileStore(file, cacheMb, insertionOrdered, null, DEFAULT_COMMIT_DELAY);
    }

    /**
     * @param commitBufferMb changes held in memory before the store writes them without being asked (MB of H2's
     *                       memory estimate; null: H2's default, about 19)
     * @param commitDelay    longest time a change waits before the store writes it without being asked
     */
    static FastIndexH2Backend inFileStore(Path file, int cacheMb, Set<String> insertionOrdered,
                                          Integer commitBufferMb, Duration commitDelay) {
        // writes the disk refuses wait for it (PatientFilePath) instead of closing the store for good
        MVStore.Builder builder = new MVStore.Builder().fileName(PatientFilePath.of(file)).cacheSize(cacheMb);
        if (commitBufferMb != null) {
            builder.autoCommitBufferSize(commitBufferMb * 1024);
        }
        MVStore store = builder.open();
        store.setAutoCommitDelay(Math.toIntExact(commitDelay.toMillis()));
        reorderIndexesWrittenBefore(store);
        return new FastIndexH2Backend(store, insertionOrdered);
    }

    private static MVMap<KeyValue, Object> indexMap(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyOrder()));
    }

    private static void reorderIndexesWrittenBefore(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (VALUE_ORDER.equals(format.get(INDEX_ORDER))) {
            return;
        }
        for (String name : store.getMapNames()) {
            if (name.contains(INDEX_MAP)) {
                MVMap<KeyValue, Object> index = indexMap(store, name);
                List<Map.Entry<KeyValue, Object>> entries = new ArrayList<>();
                index.entrySet().forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue())));
                index.clear();
                entries.forEach(e -> index.put(e.getKey(), e.getValue()));
                log.info("Index {} re-sorted ({} keys)", name, entries.size());
            }
        }
        format.put(INDEX_ORDER, VALUE_ORDER);
        store.commit();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        MVStore store = getMvStore();
        var cursors = getCursorRegistry();
        return new H2Database(name, store, cursors) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collection);
                MVMap<Object, Object> documents = store.openMap(DATA_MAP + namespace,
                        new MVMap.Builder<Object, Object>().keyType(new DocumentIdOrder())
                                .valueType(new BsonDocumentValues()));
                return new PinnedScanCollection(this, collection, options, documents,
                        store.openMap(META_MAP + namespace), cursors, store,
                        // asked at each insert: the stock constructor opens existing collections before this
                        // backend's fields are set
                        () -> insertionOrdered.contains(collection));
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
                                                            boolean sparse) {
                return new OrderedKeyIndex(indexMap(store, getFullCollectionNamespace(collection) + INDEX_MAP
                        + indexName), indexName, keys, sparse);
            }
        };
    }
}
