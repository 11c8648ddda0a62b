package id.pemilu.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
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
            H2Backend reopened = new H2Backend(copy.toString());
            MongoServer restarted = new MongoServer(reopened);
            restarted.bind("127.0.0.1", 0);
            try (MongoClient again = MongoClients.create("mongodb://127.0.0.1:"
                    + restarted.getLocalAddress().getPort())) {
                assertThat(again.getDatabase("recap").getCollection("tps_results")
                        .find(new Document("_id", "31.71.01.1001.001|PPWP")).first()).isNotNull();
            } finally {
                restarted.shutdownNow();
            }
        } finally {
            server.shutdownNow();
        }
    }
}
