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
        Update update = new Update().set("verified", true).set("updatedAt", at)
                .setOnInsert("partyId", partyId).setOnInsert("nikHash", nikHash).setOnInsert("removed", false);
        mongo.upsert(new Query(where("_id").is(PartyMember.idOf(partyId, nikHash))), update, PartyMember.class);
    }

    void markRemoved(String partyId, String nikHash, Instant at) {
        Update update = new Update().set("removed", true).set("updatedAt", at)
                .setOnInsert("partyId", partyId).setOnInsert("nikHash", nikHash).setOnInsert("verified", false);
        mongo.upsert(new Query(where("_id").is(PartyMember.idOf(partyId, nikHash))), update, PartyMember.class);
    }

    boolean isVerifiedMember(String partyId, String nikHash) {
        return mongo.exists(new Query(where("_id").is(PartyMember.idOf(partyId, nikHash))
                .and("verified").is(true).and("removed").is(false)), PartyMember.class);
    }

    /** True if the person is a (not removed) member of any party: DPD candidates must not be. */
    boolean isMemberOfAnyParty(String nikHash) {
        return mongo.exists(new Query(where("nikHash").is(nikHash).and("removed").is(false)), PartyMember.class);
    }
}
