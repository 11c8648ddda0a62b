package id.pemilu.partyregistry.member;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MemberImports {

    static final String PROBLEMS = "member_import_problems";

    private final MongoTemplate mongo;

    MemberImports(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<MemberImport> find(String id) {
        return Optional.ofNullable(mongo.findById(id, MemberImport.class));
    }

    MemberImport save(MemberImport memberImport) {
        return mongo.save(memberImport);
    }

    List<MemberImport> ofParty(String partyId) {
        return mongo.find(Query.query(where("partyId").is(partyId)).with(Sort.by("startedAt")), MemberImport.class);
    }

    List<MemberImport> running() {
        return mongo.find(Query.query(where("status").is(MemberImport.Status.RUNNING.name())), MemberImport.class);
    }

    /** Ids of completed imports: only their rows are visible (a running or failed import shows nothing). */
    Set<String> completedIds() {
        Query query = Query.query(where("status").is(MemberImport.Status.COMPLETED.name()));
        query.fields().include("_id");
        return mongo.find(query, Document.class, "member_imports").stream().map(d -> d.getString("_id"))
                .collect(Collectors.toUnmodifiableSet());
    }

    void saveProblems(List<Document> problems) {
        if (!problems.isEmpty()) {
            mongo.insert(problems, PROBLEMS);
        }
    }

    List<Document> problems(String importId) {
        return mongo.find(Query.query(where("importId").is(importId)).with(Sort.by("row"))
                .cursorBatchSize(Members.STREAM_BATCH), Document.class, PROBLEMS);
    }

    void dropProblems(String importId) {
        mongo.remove(Query.query(where("importId").is(importId)), PROBLEMS);
    }
}
