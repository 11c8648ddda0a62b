package id.pemilu.recap.translog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import id.pemilu.verifier.MerkleProofs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The log with more than one replica (issue 22): the lease names one writer and hands over when it is given up or
 * expires; a writer that still believes it holds the lease (a stalled replica) cannot overwrite what the new writer
 * stored, catches up with the stored log and appends after it; a crash between the commit point and the rest of an
 * append is repaired from the stored entries. The tree is checked against the independent verifier's own hashing.
 */
class LogHandOverTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    static List<PendingEntry> entries(String prefix, int n) {
        List<PendingEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new PendingEntry(prefix + i, "tps/" + (i % 3), "{\"" + prefix + "\":" + i + "}"));
        }
        return entries;
    }

    /** Root of the stored entries as the independent verifier computes it from their bytes alone. */
    static byte[] verifierRoot(TransparencyLog log, long size) {
        MerkleProofs.RootBuilder builder = new MerkleProofs.RootBuilder();
        for (TransparencyLog.Stored stored : log.entries(0, size)) {
            builder.add(MerkleProofs.leafHash(stored.data().getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(builder.count()).as("no gap in the stored entries").isEqualTo(size);
        return builder.root();
    }

    static void assertWhole(TransparencyLog log, long size, int distinctIds) {
        assertThat(log.size()).isEqualTo(size);
        byte[] root = log.root(size);
        assertThat(root).isEqualTo(verifierRoot(log, size));
        Set<String> ids = new HashSet<>();
        for (TransparencyLog.Stored stored : log.entries(0, size)) {
            assertThat(ids.add(stored.entryId())).as("entry %s stored once", stored.entryId()).isTrue();
            assertThat(log.contains(stored.entryId())).isTrue();
            assertThat(MerkleProofs.verifyInclusion(stored.index(), size, stored.leaf(),
                    log.inclusion(stored.index(), size), root)).as("inclusion of %d", stored.index()).isTrue();
        }
        assertThat(ids).hasSize(distinctIds);
    }

    @Test
    void aStalledWriterCannotOverwriteTheNewWritersEntriesAndAppendsAfterThem() {
        MongoTemplate mongo = new MongoTemplate(client, "shared");
        TransparencyLog a = new TransparencyLog(mongo);
        TransparencyLog b = new TransparencyLog(mongo);
        assertThat(a.append(entries("a", 10))).isEqualTo(10);
        byte[] rootAt10 = a.root(10);

        // b still thinks the log is empty: its insert at index 0 fails, nothing of a's is touched, b catches up
        assertThatThrownBy(() -> b.append(entries("b", 5))).isInstanceOf(TransparencyLog.LogConflict.class);
        assertThat(b.size()).isEqualTo(10);
        assertThat(b.root(10)).isEqualTo(rootAt10);
        assertThat(b.append(entries("b", 5))).isEqualTo(5);

        // now a is the stale one
        assertThatThrownBy(() -> a.append(entries("c", 3))).isInstanceOf(TransparencyLog.LogConflict.class);
        assertThat(a.append(entries("c", 3))).isEqualTo(3);
        assertThat(a.append(entries("b", 5))).as("b's entries are held already").isZero();

        assertWhole(a, 18, 18);
        TransparencyLog reopened = new TransparencyLog(mongo);
        assertWhole(reopened, 18, 18);
        for (long size = 1; size <= 18; size++) {
            assertThat(reopened.root(size)).isEqualTo(verifierRoot(reopened, size));
        }
        assertThat(b.root(10)).as("the prefix did not change").isEqualTo(rootAt10);
        assertThat(reopened.entries(0, 18)).extracting(TransparencyLog.Stored::entryId).startsWith("a0")
                .contains("b4", "c2");
        assertThat(reopened.all("tps/0")).containsExactly(0L, 3L, 6L, 9L, 10L, 13L, 15L);

        // a follower sees the stored size without appending
        b.refresh();
        assertThat(b.size()).isEqualTo(18);
        assertThat(b.root(18)).isEqualTo(a.root(18));
    }

    @Test
    void aCrashAfterTheCommitPointIsRepairedFromTheStoredEntries() {
        MongoTemplate mongo = new MongoTemplate(client, "crash");
        TransparencyLog log = new TransparencyLog(mongo);
        log.append(entries("a", 11));
        Set<Object> nodesBefore = new HashSet<>();
        mongo.findAll(Document.class, TransparencyLog.NODES).forEach(d -> nodesBefore.add(d.get("_id")));
        log.append(entries("b", 9));
        byte[] root = log.root(20);

        // the crash: the second batch's entries are stored, nothing written after them is
        mongo.remove(new Query(where("_id").nin(nodesBefore)), TransparencyLog.NODES);
        mongo.remove(new Query(where("_id").regex("^b")), TransparencyLog.IDS);
        mongo.save(new Document("_id", "size").append("value", 11L), TransparencyLog.META);
        assertThat(mongo.count(new Query(), TransparencyLog.NODES)).isLessThan(19);

        TransparencyLog restarted = new TransparencyLog(mongo);
        assertThat(restarted.root(20)).isEqualTo(root);
        assertWhole(restarted, 20, 20);
        assertThat(mongo.findById("size", Document.class, TransparencyLog.META).get("value", Number.class)
                .longValue()).isEqualTo(20);
        assertThat(restarted.append(entries("b", 9))).as("the repaired ids are held").isZero();
        assertThat(restarted.append(entries("c", 1))).isEqualTo(1);
        assertWhole(new TransparencyLog(mongo), 21, 21);
    }

    @Test
    void theLeaseHasOneHolderAndHandsOverWhenGivenUpOrExpired() throws Exception {
        MongoTemplate mongo = new MongoTemplate(client, "lease");
        LogLease first = new LogLease(mongo, Duration.ofMillis(2000));
        LogLease second = new LogLease(mongo, Duration.ofMillis(2000));
        assertThat(first.hold()).isTrue();
        assertThat(second.hold()).isFalse();
        assertThat(first.hold()).as("renewed by its holder").isTrue();

        first.release();
        long releasedAt = System.nanoTime();
        while (!second.hold()) {
            Thread.sleep(10);
        }
        assertThat((System.nanoTime() - releasedAt) / 1_000_000).as("taken over within a tenth of the term after a "
                + "release, not after the term").isLessThan(1000);
        assertThat(first.hold()).isFalse();

        // the holder stops renewing (it died): after the term the other takes over
        long epoch = mongo.findById(LogLease.ID, Document.class, TransparencyLog.META).get("epoch", Number.class)
                .longValue();
        long deadline = System.nanoTime() + 5_000_000_000L;
        boolean taken = false;
        while (!taken && System.nanoTime() < deadline) {
            Thread.sleep(50);
            taken = first.hold();
        }
        assertThat(taken).isTrue();
        Document lease = mongo.findById(LogLease.ID, Document.class, TransparencyLog.META);
        assertThat(lease.getString("holder")).isEqualTo(first.holderId());
        assertThat(lease.get("epoch", Number.class).longValue()).isEqualTo(epoch + 1);
        assertThat(second.hold()).as("the old holder's renewal no longer matches").isFalse();
    }
}
