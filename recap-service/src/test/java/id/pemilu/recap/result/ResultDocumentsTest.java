package id.pemilu.recap.result;

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
