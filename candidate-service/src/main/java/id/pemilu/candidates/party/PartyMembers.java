package id.pemilu.candidates.party;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Verified party members by NIK hash. Writes are idempotent upserts. */
@Repository
class PartyMembers {

    private final MongoTemplate mongo;

    PartyMembers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void markVerified(String partyId, String nikHash, Instant at) {
        Update update = new Update().set("verified", true).max("verifiedAt", at).set("updatedAt", at)
                .setOnInsert("partyId", partyId).setOnInsert("nikHash", nikHash).setOnInsert("removed", false);
        mongo.upsert(new Query(where("_id").is(PartyMember.idOf(partyId, nikHash))), update, PartyMember.class);
    }

    void markRemoved(String partyId, String nikHash, Instant at) {
        Update update = new Update().set("removed", true).set("updatedAt", at)
                .setOnInsert("partyId", partyId).setOnInsert("nikHash", nikHash).setOnInsert("verified", false);
        mongo.upsert(new Query(where("_id").is(PartyMember.idOf(partyId, nikHash))), update, PartyMember.class);
    }

    void markDisputed(String partyId, String nikHash, Instant at) {
        Update update = new Update().max("disputedAt", at).set("updatedAt", at)
                .setOnInsert("partyId", partyId).setOnInsert("nikHash", nikHash).setOnInsert("verified", false)
                .setOnInsert("removed", false);
        mongo.upsert(new Query(where("_id").is(PartyMember.idOf(partyId, nikHash))), update, PartyMember.class);
    }

    boolean isVerifiedMember(String partyId, String nikHash) {
        PartyMember member = mongo.findById(PartyMember.idOf(partyId, nikHash), PartyMember.class);
        return member != null && member.counts();
    }

    /** True if the person counts as a member of any party: DPD candidates must not be. */
    boolean isMemberOfAnyParty(String nikHash) {
        return mongo.find(new Query(where("nikHash").is(nikHash)), PartyMember.class).stream()
                .anyMatch(PartyMember::counts);
    }
}
