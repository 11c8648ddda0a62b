package id.pemilu.recap.recap;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads the stored region totals. */
@Service
public class RecapQueries {

    private final MongoTemplate mongo;

    RecapQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<RegionTotal> find(String ballotType, String regionCode) {
        return Optional.ofNullable(mongo.findById(RegionTotal.idOf(ballotType, regionCode), RegionTotal.class));
    }

    public List<RegionTotal> findAll(String ballotType, Collection<String> regionCodes) {
        List<RegionTotal> out = new ArrayList<>();
        List<String> ids = regionCodes.stream().map(c -> RegionTotal.idOf(ballotType, c)).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            out.addAll(mongo.find(new Query(where("_id").in(ids.subList(from, Math.min(ids.size(), from + 500)))),
                    RegionTotal.class));
        }
        return out;
    }
}
