package id.pemilu.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastIndexH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void uniqueIndexesStillRefuseDuplicates() {
        withStore(FastIndexH2Backend.inMemoryStore(), members -> {
            members.createIndex(Indexes.ascending("kta"), new IndexOptions().unique(true));
            members.insertOne(new Document("_id", "a").append("kta", "KTA-1"));
            members.insertOne(new Document("_id", 7).append("kta", "KTA-2"));
            assertThatThrownBy(() -> members.insertOne(new Document("_id", "a").append("kta", "KTA-3")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> members.insertOne(new Document("_id", 7L).append("kta", "KTA-4")))
                    .as("7 and 7L are the same key in MongoDB").isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> members.insertOne(new Document("_id", "b").append("kta", "KTA-1")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(members.countDocuments()).isEqualTo(2);
            assertThat(members.find(Filters.eq("kta", "KTA-2")).first()).containsEntry("_id", 7);
        });
    }

    @Test
    void aFileWrittenWithTheOldIndexOrderIsReSortedAndEveryKeyIsFoundAgain() {
        Path file = dir.resolve("old.mv");
        List<String> ids = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            ids.add(Long.toHexString(random.nextLong()) + "-" + i);
        }
        withStore(new H2Backend(file.toString()), members -> {
            members.createIndex(Indexes.ascending("kta"), new IndexOptions().unique(true));
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                docs.add(new Document("_id", ids.get(i)).append("kta", "KTA-" + (i * 7919 % 100_003)));
            }
            members.insertMany(docs);
        });
        withStore(FastIndexH2Backend.inFileStore(file), members -> {
            for (int i = 0; i < ids.size(); i++) {
                assertThat(members.find(Filters.eq("_id", ids.get(i))).first()).as(ids.get(i)).isNotNull();
                String kta = "KTA-" + (i * 7919 % 100_003);
                assertThat(members.find(Filters.eq("kta", kta)).first()).as(kta).containsEntry("_id", ids.get(i));
            }
            String someId = ids.get(1234);
            assertThatThrownBy(() -> members.insertOne(new Document("_id", someId).append("kta", "new")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            members.insertOne(new Document("_id", "fresh").append("kta", "KTA-fresh"));
        });
        withStore(FastIndexH2Backend.inFileStore(file), members -> {
            assertThat(members.countDocuments()).isEqualTo(ids.size() + 1);
            assertThat(members.find(Filters.eq("kta", "KTA-fresh")).first()).containsEntry("_id", "fresh");
        });
    }

    private static void withStore(H2Backend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            work.accept(client.getDatabase("sipol").getCollection("members"));
        } finally {
            server.shutdownNow();
        }
    }
}
