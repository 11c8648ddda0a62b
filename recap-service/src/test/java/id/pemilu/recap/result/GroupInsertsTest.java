package id.pemilu.recap.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Concurrent first inserts written in groups: each caller learns exactly whether its own document was stored. */
class GroupInsertsTest {

    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void everyIdIsInsertedOnceAndOnlyItsWriterIsToldSo() throws Exception {
        MongoTemplate mongo = new MongoTemplate(client, "group_inserts");
        GroupInserts inserts = new GroupInserts(mongo);
        int ids = 300;
        Map<String, String> winners = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            for (int i = 0; i < ids; i++) {
                String id = "tps-" + i + "|PPWP";
                String eventId = UUID.randomUUID().toString();
                answers.add(pool.submit(() -> {
                    boolean inserted = inserts.insert(new Document("_id", id)
                            .append("outbox", List.of(new Document("eventId", eventId))));
                    if (inserted) {
                        assertThat(winners.put(id, eventId)).as("two writers told they inserted " + id).isNull();
                    }
                    return inserted;
                }));
            }
        }
        long inserted = 0;
        for (Future<Boolean> answer : answers) {
            inserted += answer.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(inserted).isEqualTo(ids);
        assertThat(mongo.getCollection(ResultService.COLLECTION).countDocuments()).isEqualTo(ids);
        for (Document stored : mongo.getCollection(ResultService.COLLECTION).find()) {
            String eventId = stored.getList("outbox", Document.class).get(0).getString("eventId");
            assertThat(eventId).as("the stored document is the one whose writer was told it inserted")
                    .isEqualTo(winners.get(stored.getString("_id")));
        }
    }
}
