package id.pemilu.candidates.party;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import id.pemilu.common.events.PartyRegistered;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The parties collection. Every write is an idempotent upsert, so a redelivered event changes nothing. */
@Repository
class Parties {

    private final MongoTemplate mongo;

    Parties(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void upsertRegistered(PartyRegistered event) {
        Update update = new Update()
                .set("name", event.name())
                .set("abbreviation", event.abbreviation())
                .setOnInsert("eligible", false)
                .setOnInsert("registeredAt", event.occurredAt());
        mongo.upsert(byId(event.partyId()), update, Party.class);
    }

    /** Records an evaluation unless a newer one is already known (events may arrive out of order). */
    void recordEligibility(String partyId, boolean eligible, Instant asOf) {
        Query notNewer = new Query(where("_id").is(partyId).orOperator(
                where("eligibilityAsOf").exists(false), where("eligibilityAsOf").is(null),
                where("eligibilityAsOf").lte(asOf)));
        Update update = new Update().set("eligible", eligible).set("eligibilityAsOf", asOf);
        if (mongo.updateFirst(notNewer, update, Party.class).getMatchedCount() == 0
                && !mongo.exists(byId(partyId), Party.class)) {
            Update insert = new Update().set("eligible", eligible).set("eligibilityAsOf", asOf)
                    .setOnInsert("name", partyId).setOnInsert("abbreviation", partyId.toUpperCase());
            mongo.upsert(byId(partyId), insert, Party.class);
        }
    }

    void setBallotNumber(String partyId, int number) {
        mongo.updateFirst(byId(partyId), new Update().set("ballotNumber", number), Party.class);
    }

    Optional<Party> find(String partyId) {
        return Optional.ofNullable(mongo.findById(partyId, Party.class));
    }

    List<Party> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Party.class);
    }

    private static Query byId(String partyId) {
        return new Query(Criteria.where("_id").is(partyId));
    }
}
