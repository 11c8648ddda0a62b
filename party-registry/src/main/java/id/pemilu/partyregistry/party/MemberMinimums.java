package id.pemilu.partyregistry.party;

import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Minimum members per kab/kota (1,000 or 1/1,000 of the population), set by KPU RI; 1,000 when not set. */
@Repository
public class MemberMinimums {

    public static final int DEFAULT_MINIMUM = 1000;
    static final String COLLECTION = "member_minimums";

    private final MongoTemplate mongo;

    MemberMinimums(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void set(String kabKotaCode, int minimum) {
        mongo.upsert(Query.query(Criteria.where("_id").is(kabKotaCode)), Update.update("minimum", minimum),
                COLLECTION);
    }

    /** All minimums that differ from the default, by kab/kota code. */
    Map<String, Integer> all() {
        Map<String, Integer> result = new HashMap<>();
        for (Document d : mongo.findAll(Document.class, COLLECTION)) {
            result.put(d.getString("_id"), d.getInteger("minimum"));
        }
        return result;
    }
}
