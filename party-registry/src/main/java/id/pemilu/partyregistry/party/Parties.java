package id.pemilu.partyregistry.party;

import id.pemilu.common.domain.DomainException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class Parties {

    private final MongoTemplate mongo;

    Parties(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Party insert(Party party) {
        try {
            return mongo.insert(party);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("Partai dengan id '" + party.getId() + "' sudah terdaftar.");
        }
    }

    Party save(Party party) {
        return mongo.save(party);
    }

    Optional<Party> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Party.class));
    }

    Party get(String id) {
        return find(id).orElseThrow(() -> DomainException.notFound("Partai '" + id + "' tidak terdaftar."));
    }

    List<Party> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Party.class);
    }
}
