package id.pemilu.recap.translog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Signed tree heads: tree size, root hash and time, signed with the log's own Ed25519 key ({@link LogSigner},
 * {@code RECAP_LOG_SIGNING_KEY}, never the D.Hasil key). The signed bytes are the UTF-8 text
 * {@code pemilu-translog-sth-v1\n<treeSize>\n<rootHash hex>\n<timestamp ms>}. Every head is kept
 * ({@code translog_heads}, id = tree size, with the id of the key that signed it); a latest head signed by another key
 * (the key changed, or heads of an earlier release signed with the D.Hasil key) is signed again on start.
 */
@Component
public class TreeHeads {

    static final String HEADS = "translog_heads";
    static final String PREFIX = "pemilu-translog-sth-v1";

    private final MongoTemplate mongo;
    private final TransparencyLog translog;
    private final LogSigner signer;
    private volatile Head latest;

    TreeHeads(MongoTemplate mongo, TransparencyLog translog, LogSigner signer) {
        this.mongo = mongo;
        this.translog = translog;
        this.signer = signer;
        Document pointer = mongo.findById("latest", Document.class, TransparencyLog.META);
        if (pointer != null) {
            Document stored = mongo.findById(pointer.get("treeSize"), Document.class, HEADS);
            latest = stored == null || !signer.keyId().equals(stored.getString("keyId")) ? null : Head.of(stored);
        }
    }

    public record Head(long treeSize, String rootHash, long timestamp, String signature) {

        static Head of(Document d) {
            return new Head(((Number) d.get("_id")).longValue(), d.getString("rootHash"),
                    ((Number) d.get("timestamp")).longValue(), d.getString("signature"));
        }

        public byte[] signedBytes() {
            return signedBytes(treeSize, rootHash, timestamp);
        }

        public static byte[] signedBytes(long treeSize, String rootHash, long timestamp) {
            return (PREFIX + "\n" + treeSize + "\n" + rootHash + "\n" + timestamp).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The latest signed head (signs one first if there is none). */
    public Head latest() {
        Head head = latest;
        return head != null ? head : signIfGrown(Duration.ZERO);
    }

    /** Signs a head of the current size if the log grew since the last head and {@code minAge} has passed. */
    synchronized Head signIfGrown(Duration minAge) {
        long size = translog.size();
        long now = System.currentTimeMillis();
        Head previous = latest;
        if (previous != null && (previous.treeSize() == size || now - previous.timestamp() < minAge.toMillis())) {
            return previous;
        }
        String root = HexFormat.of().formatHex(translog.root(size));
        String signature = signer.sign(Head.signedBytes(size, root, now));
        Head head = new Head(size, root, now, signature);
        Document signed = new Document("_id", size).append("rootHash", root).append("timestamp", now)
                .append("signature", signature).append("keyId", signer.keyId())
                .append("signedAt", Instant.ofEpochMilli(now).toString());
        try {
            // every head is kept: one per size, never replaced (after a hand-over two replicas may sign one size)
            mongo.insert(signed, HEADS);
        } catch (DuplicateKeyException signedAlready) {
            Document stored = mongo.findById(size, Document.class, HEADS);
            if (stored == null || !signer.keyId().equals(stored.getString("keyId"))) {
                // a head of this size by an earlier key: replaced by the current key's (as on start)
                mongo.save(signed, HEADS);
            } else {
                head = Head.of(stored);
            }
        }
        mongo.upsert(new Query(Criteria.where("_id").is("latest")), new Update().max("treeSize", size),
                TransparencyLog.META);
        latest = head;
        return head;
    }

    /** Follows heads signed by another replica (the log's lease holder): the stored latest head, if newer. */
    void refresh() {
        Document pointer = mongo.findById("latest", Document.class, TransparencyLog.META);
        Head head = latest;
        if (pointer != null && (head == null || ((Number) pointer.get("treeSize")).longValue() > head.treeSize())) {
            Document stored = mongo.findById(pointer.get("treeSize"), Document.class, HEADS);
            if (stored != null && signer.keyId().equals(stored.getString("keyId"))
                    && ((Number) stored.get("_id")).longValue() <= translog.size()) {
                latest = Head.of(stored);
            }
        }
    }

    /** A head signed earlier for exactly this size with the current key, if one was. */
    public java.util.Optional<Head> at(long treeSize) {
        return java.util.Optional.ofNullable(mongo.findById(treeSize, Document.class, HEADS))
                .filter(d -> signer.keyId().equals(d.getString("keyId"))).map(Head::of);
    }

    public LogSigner signer() {
        return signer;
    }
}
