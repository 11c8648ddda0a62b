package id.pemilu.recap.translog;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.BulkOperations;
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
 * "latest" pointer and the stored size hint. Hashes or ids beyond the size are overwritten by the next append, and an
 * id counts as held only while the entry at its index is that entry.
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

    /**
     * Whether the log holds this entry id already. An id is held only if the entry stored at its index is that entry:
     * an id written just before a crash (its entry never stored) points at an index a later entry may have taken.
     */
    public boolean contains(String entryId) {
        return held(List.of(entryId)).contains(entryId);
    }

    /**
     * Appends the entries in order (skipping ids already held, and a repeat of an id within the batch); returns how
     * many were appended. A batch is written in one round trip per collection, in the order of a single append
     * (subtree hashes, entry ids, the entries, the pointers, the size hint), so a crash anywhere leaves a log whole up
     * to its stored entries. The log's size and right edge move only once the entries are stored.
     */
    synchronized int append(List<PendingEntry> entries) {
        java.util.Set<String> held = held(entries.stream().map(PendingEntry::entryId).toList());
        java.util.Set<String> taken = new java.util.HashSet<>();
        byte[][] next = frontier.clone();
        long n = size;
        Map<Long, Document> nodes = new LinkedHashMap<>();
        List<Document> ids = new ArrayList<>();
        List<Document> stored = new ArrayList<>();
        Map<String, List<Long>> pointers = new LinkedHashMap<>();
        for (PendingEntry entry : entries) {
            if (held.contains(entry.entryId()) || !taken.add(entry.entryId())) {
                continue;
            }
            byte[] leaf = Merkle.leafHash(entry.data().getBytes(StandardCharsets.UTF_8));
            long index = n;
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
                nodes.put(nodeId(level, index), new Document("_id", nodeId(level, index)).append("hash", hash));
            }
            ids.add(new Document("_id", entry.entryId()).append("index", n));
            stored.add(new Document("_id", n).append("entryId", entry.entryId()).append("subject", entry.subject())
                    .append("data", entry.data()).append("leaf", leaf));
            if (entry.subject() != null) {
                pointers.computeIfAbsent(entry.subject(), k -> new ArrayList<>()).add(n);
            }
            n++;
        }
        if (stored.isEmpty()) {
            return 0;
        }
        replaceAll(NODES, nodes.values());
        replaceAll(IDS, ids);
        mongo.insert(stored, ENTRIES);
        System.arraycopy(next, 0, frontier, 0, LEVELS);
        size = n;
        if (!pointers.isEmpty()) {
            BulkOperations latest = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, LATEST);
            pointers.forEach((subject, indices) -> latest.upsert(new Query(where("_id").is(subject)),
                    new Update().max("index", indices.get(indices.size() - 1)).addToSet("indices").each(indices.toArray())));
            latest.execute();
        }
        mongo.save(new Document("_id", "size").append("value", size), META);
        return stored.size();
    }

    /** Which of these entry ids the log holds (an id stored beyond the size is a crash's leftover: not held). */
    private java.util.Set<String> held(List<String> entryIds) {
        List<String> ids = entryIds.stream().distinct().toList();
        Map<Long, String> claimed = new java.util.HashMap<>();
        for (Document id : mongo.find(new Query(where("_id").in(ids)), Document.class, IDS)) {
            long index = ((Number) id.get("index")).longValue();
            if (index < size) {
                claimed.put(index, id.getString("_id"));
            }
        }
        java.util.Set<String> held = new java.util.HashSet<>();
        if (claimed.isEmpty()) {
            return held;
        }
        Query at = new Query(where("_id").in(claimed.keySet()));
        at.fields().include("_id").include("entryId");
        for (Document entry : mongo.find(at, Document.class, ENTRIES)) {
            String claimant = claimed.get(((Number) entry.get("_id")).longValue());
            if (claimant != null && claimant.equals(entry.getString("entryId"))) {
                held.add(claimant);
            }
        }
        return held;
    }

    private void replaceAll(String collection, java.util.Collection<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection);
        for (Document document : documents) {
            bulk.replaceOne(new Query(where("_id").is(document.get("_id"))), document,
                    org.springframework.data.mongodb.core.FindAndReplaceOptions.options().upsert());
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
