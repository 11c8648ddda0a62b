package id.pemilu.partyregistry.member;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Staff lists of KPU, Bawaslu and other agencies, by NIK hash: anyone on them may not be a party member. */
@Repository
class Officials {

    static final String COLLECTION = "officials";

    private final MongoTemplate mongo;

    Officials(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void upsert(Map<String, String> agencyByNikHash, String by) {
        if (agencyByNikHash.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        Instant now = Instant.now();
        agencyByNikHash.forEach((hash, agency) -> bulk.upsert(Query.query(Criteria.where("_id").is(hash)),
                new Update().set("agency", agency).set("uploadedBy", by).set("uploadedAt", now)));
        bulk.execute();
    }

    /** All staff NIK hashes with their agency (held in memory during an import). */
    Map<String, String> all() {
        Map<String, String> result = new HashMap<>();
        Query query = new Query().cursorBatchSize(Members.STREAM_BATCH);
        query.fields().include("_id").include("agency");
        try (var stream = mongo.stream(query, Document.class, COLLECTION)) {
            stream.forEach(d -> result.put(d.getString("_id"), d.getString("agency")));
        }
        return result;
    }
}
