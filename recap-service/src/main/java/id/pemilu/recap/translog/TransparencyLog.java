package id.pemilu.recap.translog;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import com.mongodb.client.model.InsertManyOptions;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The stored log: entries by index ({@code translog_entries}, id = index, with the leaf hash), the hashes of every
 * complete aligned subtree above the leaves ({@code translog_nodes}, id = level·2^48 + index: about one per entry),
 * which index holds an entry id ({@code translog_ids}) and the latest entry of each subject ({@code translog_latest}).
 * Everything is read and written by id only. One writer ({@link LogSequencer}'s thread) appends; proofs are read by any
 * thread for sizes already stored.
 *
 * <p>Write order of an append, so a crash at any point leaves a log that is whole up to its size: subtree hashes,
 * then the entry id, then the entry itself (the commit point: {@link #size()} counts stored entries), then the
 * "latest" pointer and the stored size hint. Hashes or ids beyond the size are overwritten by the next append.
 */
@Component
public class TransparencyLog implements Merkle.Subtrees {

    static final String ENTRIES = "translog_entries";
    static final String NODES = "translog_nodes";
    static final String IDS = "translog_ids";
    static final String LATEST = "translog_latest";
    static final String META = "translog_meta";
    private static final int LEVELS = 64;
    private static final int CACHE = 200_000;

    private final MongoTemplate mongo;
    private final byte[][] frontier = new byte[LEVELS][];
    private final Map<Long, byte[]> cache = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CACHE;
        }
    });
    private volatile long size;

    TransparencyLog(MongoTemplate mongo) {
        this.mongo = mongo;
        recover();
    }

    /** A stored entry: its index, its exact bytes (UTF-8 JSON) and its leaf hash. */
    public record Stored(long index, String entryId, String subject, String data, byte[] leaf) {
    }

    public long size() {
        return size;
    }

    /** Size from the stored hint, then forward over entries stored after it; the right edge of the tree reloaded. */
    synchronized void recover() {
        Document meta = mongo.findById("size", Document.class, META);
        long n = meta == null ? 0 : ((Number) meta.get("value")).longValue();
        while (mongo.findById(n, Document.class, ENTRIES) != null) {
            n++;
        }
        Arrays.fill(frontier, null);
        cache.clear();
        for (int level = 0; level < LEVELS && (n >> level) >= 1; level++) {
            frontier[level] = perfect(level, (n >> level) - 1);
        }
        // pointers and ids of the last appends may be missing after a crash between the commit point and them
        for (long i = Math.max(0, n - 2 * LogSequencer.BATCH); i < n; i++) {
            Document entry = mongo.findById(i, Document.class, ENTRIES);
            if (entry != null) {
                mongo.save(new Document("_id", entry.getString("entryId")).append("index", i), IDS);
                pointTo(entry.getString("subject"), i);
            }
        }
        size = n;
        mongo.save(new Document("_id", "size").append("value", n), META);
    }

    /** Whether the log holds this entry id already (an id stored beyond the size is a crash's leftover: not held). */
    public boolean contains(String entryId) {
        Document id = mongo.findById(entryId, Document.class, IDS);
        return id != null && ((Number) id.get("index")).longValue() < size;
    }

    /**
     * Appends the entries in order (skipping ids already held); returns how many were appended. Written a chunk at a
     * time in the order of this class's comment, each kind in one bulk write (four store round trips per chunk instead
     * of four per entry, issue 22): subtree hashes, entry ids, the entries (ordered, in index order: the commit point,
     * so a crash leaves a whole prefix), then the "latest" pointers and the size hint.
     */
    synchronized int append(List<PendingEntry> entries) {
        int appended = 0;
        for (int from = 0; from < entries.size(); from += LogSequencer.BATCH) {
            appended += appendChunk(entries.subList(from, Math.min(entries.size(), from + LogSequencer.BATCH)));
        }
        if (appended > 0) {
            mongo.save(new Document("_id", "size").append("value", size), META);
        }
        return appended;
    }

    private int appendChunk(List<PendingEntry> chunk) {
        List<PendingEntry> fresh = new ArrayList<>(chunk.size());
        Set<String> seen = new HashSet<>();
        for (PendingEntry entry : chunk) {
            if (seen.add(entry.entryId()) && !contains(entry.entryId())) {
                fresh.add(entry);
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        long first = size;
        byte[][] next = frontier.clone();
        List<Document> nodes = new ArrayList<>();
        List<Document> ids = new ArrayList<>(fresh.size());
        List<Document> stored = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            PendingEntry entry = fresh.get(i);
            byte[] leaf = Merkle.leafHash(entry.data().getBytes(StandardCharsets.UTF_8));
            long index = first + i;
            byte[] hash = leaf;
            int level = 0;
            while (true) {
                byte[] left = next[level];
                next[level] = hash;
                if ((index & 1) == 0) {
                    break;
                }
                hash = Merkle.nodeHash(left, hash);
                level++;
                index >>= 1;
                nodes.add(new Document("_id", nodeId(level, index)).append("hash", hash));
            }
            ids.add(new Document("_id", entry.entryId()).append("index", first + i));
            stored.add(new Document("_id", first + i).append("entryId", entry.entryId())
                    .append("subject", entry.subject()).append("data", entry.data()).append("leaf", leaf));
        }
        upsertAll(NODES, nodes);
        upsertAll(IDS, ids);
        mongo.getCollection(ENTRIES).insertMany(stored, new InsertManyOptions().ordered(true));
        System.arraycopy(next, 0, frontier, 0, LEVELS);
        size = first + fresh.size();
        BulkOperations latest = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, LATEST);
        boolean any = false;
        for (int i = 0; i < fresh.size(); i++) {
            String subject = fresh.get(i).subject();
            if (subject != null) {
                latest.upsert(new Query(where("_id").is(subject)),
                        new Update().max("index", first + i).addToSet("indices", first + i));
                any = true;
            }
        }
        if (any) {
            latest.execute();
        }
        return fresh.size();
    }

    /** Writes each document whole under its id (inserted or replaced), in one bulk write. */
    private void upsertAll(String collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (Document d : documents) {
            bulk.replaceOne(new Query(where("_id").is(d.get("_id"))), d, FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
    }

    /** The subject's latest entry is {@code index}; {@code indices} lists all of them (idempotent). */
    private void pointTo(String subject, long index) {
        if (subject != null) {
            mongo.upsert(new Query(where("_id").is(subject)),
                    new Update().max("index", index).addToSet("indices", index), LATEST);
        }
    }

    static long nodeId(int level, long index) {
        return ((long) level << 48) | index;
    }

    /** Root hash of the first {@code treeSize} entries. */
    public byte[] root(long treeSize) {
        requireStored(treeSize);
        if (treeSize == size) {
            return currentRoot(treeSize);
        }
        return Merkle.root(this, treeSize);
    }

    private byte[] currentRoot(long n) {
        if (n == 0) {
            return Merkle.emptyRoot();
        }
        byte[][] edge = frontier.clone();
        if (size != n) {
            return Merkle.root(this, n);
        }
        byte[] root = null;
        for (int level = 0; level < LEVELS; level++) {
            if (((n >> level) & 1) == 1) {
                root = root == null ? edge[level] : Merkle.nodeHash(edge[level], root);
            }
        }
        return root;
    }

    public List<byte[]> inclusion(long index, long treeSize) {
        requireStored(treeSize);
        return Merkle.inclusion(this, index, treeSize);
    }

    public List<byte[]> consistency(long first, long second) {
        requireStored(second);
        return Merkle.consistency(this, first, second);
    }

    private void requireStored(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("Ukuran pohon " + treeSize + " melebihi log (" + size + " entri).");
        }
    }

    @Override
    public byte[] perfect(int level, long index) {
        long id = nodeId(level, index);
        byte[] cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        byte[] hash;
        if (level == 0) {
            Document entry = mongo.findById(index, Document.class, ENTRIES);
            // a missing entry (deleted behind the log's back) is answered with the hash of its stored node
            hash = entry == null ? null : bytes(entry.get("leaf"));
        } else {
            Document node = mongo.findById(id, Document.class, NODES);
            hash = node == null ? null : bytes(node.get("hash"));
        }
        if (hash == null) {
            throw new IllegalStateException("Log hash missing at level " + level + " index " + index);
        }
        cache.put(id, hash);
        return hash;
    }

    /** Entries {@code [start, end)} as stored (an index with nothing stored is left out: the caller sees the gap). */
    public List<Stored> entries(long start, long end) {
        List<Long> ids = new ArrayList<>();
        for (long i = start; i < end; i++) {
            ids.add(i);
        }
        List<Document> found = mongo.find(new Query(where("_id").in(ids)), Document.class, ENTRIES);
        return found.stream().map(TransparencyLog::stored)
                .sorted(java.util.Comparator.comparingLong(Stored::index)).toList();
    }

    public Optional<Stored> entry(long index) {
        return Optional.ofNullable(mongo.findById(index, Document.class, ENTRIES)).map(TransparencyLog::stored);
    }

    /** Indices of every entry about {@code subject}, in log order (empty if none). */
    public List<Long> all(String subject) {
        Document pointer = mongo.findById(subject, Document.class, LATEST);
        if (pointer == null) {
            return List.of();
        }
        return pointer.getList("indices", Number.class, List.of()).stream().map(Number::longValue).sorted()
                .toList();
    }

    /** Index of the latest entry about {@code subject}, if any. */
    public Optional<Long> latest(String subject) {
        Document pointer = mongo.findById(subject, Document.class, LATEST);
        return pointer == null ? Optional.empty() : Optional.of(((Number) pointer.get("index")).longValue());
    }

    /** Forgets cached hashes (after the store was changed behind the log's back, e.g. in a test). */
    public void forgetCache() {
        recover();
    }

    private static Stored stored(Document d) {
        return new Stored(((Number) d.get("_id")).longValue(), d.getString("entryId"), d.getString("subject"),
                d.getString("data"), bytes(d.get("leaf")));
    }

    static byte[] bytes(Object value) {
        if (value instanceof Binary binary) {
            return binary.getData();
        }
        if (value instanceof byte[] raw) {
            return raw;
        }
        return null;
    }
}
