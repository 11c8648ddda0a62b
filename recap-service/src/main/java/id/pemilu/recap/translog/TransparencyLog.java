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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The stored log: entries by index ({@code translog_entries}, id = index, with the leaf hash), the hashes of every
 * complete aligned subtree above the leaves ({@code translog_nodes}, id = level·2^48 + index: about one per entry),
 * which index holds an entry id ({@code translog_ids}) and the latest entry of each subject ({@code translog_latest}).
 * Everything is read and written by id only. One replica at a time appends (the holder of {@link LogLease}, on
 * {@link LogSequencer}'s thread); the others follow the stored size ({@link #refresh()}); proofs are read by any
 * thread for sizes already stored.
 *
 * <p>Write order of an append, so a crash at any point leaves a log that is whole up to its stored entries: the
 * entries themselves (the commit point, inserts by index: a second writer cannot overwrite one), then their subtree
 * hashes, their ids, the "latest" pointers and the stored size hint (which only grows, and only ever names a
 * complete log). What follows the commit point is computed from the stored entries alone, so {@link #recover()}
 * repairs it from them after a crash, and two writers write the same bytes. An id counts as held only while the
 * entry at its index is that entry.
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

    /**
     * Size from the stored hint (everything up to it is complete: entries, subtree hashes, ids, pointers), then forward
     * over entries stored after it (a crash, or another replica, between an append's commit point and its hint):
     * their subtree hashes, ids and pointers are written again from their leaves (the same bytes any writer writes).
     */
    synchronized void recover() {
        Document meta = mongo.findById("size", Document.class, META);
        long hint = meta == null ? 0 : ((Number) meta.get("value")).longValue();
        Arrays.fill(frontier, null);
        cache.clear();
        loadFrontier(hint);
        long n = hint;
        Map<Long, Document> nodes = new LinkedHashMap<>();
        Document entry;
        while ((entry = mongo.findById(n, Document.class, ENTRIES)) != null) {
            extend(frontier, n, bytes(entry.get("leaf")), nodes);
            n++;
        }
        replaceAll(NODES, nodes.values());
        // ids and pointers of the last appends may be missing after a crash between the commit point and them
        for (long i = Math.max(0, Math.min(hint, n - 2L * LogSequencer.BATCH)); i < n; i++) {
            Document stored = mongo.findById(i, Document.class, ENTRIES);
            if (stored != null) {
                mongo.save(new Document("_id", stored.getString("entryId")).append("index", i), IDS);
                pointTo(stored.getString("subject"), i);
            }
        }
        size = n;
        raiseSizeHint(n);
    }

    /**
     * Follows appends made by another replica (the lease holder): the stored size hint, which only ever names a log
     * complete up to it. Cheap when nothing changed (one read by id).
     */
    synchronized void refresh() {
        Document meta = mongo.findById("size", Document.class, META);
        long hint = meta == null ? 0 : ((Number) meta.get("value")).longValue();
        if (hint > size) {
            loadFrontier(hint);
            size = hint;
        }
    }

    /** The right edge of a log of {@code n} complete entries: the last complete subtree at each level. */
    private void loadFrontier(long n) {
        for (int level = 0; level < LEVELS; level++) {
            frontier[level] = (n >> level) >= 1 ? perfect(level, (n >> level) - 1) : null;
        }
    }

    /** Adds the leaf at {@code index} to the right edge; the subtree hashes it completes go to {@code nodes}. */
    private static void extend(byte[][] edge, long index, byte[] leaf, Map<Long, Document> nodes) {
        byte[] hash = leaf;
        int level = 0;
        while (true) {
            byte[] left = edge[level];
            edge[level] = hash;
            if ((index & 1) == 0) {
                return;
            }
            hash = Merkle.nodeHash(left, hash);
            level++;
            index >>= 1;
            nodes.put(nodeId(level, index), new Document("_id", nodeId(level, index)).append("hash", hash));
        }
    }

    private void raiseSizeHint(long n) {
        // $max: a slower writer's older hint never moves it back
        mongo.upsert(new Query(where("_id").is("size")), new Update().max("value", n), META);
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
     * many were appended. The commit point is the insert of the entries by index: an index holds one entry, so a
     * second writer (another replica that took the lease over while this one stalled) cannot overwrite one; its
     * insert fails ({@link LogConflict}, after this log has caught up with what is stored) and nothing of it is
     * lost: its entries stay pending in their documents. Everything written after the commit point (subtree hashes,
     * entry ids, the pointers, the size hint) is a function of the stored entries, so a crash before it is repaired
     * by {@link #recover()} from the entries, and any writer writes the same bytes. The log's size and right edge
     * move only once all of it is stored.
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
            extend(next, n, leaf, nodes);
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
        try {
            mongo.insert(stored, ENTRIES);
        } catch (DuplicateKeyException another) {
            // another writer stored an entry at one of these indices: catch up with the stored log (which also
            // completes whatever of this batch got in before the conflict) and let the caller try again
            recover();
            throw new LogConflict(size);
        }
        replaceAll(NODES, nodes.values());
        replaceAll(IDS, ids);
        if (!pointers.isEmpty()) {
            BulkOperations latest = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, LATEST);
            pointers.forEach((subject, indices) -> latest.upsert(new Query(where("_id").is(subject)),
                    new Update().max("index", indices.get(indices.size() - 1)).addToSet("indices").each(indices.toArray())));
            latest.execute();
        }
        System.arraycopy(next, 0, frontier, 0, LEVELS);
        size = n;
        raiseSizeHint(n);
        return stored.size();
    }

    /** Another writer appended at the indices this log was about to use; the log has caught up to {@code size}. */
    static final class LogConflict extends RuntimeException {
        LogConflict(long size) {
            super("Another writer appended to the transparency log; caught up to size " + size, null, false, false);
        }
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
