package id.pemilu.recap.result;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import id.pemilu.common.outbox.OutboxMessage;
import id.pemilu.recap.translog.PendingEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What has been done with each version of a TPS result, kept beside it ({@code tps_result_marks}, one small document
 * per result: {@code applied} = version in the totals, {@code logged} = in the transparency log, {@code published} =
 * confirmed by the broker). A result document is written once per change and never rewritten for these: the embedded
 * store decodes, copies and re-encodes a whole document for every update, and a result (its ~45 numbers twice, its
 * event and its log entry) was rewritten three times after each confirmation (issue 22). Its event and log entry stay
 * in it ({@code outbox}, {@code logOutbox}: one of each per version, in version order), so the change and both are
 * still one atomic write; the marks only say how far each follower got ({@code $max}: never backwards, so followers
 * of several replicas may mark in any order).
 */
@Component
public class ResultMarks {

    public static final String COLLECTION = "tps_result_marks";
    public static final String APPLIED = "applied";
    public static final String LOGGED = "logged";
    public static final String PUBLISHED = "published";

    private final MongoTemplate mongo;

    ResultMarks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records that {@code field} reached these versions (result id → version), in one bulk write. */
    public void mark(String field, Map<String, Long> versions) {
        if (versions.isEmpty()) {
            return;
        }
        BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        versions.forEach((id, version) ->
                marks.upsert(new Query(where("_id").is(id)), new Update().max(field, version)));
        marks.execute();
    }

    /** A result whose latest version is ahead of one of its marks. */
    public record Behind(String resultId, long resultVersion, long mark) {
    }

    /**
     * Every result whose version is ahead of its {@code field} mark: after a crash, or left by a replica that stopped.
     * Two scans (the marks, then the results' ids and versions); results stored before the marks existed count their
     * own {@code appliedVersion}, and their sent events and log entries were already removed from them.
     */
    public List<Behind> behind(String field) {
        Map<String, Long> marks = new HashMap<>();
        Query allMarks = new Query();
        allMarks.fields().include("_id").include(field);
        try (var stream = mongo.stream(allMarks, Document.class, COLLECTION)) {
            stream.forEach(d -> marks.put(d.getString("_id"), number(d.get(field))));
        }
        Query all = new Query();
        all.fields().include("_id").include("resultVersion").include("appliedVersion");
        List<Behind> behind = new ArrayList<>();
        try (var stream = mongo.stream(all, Document.class, ResultService.COLLECTION)) {
            stream.forEach(d -> {
                String id = d.getString("_id");
                long mark = marks.getOrDefault(id, 0L);
                if (APPLIED.equals(field)) {
                    mark = Math.max(mark, number(d.get("appliedVersion")));
                }
                long version = number(d.get("resultVersion"));
                if (mark < version) {
                    behind.add(new Behind(id, version, mark));
                }
            });
        }
        return behind;
    }

    /** The events of the versions after {@code mark} (one per version, the last ones of the stored outbox). */
    List<OutboxMessage> eventsAfter(Behind behind) {
        Document d = entriesOf(behind.resultId(), "outbox");
        List<OutboxMessage> out = new ArrayList<>();
        for (Document m : latest(d, "outbox", behind)) {
            out.add(new OutboxMessage(m.getString("eventId"), m.getString("eventType"), m.getString("javaType"),
                    m.get("occurredAt") instanceof java.util.Date at ? at.toInstant() : null, m.getString("payload")));
        }
        return out;
    }

    /** The log entries of the versions after {@code mark}. */
    List<PendingEntry> logEntriesAfter(Behind behind) {
        Document d = entriesOf(behind.resultId(), "logOutbox");
        List<PendingEntry> out = new ArrayList<>();
        for (Document e : latest(d, "logOutbox", behind)) {
            out.add(new PendingEntry(e.getString("entryId"), e.getString("subject"), e.getString("data")));
        }
        return out;
    }

    private Document entriesOf(String resultId, String field) {
        Query one = new Query(where("_id").is(resultId));
        one.fields().include("_id").include(field);
        return mongo.findOne(one, Document.class, ResultService.COLLECTION);
    }

    private static List<Document> latest(Document d, String field, Behind behind) {
        List<Document> all = d == null ? List.of() : d.getList(field, Document.class, List.of());
        long missing = behind.resultVersion() - behind.mark();
        return all.subList((int) Math.max(0, all.size() - missing), all.size());
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
