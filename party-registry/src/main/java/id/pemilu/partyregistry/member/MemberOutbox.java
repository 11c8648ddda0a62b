package id.pemilu.partyregistry.member;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import id.pemilu.common.outbox.OutboxRelay;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps member events flowing without the shared relay scanning the (million-document) {@code members} collection:
 * before a person document with new outbox entries is saved, its id is noted in the small
 * {@code member_outbox_pending} collection; this job asks the relay to publish those documents until their outbox is
 * empty (also after a broker outage or a restart), then forgets the note. A note without events is harmless.
 */
@Component
class MemberOutbox {

    static final String PENDING = "member_outbox_pending";

    private final MongoTemplate mongo;
    private final ObjectProvider<OutboxRelay> relay;

    MemberOutbox(MongoTemplate mongo, ObjectProvider<OutboxRelay> relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Call before saving a person that raised events. */
    void note(String nikHash) {
        mongo.save(new Document("_id", nikHash), PENDING);
    }

    void publishSoon(String nikHash) {
        OutboxRelay outbox = relay.getIfAvailable();
        if (outbox != null) {
            outbox.publishSoon(Person.COLLECTION, nikHash);
        }
    }

    @Scheduled(fixedDelayString = "${pemilu.members.outbox-check:2s}")
    void resend() {
        List<Document> pending = mongo.find(new Query().limit(500), Document.class, PENDING);
        for (Document note : pending) {
            String id = note.getString("_id");
            Query byId = Query.query(where("_id").is(id));
            byId.fields().include("_id").include("outbox");
            Document person = mongo.findOne(byId, Document.class, Person.COLLECTION);
            if (person != null && !person.getList("outbox", Document.class, List.of()).isEmpty()) {
                publishSoon(id);
            } else {
                mongo.remove(Query.query(where("_id").is(id)), PENDING);
            }
        }
    }
}
