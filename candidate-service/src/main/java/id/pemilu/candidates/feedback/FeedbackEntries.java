package id.pemilu.candidates.feedback;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class FeedbackEntries {

    private final MongoTemplate mongo;

    FeedbackEntries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Adds one report: creates the entry or merges into the identical one (atomic upsert). */
    Feedback report(String id, String candidateId, String candidateName, String dapilCode, String partyId, String text,
                    List<String> evidenceUrls, Instant at) {
        Update update = new Update()
                .inc("reports", 1)
                .set("lastAt", at)
                .setOnInsert("candidateId", candidateId)
                .setOnInsert("candidateName", candidateName)
                .setOnInsert("dapilCode", dapilCode)
                .setOnInsert("partyId", partyId)
                .setOnInsert("text", text)
                .setOnInsert("firstAt", at);
        if (!evidenceUrls.isEmpty()) {
            update.addToSet("evidenceUrls").each(evidenceUrls.toArray());
        }
        return mongo.findAndModify(new Query(where("_id").is(id)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Feedback.class);
    }

    Optional<Feedback> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Feedback.class));
    }

    List<Feedback> ofDapil(String dapilCode) {
        return mongo.find(new Query(where("dapilCode").is(dapilCode)).with(Sort.by("candidateId", "firstAt")),
                Feedback.class);
    }

    List<Feedback> ofCandidate(String candidateId) {
        return mongo.find(new Query(where("candidateId").is(candidateId)), Feedback.class);
    }

    void clarify(String id, String text, String by, Instant at) {
        mongo.updateFirst(new Query(where("_id").is(id)),
                new Update().set("clarification", text).set("clarifiedBy", by).set("clarifiedAt", at), Feedback.class);
    }
}
