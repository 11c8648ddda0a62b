package id.pemilu.recap.result;

import id.pemilu.common.outbox.OutboxMessage;
import id.pemilu.recap.translog.PendingEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;

/**
 * The stored form of a {@link TpsResult}, written by hand: exactly the document Spring Data's mapping writes (same
 * field names, enums as names, instants as dates, nulls left out, {@code _class} at the top; ResultDocumentsTest
 * compares the two), so every reader keeps using the mapping. The confirm path writes one result per request, and
 * the reflective mapping of its ~45 numbers (twice: the result and its history entry) was the largest single cost
 * in the profile (issue 22).
 */
final class ResultDocuments {

    private ResultDocuments() {
    }

    static Document of(TpsResult r) {
        Document d = new Document();
        put(d, "_id", r.getId());
        put(d, "tpsCode", r.getTpsCode());
        put(d, "desaCode", r.getDesaCode());
        put(d, "ballotType", name(r.getBallotType()));
        put(d, "status", name(r.getStatus()));
        d.put("resultVersion", r.getResultVersion());
        put(d, "values", list(r.getValues(), ResultDocuments::value));
        put(d, "flags", list(r.getFlags(), ResultDocuments::flag));
        put(d, "source", r.getSource());
        put(d, "submissionId", r.getSubmissionId());
        put(d, "photos", list(r.getPhotos(), ResultDocuments::photo));
        put(d, "updatedBy", r.getUpdatedBy());
        put(d, "updatedAt", date(r.getUpdatedAt()));
        put(d, "reason", r.getReason());
        put(d, "history", list(r.getHistory(), ResultDocuments::change));
        put(d, "requestFingerprints", r.requestFingerprints() == null ? null : new ArrayList<>(r.requestFingerprints()));
        put(d, "logOutbox", list(r.getLogOutbox(), ResultDocuments::pending));
        put(d, "outbox", list(r.getOutbox(), ResultDocuments::message));
        d.put("_class", TpsResult.class.getName());
        return d;
    }

    private static Document value(FieldValue v) {
        Document d = new Document();
        put(d, "key", v.key());
        put(d, "value", v.value());
        return d;
    }

    private static Document flag(Flag f) {
        Document d = new Document();
        put(d, "code", f.code());
        put(d, "message", f.message());
        return d;
    }

    private static Document photo(PhotoRef p) {
        Document d = new Document();
        d.put("page", p.page());
        put(d, "sha256", p.sha256());
        return d;
    }

    private static Document change(Change c) {
        Document d = new Document();
        d.put("resultVersion", c.resultVersion());
        put(d, "status", name(c.status()));
        put(d, "by", c.by());
        put(d, "role", c.role());
        put(d, "at", date(c.at()));
        put(d, "reason", c.reason());
        put(d, "idempotencyKey", c.idempotencyKey());
        put(d, "source", c.source());
        put(d, "values", list(c.values(), ResultDocuments::value));
        put(d, "flags", c.flags() == null ? null : new ArrayList<>(c.flags()));
        return d;
    }

    private static Document pending(PendingEntry e) {
        Document d = new Document();
        put(d, "entryId", e.entryId());
        put(d, "subject", e.subject());
        put(d, "data", e.data());
        return d;
    }

    private static Document message(OutboxMessage m) {
        Document d = new Document();
        put(d, "eventId", m.eventId());
        put(d, "eventType", m.eventType());
        put(d, "javaType", m.javaType());
        put(d, "occurredAt", date(m.occurredAt()));
        put(d, "payload", m.payload());
        return d;
    }

    private static <T> List<Document> list(List<T> items, Function<T, Document> write) {
        if (items == null) {
            return null;
        }
        List<Document> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(write.apply(item));
        }
        return out;
    }

    private static void put(Document d, String key, Object value) {
        if (value != null) {
            d.put(key, value);
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }
}
