package id.pemilu.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import id.pemilu.common.domain.DomainException;
import id.pemilu.common.test.DiskFaults;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is on disk at the moment of a kill -9 holds every write acknowledged after {@link H2StoreDurability#commit()}. */
class H2StoreDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void anAwaitedWriteIsInTheFileEvenIfTheProcessDiesRightAfter() throws Exception {
        Path file = dir.resolve("recap.mv");
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        StoreDurability durable = new H2StoreDurability(backend, new DataDirSpace(file, 0, 200));
        var address = server.getLocalAddress();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> results = client.getDatabase("recap").getCollection("tps_results");
            results.insertOne(new Document("_id", "31.71.01.1001.001|PPWP").append("resultVersion", 1));
            durable.commit();
            // the bytes on disk right now are what a killed process leaves behind
            Path copy = dir.resolve("after-kill.mv");
            Files.copy(file, copy);
            assertHolds(new H2Backend(copy.toString()), "31.71.01.1001.001|PPWP");
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * A thread's commit covers its writes until it starts another operation (a read counts too: one commit more, never
     * one less); other threads' writes do not count.
     */
    @Test
    void aThreadsOwnCommitCoversItsWritesUntilItWritesAgain() throws Exception {
        Path file = dir.resolve("recap.mv");
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        StoreDurability durable = new H2StoreDurability(backend, new DataDirSpace(file, 0, 200));
        var settings = com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(
                        "mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .applyToConnectionPoolSettings(pool -> pool.addConnectionPoolListener(new ThreadWrites())).build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoCollection<Document> results = client.getDatabase("recap").getCollection("tps_results");
            durable.forgetThisThread();
            assertThat(durable.coversThisThread()).as("no commit yet").isFalse();
            results.insertOne(new Document("_id", "a"));
            assertThat(durable.coversThisThread()).as("written, not committed").isFalse();
            durable.commit();
            assertThat(durable.coversThisThread()).as("committed after the write").isTrue();
            Thread other = new Thread(() -> results.insertOne(new Document("_id", "b")));
            other.start();
            other.join();
            assertThat(durable.coversThisThread()).as("another thread's write is not this thread's").isTrue();
            results.updateOne(new Document("_id", "a"), new Document("$set", new Document("x", 1)));
            assertThat(durable.coversThisThread()).as("written again").isFalse();
            durable.commit();
            assertThat(durable.coversThisThread()).as("committed again").isTrue();
            results.find(new Document("_id", "a")).first();
            assertThat(durable.coversThisThread()).as("any operation after the commit counts").isFalse();
            durable.commit();
            durable.forgetThisThread();
            assertThat(durable.coversThisThread()).as("a new request starts").isFalse();
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * The disk fails while a commit is writing: that commit waits for the disk (H2 would otherwise close the store for
     * good), but its caller is refused as soon as the disk check sees the fault instead of waiting with it, and the
     * write lands once the disk is back.
     */
    @Test
    void aCallerIsRefusedWhileItsCommitWaitsForAFailedDiskAndTheWriteLandsAfterwards() throws Exception {
        Assumptions.assumeTrue(DiskFaults.root(), "only root can make an open file refuse writes (chattr +i)");
        Path file = dir.resolve("recap.mv");
        // the store writes nothing by itself during the test: the insert below reaches the disk only by the commit
        H2Backend backend = FastIndexH2Backend.inFileStore(file, 16, java.util.Set.of(), null,
                java.time.Duration.ofMinutes(10));
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        DataDirSpace disk = new DataDirSpace(file, 0, 60_000);
        AtomicInteger checks = new AtomicInteger();
        // the first commit's two checks (before queueing, on the committer) pass: the disk fails after them
        H2StoreDurability durable = new H2StoreDurability(backend,
                () -> checks.incrementAndGet() <= 2 ? null : disk.check());
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> results = client.getDatabase("recap").getCollection("tps_results");
            results.insertOne(new Document("_id", "31.71.01.1001.002|PPWP").append("resultVersion", 1));
            DiskFaults.lock(file);
            long start = System.nanoTime();
            DomainException refused;
            try {
                refused = catchThrowableOfType(DomainException.class, durable::commit);
            } finally {
                DiskFaults.unlock(file);
            }
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(refused).as("a commit held by the failed disk is refused to its caller").isNotNull();
            assertThat(refused.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
            assertThat(waitedMs).as("refused while the disk is still failing, not after it is back").isLessThan(5_000);

            durable.commit(); // the disk is back: the held commit finishes, then this one
            Path copy = dir.resolve("after-fault.mv");
            Files.copy(file, copy);
            assertHolds(FastIndexH2Backend.inFileStore(copy, 16), "31.71.01.1001.002|PPWP");
        } finally {
            durable.close();
            disk.close();
            server.shutdownNow();
        }
    }

    /** The store reopened from a copy of the file holds the result {@code id}. */
    private static void assertHolds(H2Backend reopened, String id) {
        MongoServer restarted = new MongoServer(reopened);
        restarted.bind("127.0.0.1", 0);
        try (MongoClient again = MongoClients.create("mongodb://127.0.0.1:" + restarted.getLocalAddress().getPort())) {
            assertThat(again.getDatabase("recap").getCollection("tps_results").find(new Document("_id", id)).first())
                    .as("result " + id + " in the file").isNotNull();
        } finally {
            restarted.shutdownNow();
        }
    }
}
