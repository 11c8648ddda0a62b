package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
 * <li>documents are kept as BSON bytes ({@link StoredBson}) and decoded when read; every access to the map goes
 * through this class (the stock collection's own methods, which expect decoded documents in the map, are all
 * replaced).</li>
 * <li>optionally ({@code insertionOrdered}), documents are kept in insertion order: the stock store keys each document
 * by its id, so with random ids (hashes) every insert lands in the middle of the map and H2 reads and rewrites a
 * whole page for it at its next commit. Such a collection keys new documents by an increasing position instead
 * ({@link #POSITION_MARK} UUIDs, which no id of the stock store uses), and the id index maps each id to its position,
 * as it already did. Documents stored earlier under their id stay where they are and are found the same way.</li>
 * </ul>
 */
final class PinnedScanCollection extends H2Collection {

    /** High bits of the positions of an insertion-ordered collection (random UUIDs carry version 4 here, not 0). */
    static final long POSITION_MARK = 0x5045_4D49_4C55_0000L;
    /** Queries answered by reading every document of a collection (all collections of this process). */
    private static final java.util.concurrent.atomic.AtomicLong FULL_SCANS = new java.util.concurrent.atomic.AtomicLong();

    /** Updates done on the stored bytes ({@link BsonPull}), all collections of this process. */
    private static final java.util.concurrent.atomic.AtomicLong BYTES_PULLS = new java.util.concurrent.atomic.AtomicLong();
    /** {@code -Dpemilu.mongo.trimReads=false}: every read decodes whole documents (to compare, see BsonTrim). */
    private static final boolean TRIM_READS = !"false".equals(System.getProperty("pemilu.mongo.trimReads"));
    private static final java.util.concurrent.atomic.AtomicLong TRIMMED_READS =
            new java.util.concurrent.atomic.AtomicLong();

    private final MVStore store;
    private final MVMap<Object, Object> documents;
    private final BooleanSupplier insertionOrdered;
    private long nextPosition = -1;

    @SuppressWarnings({"unchecked", "rawtypes"})
    PinnedScanCollection(MongoDatabase database, String name, CollectionOptions options,
                         MVMap<Object, Object> documents, MVMap<String, Object> meta, CursorRegistry cursors,
                         MVStore store, BooleanSupplier insertionOrdered) {
        super(database, name, options, (MVMap) documents, meta, cursors);
        this.store = store;
        this.documents = documents;
        this.insertionOrdered = insertionOrdered;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key;
        if (getIdField() == null) {
            key = UUID.randomUUID();
        } else if (insertionOrdered.getAsBoolean()) {
            key = nextPosition();
        } else {
            key = Utils.getSubdocumentValue(document, getIdField());
        }
        StoredBson stored = StoredBson.of(document);
        Object previous = documents.put(Missing.ofNullable(key), stored);
        if (previous != null) {
            throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
        }
        updateDataSize(stored.bytes().length);
        return key;
    }

    /**
     * The data size is kept here, from the bytes stored: the stock collection finds it by encoding every inserted,
     * updated and removed document once more (the same bytes).
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    private static int size(Object stored) {
        if (stored instanceof StoredBson bson) {
            return bson.bytes().length;
        }
        return stored instanceof Document document ? StoredBson.of(document).bytes().length : 0;
    }

    // inserts already hold the collection's lock (the stock collection synchronizes them on itself)
    private synchronized UUID nextPosition() {
        if (nextPosition < 0) {
            Object last = documents.floorKey(new UUID(POSITION_MARK, Long.MAX_VALUE));
            nextPosition = last instanceof UUID u && u.getMostSignificantBits() == POSITION_MARK
                    ? u.getLeastSignificantBits() + 1 : 0;
        }
        return new UUID(POSITION_MARK, nextPosition++);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        StoredBson stored = StoredBson.of(newDocument);
        Object previous = documents.put(Missing.ofNullable(position), stored);
        updateDataSize(stored.bytes().length - size(previous));
    }

    /**
     * {@code {_id: x}} with {@code {$pull: {field: {key: "string"}}}} on a top-level array of subdocuments (how the
     * outbox relay and the log sequencer take their entry out of a written document) is done on the stored bytes
     * ({@link BsonPull}); every other update, and any such update {@link BsonPull} is unsure of, goes the stock way.
     * The answer, the stored bytes and the oplog's record are the stock store's. Holds the collection's lock, as the
     * stock method does.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        Document done = isUpsert || (arrayFilters != null && !arrayFilters.isEmpty()) ? null
                : pullById(selector, updateQuery, oplog);
        return done != null ? done : super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
    }

    /** The update on the stored bytes, or null when the stock path must do it (nothing changed then). */
    private Document pullById(Document selector, Document updateQuery, Oplog oplog) {
        if (selector.size() != 1 || !plain(selector.get("_id")) || updateQuery.size() != 1
                || !(updateQuery.get("$pull") instanceof Document pull) || pull.size() != 1) {
            return null;
        }
        String field = pull.keySet().iterator().next();
        if (field.contains(".") || field.startsWith("$") || !(pull.get(field) instanceof Document condition)
                || condition.size() != 1) {
            return null;
        }
        String key = condition.keySet().iterator().next();
        if (key.contains(".") || key.startsWith("$") || !(condition.get(key) instanceof String value)) {
            return null;
        }
        Iterable<Object> positions = null;
        for (de.bwaldvogel.mongo.backend.Index<Object> index : getIndexes()) {
            for (String indexed : indexedFields(index)) {
                if (indexed.equals(field) || indexed.startsWith(field + ".")) {
                    return null; // the index would have to follow the pulled elements
                }
            }
            if (positions == null && index.isUnique() && index.canHandle(selector)) {
                positions = index.getPositions(selector);
            }
        }
        if (positions == null) {
            return null;
        }
        java.util.Iterator<Object> found = positions.iterator();
        if (!found.hasNext()) {
            return null; // no match: the stock path answers (n 0), as it does for an upsert
        }
        Object position = found.next();
        if (found.hasNext() || !(documents.get(position) instanceof StoredBson stored)) {
            return null;
        }
        byte[] pulled = BsonPull.pull(stored.bytes(), field, key, value);
        if (pulled == BsonPull.UNSUPPORTED) {
            return null;
        }
        List<Object> updatedIds = List.of();
        if (pulled != stored.bytes()) {
            documents.put(position, new StoredBson(pulled));
            updateDataSize(pulled.length - stored.bytes().length);
            updatedIds = List.of(selector.get("_id"));
        }
        oplog.handleUpdate(getFullName(), selector, updateQuery, updatedIds);
        BYTES_PULLS.incrementAndGet();
        Document result = new Document();
        result.put("n", 1);
        result.put("nModified", updatedIds.size());
        return result;
    }

    private static List<String> indexedFields(de.bwaldvogel.mongo.backend.Index<Object> index) {
        return index.getKeys().stream().map(de.bwaldvogel.mongo.backend.IndexKey::getKey).toList();
    }

    /**
     * Reads by index with a projection decode only the top-level fields the query, the sort and the projection use
     * ({@link BsonTrim}); the stock path then matches and projects as it always does, on those fields.
     */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        java.util.function.Predicate<String> keep = TRIM_READS ? BsonTrim.fieldsToKeep(query, orderBy, fieldSelector)
                : null;
        if (keep == null) {
            return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Document> trimmed = java.util.stream.StreamSupport.stream(positions.spliterator(), false)
                .map(position -> trimmed(documents.get(position), keep));
        return matchDocumentsFromStream(trimmed, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    private static Document trimmed(Object stored, java.util.function.Predicate<String> keep) {
        if (stored instanceof StoredBson bson) {
            byte[] kept = BsonTrim.keep(bson.bytes(), keep);
            if (kept != null) {
                TRIMMED_READS.incrementAndGet();
                return new StoredBson(kept).decode();
            }
        }
        return StoredBson.document(stored);
    }

    /** Reads by index that decoded only the fields they use (all collections of this process). */
    static long trimmedReads() {
        return TRIMMED_READS.get();
    }

    @Override
    protected Document getDocument(Object position) {
        return StoredBson.document(documents.get(position));
    }

    @Override
    protected void removeDocument(Object position) {
        Object removed = documents.remove(position);
        if (removed == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
        updateDataSize(-size(removed));
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(e -> new DocumentWithPosition<>(StoredBson.document(e.getValue()), e.getKey()));
    }

    /**
     * A query naming one {@code _id} and more (a compare-and-set such as {@code {_id: x, version: 3}}, or a lookup by
     * id with a condition) is answered from the id index and checked against the whole query. The stock store uses
     * an index only when the query names exactly its keys and scanned the whole collection for these; MongoDB itself
     * uses the id index, so the answer is the same.
     */
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Object id = idToFind(query);
        if (id != null) {
            Document byId = new Document("_id", id);
            for (de.bwaldvogel.mongo.backend.Index<Object> index : getIndexes()) {
                if (index.isUnique() && index.canHandle(byId)) {
                    return pinned(store, () -> matchDocuments(query, index.getPositions(byId), orderBy,
                            numberToSkip, limit, batchSize, fieldSelector));
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The one {@code _id} a query names by plain equality beside other conditions, at its top level or as a part of a
     * top-level {@code $and} (the MongoDB driver writes {@code Filters.and(eq("_id", x), eq("version", n))} so, the
     * compare-and-set of a versioned document); null when the stock path serves it as well ({@code {_id: x}} alone
     * finds its index there) or no such {@code _id} is named. The stock store looks only at the top level and scans the
     * whole collection for the rest, under the collection's lock.
     */
    static Object idToFind(Document query) {
        Object id = query.get("_id");
        if (id != null) {
            return query.size() > 1 && plain(id) ? id : null;
        }
        if (query.get("$and") instanceof java.util.Collection<?> parts) {
            for (Object part : parts) {
                if (part instanceof Document condition && condition.size() == 1 && plain(condition.get("_id"))) {
                    return condition.get("_id");
                }
            }
        }
        return null;
    }

    private static boolean plain(Object id) {
        return id != null && !(id instanceof Document) && !(id instanceof java.util.Collection);
    }

    /** Updates done on the stored bytes (all collections of this process). */
    static long bytesPulls() {
        return BYTES_PULLS.get();
    }

    /** Queries answered by reading every document of a collection (all collections of this process). */
    static long fullScans() {
        return FULL_SCANS.get();
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (batchSize <= 0 || !unordered(orderBy) || limit < 0) {
            return matchAllDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        FULL_SCANS.incrementAndGet(); // read batch by batch, but every document in the end
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
        FULL_SCANS.incrementAndGet();
        return pinned(store, () -> {
            Stream<Document> all = isNaturalDescending(orderBy)
                    ? streamAllDocumentsWithPosition()
                            .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                            .map(DocumentWithPosition::getDocument)
                    : documents.values().stream().map(StoredBson::document);
            return matchDocumentsFromStream(all, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        });
    }
}
