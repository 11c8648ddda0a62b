package id.pemilu.partyregistry.citizen;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import id.pemilu.common.domain.DomainException;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class Complaints {

    private final MongoTemplate mongo;

    Complaints(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Complaint insert(Complaint complaint) {
        return mongo.insert(complaint);
    }

    Complaint save(Complaint complaint) {
        return mongo.save(complaint);
    }

    void delete(Complaint complaint) {
        mongo.remove(complaint);
    }

    Complaint get(String id) {
        Complaint complaint = mongo.findById(id, Complaint.class);
        if (complaint == null) {
            throw DomainException.notFound("Aduan tidak ditemukan.");
        }
        return complaint;
    }

    List<Complaint> all() {
        return mongo.find(new Query().with(Sort.by("filedAt")), Complaint.class);
    }

    List<Complaint> ofParty(String partyId) {
        return mongo.find(Query.query(where("partyId").is(partyId)).with(Sort.by("filedAt")), Complaint.class);
    }
}
