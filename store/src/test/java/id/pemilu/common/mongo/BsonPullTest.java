package id.pemilu.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bytes {@link BsonPull} leaves are the bytes of the decoded document with the elements taken out, encoded. */
class BsonPullTest {

    @Test
    void theBytesAreTheEncodingOfTheDocumentWithoutTheMatchingElements() {
        Random random = new Random(7);
        int pulled = 0;
        for (int i = 0; i < 2_000; i++) {
            Document document = new Document("_id", "r" + i).append("version", (long) i)
                    .append("outbox", entries(random)).append("after", new Document("eventId", "e1"))
                    .append("name", "ĐKI Jakarta");
            String value = "e" + random.nextInt(6);
            byte[] stored = StoredBson.of(document).bytes();
            byte[] bytes = BsonPull.pull(stored, "outbox", "eventId", value);

            Document expected = new Document(document);
            List<Object> kept = new ArrayList<>();
            for (Object entry : (List<?>) document.get("outbox")) {
                if (!value.equals(((Document) entry).get("eventId"))) {
                    kept.add(entry);
                }
            }
            expected.put("outbox", kept);
            assertThat(bytes).isEqualTo(StoredBson.of(expected).bytes());
            if (kept.size() < ((List<?>) document.get("outbox")).size()) {
                pulled++;
            } else {
                assertThat(bytes).as("nothing pulled: the same bytes").isSameAs(stored);
            }
        }
        assertThat(pulled).isGreaterThan(500);
    }

    @Test
    void whatItCannotReadWithCertaintyIsLeftToTheStockStore() {
        Document arrayKey = new Document("outbox", List.of(new Document("eventId", List.of("e1"))));
        Document notADocument = new Document("outbox", List.of("e1", new Document("eventId", "e1")));
        Document notAnArray = new Document("outbox", "e1");
        for (Document document : List.of(arrayKey, notADocument, notAnArray)) {
            assertThat(BsonPull.pull(StoredBson.of(document).bytes(), "outbox", "eventId", "e1"))
                    .isSameAs(BsonPull.UNSUPPORTED);
        }
        byte[] truncated = java.util.Arrays.copyOf(StoredBson.of(new Document("outbox",
                List.of(new Document("eventId", "e1")))).bytes(), 12);
        assertThat(BsonPull.pull(truncated, "outbox", "eventId", "e1")).isSameAs(BsonPull.UNSUPPORTED);
        byte[] absent = StoredBson.of(new Document("other", 1)).bytes();
        assertThat(BsonPull.pull(absent, "outbox", "eventId", "e1")).isSameAs(absent);
    }

    private static List<Object> entries(Random random) {
        List<Object> entries = new ArrayList<>();
        for (int n = random.nextInt(15); n > 0; n--) {
            Document entry = new Document("n", random.nextInt(3));
            if (random.nextInt(6) != 0) {
                entry.append("eventId", random.nextInt(8) == 0 ? (Object) random.nextInt(3) : "e" + random.nextInt(6));
            }
            entries.add(entry.append("payload", "{\"values\":[" + random.nextInt(1000) + "]}"));
        }
        return entries;
    }
}
