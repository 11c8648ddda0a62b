package id.pemilu.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** What {@link BsonTrim} keeps, and that the kept bytes are the encoding of the document without the rest. */
class BsonTrimTest {

    private static final List<String> NAMES = List.of("_id", "version", "entries", "outbox", "counted", "ŝekcio",
            "flag", "at");

    @Test
    void theKeptBytesAreTheEncodingOfTheDocumentWithOnlyThoseFields() {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            Document document = new Document();
            for (String name : NAMES) {
                if (random.nextInt(4) != 0) {
                    document.put(name, switch (random.nextInt(6)) {
                        case 0 -> (long) random.nextInt();
                        case 1 -> "teks " + random.nextInt(100);
                        case 2 -> List.of(new Document("key", "k" + random.nextInt(9)).append("value", random.nextInt()));
                        case 3 -> new Document("nested", new Document("deep", random.nextDouble()));
                        case 4 -> random.nextBoolean();
                        default -> null;
                    });
                }
            }
            Set<String> kept = Set.copyOf(NAMES.subList(0, random.nextInt(NAMES.size() + 1)));
            byte[] stored = StoredBson.of(document).bytes();
            byte[] trimmed = BsonTrim.keep(stored, kept::contains);

            Document expected = new Document();
            document.forEach((name, value) -> {
                if (kept.contains(name)) {
                    expected.put(name, value);
                }
            });
            assertThat(trimmed).isEqualTo(StoredBson.of(expected).bytes());
            if (expected.size() == document.size()) {
                assertThat(trimmed).as("everything kept: the same bytes").isSameAs(stored);
            }
        }
    }

    @Test
    void malformedBytesAreLeftToTheWholeDecoding() {
        byte[] whole = StoredBson.of(new Document("_id", "a").append("entries", List.of(1, 2))).bytes();
        assertThat(BsonTrim.keep(java.util.Arrays.copyOf(whole, whole.length - 3), n -> true)).isNull();
        byte[] lying = whole.clone();
        lying[0]++;
        assertThat(BsonTrim.keep(lying, n -> true)).isNull();
    }

    @Test
    void aProjectionKeepsWhatItsQueryAndSortLookAt() {
        Predicate<String> exclusion = BsonTrim.fieldsToKeep(new Document("_id", "x").append("entries.tps", "1"),
                null, new Document("entries", 0).append("outbox", 0));
        assertThat(exclusion.test("entries")).as("the query looks at it").isTrue();
        assertThat(exclusion.test("outbox")).isFalse();
        assertThat(exclusion.test("counted")).isTrue();

        Predicate<String> inclusion = BsonTrim.fieldsToKeep(new Document("$and", List.of(new Document("_id",
                new Document("$in", List.of("a", "b"))), new Document("ok", true))), new Document("share", -1),
                new Document("outbox", 1).append("tail.nested", true).append("_id", 0));
        assertThat(List.of("_id", "ok", "share", "outbox", "tail")).allMatch(inclusion);
        assertThat(inclusion.test("entries")).isFalse();
    }

    @Test
    void whatItDoesNotFollowIsDecodedWhole() {
        Document byId = new Document("_id", "x");
        assertThat(BsonTrim.fieldsToKeep(byId, null, null)).isNull();
        assertThat(BsonTrim.fieldsToKeep(byId, null, new Document())).isNull();
        assertThat(BsonTrim.fieldsToKeep(byId, null, new Document("outbox", new Document("$slice", 1)))).isNull();
        assertThat(BsonTrim.fieldsToKeep(byId, null, new Document("outbox", 1).append("entries", 0))).isNull();
        assertThat(BsonTrim.fieldsToKeep(new Document("$where", "true"), null, new Document("entries", 0))).isNull();
        assertThat(BsonTrim.fieldsToKeep(byId, new Document("$meta", 1), new Document("entries", 0))).isNull();
        assertThat(BsonTrim.fieldsToKeep(byId, null, new Document("entries.tps", 0))).as("dotted exclusion").isNull();
        assertThat(BsonTrim.fieldsToKeep(byId, null, new Document("outbox", 2))).isNull();
    }
}
