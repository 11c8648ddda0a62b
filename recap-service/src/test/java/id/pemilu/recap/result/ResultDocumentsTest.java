package id.pemilu.recap.result;

import id.pemilu.recap.registry.TpsCode;
import id.pemilu.common.ballot.BallotType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** The hand-written stored form of a result is the document Spring Data's mapping writes, and reads back the same. */
class ResultDocumentsTest {

    private final MappingMongoConverter mapping = mapping();

    @Test
    void firstConfirmationIsWrittenAsTheMappingWritesIt() {
        TpsResult result = confirmed();

        Document byHand = ResultDocuments.of(result);

        assertThat(byHand).isEqualTo(mapped(result));
        assertThat(byHand.getList("values", Document.class)).hasSize(4);
        assertThat(byHand.getList("outbox", Document.class)).hasSize(1);
        assertThat(byHand.getList("logOutbox", Document.class)).hasSize(1);
        assertThat(byHand.get("updatedAt")).isInstanceOf(java.util.Date.class);
    }

    @Test
    void aChangedResultWithFlagsPhotosAndReasonsIsWrittenAsTheMappingWritesIt() {
        TpsResult result = confirmed();
        Map<String, Integer> values = new LinkedHashMap<>(result.valueMap());
        values.put("votes.candidate.2", 61);
        result.record(ResultStatus.FLAGGED, values, List.of(new Flag("VOTES_SUM", "Jumlah suara tidak cocok"),
                        new Flag("NO_MESSAGE", null)), "kpps-31.71.01.1001.001", "kpps", "salah ketik suara paslon 2",
                "key-2", "manual", null, null);
        result.rememberRequest("key-2", "fp-2");

        Document byHand = ResultDocuments.of(result);

        assertThat(byHand).isEqualTo(mapped(result));
        assertThat(byHand.getList("history", Document.class)).hasSize(2);
        assertThat(byHand).doesNotContainKey("submissionId"); // null: left out, as the mapping does
    }

    @Test
    void theDocumentReadsBackIntoTheSameResult() {
        TpsResult result = confirmed();

        TpsResult read = mapping.read(TpsResult.class, ResultDocuments.of(result));

        assertThat(ResultDocuments.of(read)).isEqualTo(ResultDocuments.of(result));
        assertThat(read.valueMap()).isEqualTo(result.valueMap());
        assertThat(read.hasIdempotencyKey("key-1")).isTrue();
        assertThat(read.keyUsedForAnotherRequest("key-1", "other")).isTrue();
    }

    @Test
    void theBytesWrittenAreTheBytesTheDriversCodecWritesForTheInsert() {
        TpsResult first = confirmed();
        TpsResult changed = confirmed();
        changed.record(ResultStatus.FLAGGED, changed.valueMap(), List.of(new Flag("VOTES_SUM", "Jumlah tidak cocok")),
                "kpps-31.71.01.1001.001", "kpps", "salah ketik", "key-2", "manual", null, null);
        Document odd = new Document("_id", "x").append("n", null).append("yes", true).append("big", 1L << 40)
                .append("nested", List.of(List.of(1, "a"), new Document("d", new java.util.Date(0))));
        Document notPlain = new Document("_id", "y").append("decimal", new java.math.BigDecimal("1.5"));
        for (Document document : List.of(ResultDocuments.of(first), ResultDocuments.of(changed), odd, notPlain)) {
            org.bson.io.BasicOutputBuffer buffer = new org.bson.io.BasicOutputBuffer();
            new org.bson.codecs.DocumentCodec().encode(new org.bson.BsonBinaryWriter(buffer), document,
                    org.bson.codecs.EncoderContext.builder().isEncodingCollectibleDocument(true).build());
            org.bson.RawBsonDocument ours = BsonBytes.of(document);
            assertThat(java.util.Arrays.copyOf(ours.getByteBuffer().array(), ours.getByteBuffer().remaining()))
                    .as("%s", document.get("_id")).isEqualTo(buffer.toByteArray());
        }
    }

    /** Random documents of every type written here, names and strings with any chars: the driver's bytes again. */
    @Test
    void randomDocumentsAreWrittenAsTheDriverWritesThem() {
        java.util.Random random = new java.util.Random(22);
        for (int n = 0; n < 2_000; n++) {
            Document document = randomDocument(random, 0);
            if (random.nextBoolean()) {
                document.put("_id", text(random));
            }
            org.bson.io.BasicOutputBuffer buffer = new org.bson.io.BasicOutputBuffer();
            String refused = null;
            try {
                new org.bson.codecs.DocumentCodec().encode(new org.bson.BsonBinaryWriter(buffer), document,
                        org.bson.codecs.EncoderContext.builder().isEncodingCollectibleDocument(true).build());
            } catch (org.bson.BsonSerializationException e) {
                refused = e.getMessage();
            }
            if (refused != null) {
                assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> BsonBytes.of(document)))
                        .as("refused as the driver refuses it").isInstanceOf(org.bson.BsonSerializationException.class);
                continue;
            }
            org.bson.RawBsonDocument ours = BsonBytes.of(document);
            assertThat(java.util.Arrays.copyOf(ours.getByteBuffer().array(), ours.getByteBuffer().remaining()))
                    .as("%s", document).isEqualTo(buffer.toByteArray());
        }
    }

    private static Document randomDocument(java.util.Random random, int depth) {
        Document document = new Document();
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            document.put(text(random), randomValue(random, depth));
        }
        return document;
    }

    private static Object randomValue(java.util.Random random, int depth) {
        switch (random.nextInt(depth < 3 ? 9 : 7)) {
            case 0: return null;
            case 1: return text(random);
            case 2: return random.nextInt();
            case 3: return random.nextLong();
            case 4: return random.nextBoolean();
            case 5: return new java.util.Date(random.nextLong() >> 20);
            case 6: return random.nextInt(50) == 0 ? (Object) 1.5 : "x".repeat(random.nextInt(300));
            case 7: return randomDocument(random, depth + 1);
            default:
                List<Object> list = new java.util.ArrayList<>();
                int size = random.nextInt(random.nextInt(40) == 0 ? 300 : 5);
                for (int i = 0; i < size; i++) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
        }
    }

    private static String text(java.util.Random random) {
        String odd = "az|.:_ \u0000\u007f\u0080\u00e9\u0800\uffff\ud83d\ude00\ud800\udc00";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? odd.charAt(random.nextInt(odd.length()))
                    : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static TpsResult confirmed() {
        TpsResult result = TpsResult.empty(new TpsCode("31.71.01.1001.001"), BallotType.PPWP);
        Map<String, Integer> values = new LinkedHashMap<>();
        values.put("dpt.total", 200);
        values.put("votes.candidate.1", 50);
        values.put("votes.candidate.2", 60);
        values.put("votes.candidate.3", 70);
        result.record(ResultStatus.SUBMITTED, values, List.of(), "kpps-31.71.01.1001.001", "kpps", null, "key-1",
                "photo-reading", "sub-1", List.of(new PhotoRef(1, "ab".repeat(32)), new PhotoRef(2, "cd".repeat(32))));
        result.rememberRequest("key-1", "fp-1");
        return result;
    }

    private Document mapped(TpsResult result) {
        Document target = new Document();
        mapping.write(result, target);
        return target;
    }

    private static MappingMongoConverter mapping() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
