package id.pemilu.candidates.dapil;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class Dapils {

    private final MongoTemplate mongo;

    Dapils(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Dapil> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Dapil.class));
    }

    List<Dapil> all() {
        return mongo.find(new Query().with(Sort.by("body", "_id")), Dapil.class);
    }

    List<Dapil> ofSet(ElectoralBody body, String areaCode) {
        return mongo.find(new Query(where("body").is(body).and("areaCode").is(areaCode)), Dapil.class);
    }

    void save(Dapil dapil) {
        mongo.save(dapil);
    }

    void delete(Collection<String> codes) {
        mongo.remove(new Query(where("_id").in(codes)), Dapil.class);
    }
}
