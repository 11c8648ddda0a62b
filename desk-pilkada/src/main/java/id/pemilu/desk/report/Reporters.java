package id.pemilu.desk.report;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reporters a desk has stopped (for example a phone reported lost): their reports for TPS in the desk's region are
 * refused. Accounts themselves live in Keycloak; the desk keeps only this list, with who stopped whom and why.
 */
public class Reporters {

    @Document("reporter_blocks")
    record Block(@Id String id, String username, String regionCode, String reason, String by, Instant at) {
    }

    private final MongoTemplate mongo;

    Reporters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void block(String username, String regionCode, String reason, String by, Instant at) {
        mongo.save(new Block(username + "|" + regionCode, username, regionCode, reason, by, at));
    }

    boolean unblock(String username, String regionCode) {
        return mongo.remove(Query.query(Criteria.where("_id").is(username + "|" + regionCode)), Block.class)
                .getDeletedCount() > 0;
    }

    /** The block that stops this reporter for this TPS, if any. */
    java.util.Optional<Block> blockFor(String username, String tpsCode) {
        return mongo.find(Query.query(Criteria.where("username").is(username)), Block.class).stream()
                .filter(b -> tpsCode.startsWith(b.regionCode() + ".")).findFirst();
    }

    List<Block> under(String regionCode) {
        return mongo.findAll(Block.class).stream()
                .filter(b -> b.regionCode().equals(regionCode) || b.regionCode().startsWith(regionCode + "."))
                .toList();
    }
}
