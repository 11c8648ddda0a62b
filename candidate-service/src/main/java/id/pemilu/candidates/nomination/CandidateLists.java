package id.pemilu.candidates.nomination;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class CandidateLists {

    private final MongoTemplate mongo;

    CandidateLists(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<CandidateList> find(String dapilCode, String partyId) {
        return Optional.ofNullable(mongo.findById(CandidateList.idOf(dapilCode, partyId), CandidateList.class));
    }

    List<CandidateList> ofDapil(String dapilCode) {
        return mongo.find(new Query(where("dapilCode").is(dapilCode)).with(Sort.by("partyId")), CandidateList.class);
    }

    List<CandidateList> ofParty(String partyId) {
        return mongo.find(new Query(where("partyId").is(partyId)).with(Sort.by("_id")), CandidateList.class);
    }

    List<CandidateList> all() {
        return mongo.find(new Query().with(Sort.by("_id")), CandidateList.class);
    }

    /** Every list (anywhere in the country) that nominates one of these people. */
    List<CandidateList> nominatingAny(Collection<String> nikHashes) {
        return mongo.find(new Query(where("candidates.nikHash").in(nikHashes)), CandidateList.class);
    }

    Optional<CandidateList> withCandidate(String candidateId) {
        return Optional.ofNullable(mongo.findOne(new Query(where("candidates.candidateId").is(candidateId)),
                CandidateList.class));
    }

    CandidateList save(CandidateList list) {
        return mongo.save(list);
    }
}
