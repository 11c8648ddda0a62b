package id.pemilu.recap.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inserts sent together stay one compare-and-set each: 32 threads insert 600 documents, 150 of them twice at once;
 * every document is stored once, every second insert of an id (and only those)
 * is refused as a duplicate, and the inserts did travel together (fewer batches than documents).
 */
@SpringBootTest
@AutoConfigureMockMvc
class FirstInsertsTest {

    static final String COLLECTION = "first_inserts_test";

    @Autowired
    MongoTemplate mongo;

    @Test
    void eachDocumentIsItsOwnCompareAndSetInABatch() throws Exception {
        FirstInserts inserts = new FirstInserts(mongo, true, COLLECTION, 2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ids.add("doc-" + i);
        }
        for (int i = 0; i < 150; i++) {
            ids.add("doc-" + i * 4); // inserted again
        }
        java.util.Collections.shuffle(ids, new java.util.Random(7));
        Map<String, AtomicInteger> stored = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        AtomicInteger attempt = new AtomicInteger();
        for (String id : ids) {
            calls.add(pool.submit(() -> {
                go.await();
                int n = attempt.incrementAndGet();
                try {
                    inserts.insert(COLLECTION, RawBsonDocument.parse(new Document("_id", id).append("attempt", n)
                            .append("values", List.of(1, 2, 3)).toJson()));
                    stored.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                } catch (DuplicateKeyException e) {
                    refused.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();
        assertThat(stored).hasSize(600);
        assertThat(stored.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(refused).hasSize(150);
        assertThat(refused.keySet()).allSatisfy(id -> assertThat(Integer.parseInt(id.substring(4)) % 4).isZero());
        assertThat(refused.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(mongo.getCollection(COLLECTION).countDocuments()).isEqualTo(600);
        assertThat(inserts.batches()).isLessThan(750);
        // alone, one insert is its own batch; a duplicate is still refused
        inserts.insert(COLLECTION, RawBsonDocument.parse("{\"_id\": \"after\"}"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                inserts.insert(COLLECTION, RawBsonDocument.parse("{\"_id\": \"after\"}")))
                .isInstanceOf(DuplicateKeyException.class);
        mongo.dropCollection(COLLECTION);
    }
}
