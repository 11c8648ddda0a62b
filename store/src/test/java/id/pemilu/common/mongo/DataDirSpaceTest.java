package id.pemilu.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import id.pemilu.common.domain.DomainException;
import id.pemilu.common.test.DiskFaults;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store whose file becomes unwritable (a read-only or locked volume) while the service runs: commits are refused
 * (the caller answers 503, never "saved"), the store stays open and readable (H2 closes a store for good after a
 * failed write, so its background writer is paused in time), and once the file is writable again everything
 * acknowledged before, and what waited in memory, is written and survives a restart.
 */
class DataDirSpaceTest {

    @TempDir
    Path dir;

    @Test
    void anUnwritableStoreRefusesCommitsStaysOpenAndWritesAgainOnceItCan() throws Exception {
        Path file = dir.resolve("recap.mv");
        FastIndexH2Backend backend = FastIndexH2Backend.inFileStore(file, 16, Set.of(), null, Duration.ofMillis(200));
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        DataDirSpace space = new DataDirSpace(file, 0, 100);
        H2StoreDurability durable = new H2StoreDurability(backend, space);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> results = client.getDatabase("recap").getCollection("tps_results");
            results.insertOne(new Document("_id", "acknowledged-before").append("votes", 1));
            durable.commit();

            try (FileChannel openBefore = FileChannel.open(file, StandardOpenOption.WRITE)) {
                DiskFaults.lock(file);
                try {
                    assertThatThrownBy(() -> openBefore.write(ByteBuffer.allocate(1), Files.size(file) + 4096))
                            .as("the fault is real: a file open before it cannot be written either")
                            .isInstanceOf(IOException.class);
                    awaitRefusal(space, true);
                    results.insertOne(new Document("_id", "during-the-fault").append("votes", 2));
                    assertThatThrownBy(durable::commit).isInstanceOf(DomainException.class)
                            .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
                    Thread.sleep(1_000); // five times the writer's delay: its write started and waits for the disk
                    assertThat(backend.getMvStore().isClosed()).as("the store is still open").isFalse();
                    assertThat(results.find(new Document("_id", "acknowledged-before")).first()).isNotNull();
                } finally {
                    DiskFaults.unlock(file);
                }
            }
            awaitRefusal(space, false);
            results.insertOne(new Document("_id", "after-recovery").append("votes", 3));
            durable.commit();

            Path copy = dir.resolve("after-restart.mv");
            Files.copy(file, copy);
            MongoServer restarted = new MongoServer(FastIndexH2Backend.inFileStore(copy, 16));
            restarted.bind("127.0.0.1", 0);
            try (MongoClient again = MongoClients.create("mongodb://127.0.0.1:"
                    + restarted.getLocalAddress().getPort())) {
                MongoCollection<Document> kept = again.getDatabase("recap").getCollection("tps_results");
                for (String id : new String[] {"acknowledged-before", "during-the-fault", "after-recovery"}) {
                    assertThat(kept.find(new Document("_id", id)).first()).as(id + " on disk").isNotNull();
                }
            } finally {
                restarted.shutdownNow();
            }
        } finally {
            space.close();
            server.shutdownNow();
        }
    }

    /** The race no check closes: a write already on its way when the disk fails waits for it, the store stays open. */
    @Test
    void aWriteTheDiskRefusesWaitsUntilItCanAndTheStoreStaysOpen() throws Exception {
        Path file = dir.resolve("race.mv");
        FastIndexH2Backend backend = FastIndexH2Backend.inFileStore(file, 16);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> results = client.getDatabase("recap").getCollection("tps_results");
            results.insertOne(new Document("_id", "written-while-locked"));
            DiskFaults.lock(file);
            Thread writer;
            try {
                writer = new Thread(backend::commit); // H2 writes now, no check before it
                writer.start();
                writer.join(1_500);
                assertThat(writer.isAlive()).as("the write waits for the disk").isTrue();
                assertThat(backend.getMvStore().isClosed()).as("H2 did not give up on the store").isFalse();
            } finally {
                DiskFaults.unlock(file);
            }
            writer.join(10_000);
            assertThat(writer.isAlive()).as("the write landed once the disk took it").isFalse();
            assertThat(backend.getMvStore().isClosed()).isFalse();
            Path copy = dir.resolve("race-copy.mv");
            Files.copy(file, copy);
            MongoServer restarted = new MongoServer(FastIndexH2Backend.inFileStore(copy, 16));
            restarted.bind("127.0.0.1", 0);
            try (MongoClient again = MongoClients.create("mongodb://127.0.0.1:"
                    + restarted.getLocalAddress().getPort())) {
                assertThat(again.getDatabase("recap").getCollection("tps_results")
                        .find(new Document("_id", "written-while-locked")).first()).isNotNull();
            } finally {
                restarted.shutdownNow();
            }
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aDiskWithLessThanTheReserveFreeRefusesWritesBeforeItIsFull() throws Exception {
        Path file = dir.resolve("full.mv");
        FastIndexH2Backend backend = FastIndexH2Backend.inFileStore(file, 16);
        long reserveAboveFree = Files.getFileStore(dir).getUsableSpace() + (1L << 40);
        DataDirSpace space = new DataDirSpace(file, reserveAboveFree, 60_000);
        try {
            assertThat(space.check()).isEqualTo(DataDirSpace.FULL);
            assertThatThrownBy(new H2StoreDurability(backend, space)::commit).isInstanceOf(DomainException.class);
        } finally {
            space.close();
            backend.close();
        }
    }

    private static void awaitRefusal(DataDirSpace space, boolean refused) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while ((space.refusal() != null) != refused && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(space.refusal() != null).as("store refuses writes").isEqualTo(refused);
    }
}
