package id.pemilu.partyregistry.member;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import org.bson.RawBsonDocument;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Persons and their memberships (collection {@code members}), keyed by NIK hash. */
@Repository
class Members {

    static final int STREAM_BATCH = 500;

    private final MongoTemplate mongo;
    private final PersonDocuments documents;

    Members(MongoTemplate mongo) {
        this.mongo = mongo;
        this.documents = new PersonDocuments(mongo.getConverter());
    }

    Optional<Person> find(String nikHash) {
        return Optional.ofNullable(mongo.findById(nikHash, Person.class));
    }

    List<Person> findAll(Collection<String> nikHashes) {
        return mongo.find(Query.query(where("_id").in(nikHashes)), Person.class);
    }

    Person insert(Person person) {
        return mongo.insert(person);
    }

    Person save(Person person) {
        return mongo.save(person);
    }

    /** Streams every person listed by a party (in the store's order: insertion order in the embedded store). */
    void forEachOfParty(String partyId, Consumer<Person> action) {
        forEach(ofParty(partyId), action);
    }

    /**
     * Every person listed by any of the given parties, read for counting in one pass over the collection: only what
     * decides whether a membership counts (memberships, extra rows, staff-list match), read straight
     * from the documents (not through the mapping) into persons that hold only those fields. The requirements report
     * reads every member of a party after each change; after an import, that of the importing party and of every
     * party sharing a member, which used to take one scan of the whole collection each.
     */
    void forEachForCounting(Collection<String> partyIds, Consumer<Person> action) {
        var found = mongo.getCollection(Person.COLLECTION)
                .find(Filters.in("memberships.partyId", partyIds))
                // whole top-level fields: the embedded MongoDB splits every dotted path anew for every document,
                // which cost more than sending the few fields more
                .projection(Projections.include("memberships", "extraRows", "officialAgency"))
                .batchSize(STREAM_BATCH);
        try (var cursor = found.iterator()) {
            while (cursor.hasNext()) {
                action.accept(PersonDocuments.forCounting(cursor.next()));
            }
        }
    }

    /** Persons of a party in a stream the caller must close (lets a page stop early). */
    java.util.stream.Stream<Person> streamOfParty(String partyId) {
        return mongo.stream(ofParty(partyId), Person.class);
    }

    // small cursor batches: the embedded MongoDB otherwise answers with one reply per getMore, which for a large
    // party exceeds the driver's 48 MB message limit (and a batch size lets it read the collection batch by batch)
    private static Query ofParty(String partyId) {
        return Query.query(where("memberships.partyId").is(partyId)).cursorBatchSize(STREAM_BATCH);
    }

    private void forEach(Query query, Consumer<Person> action) {
        try (var stream = mongo.stream(query, Person.class)) {
            stream.forEach(action);
        }
    }

    List<Person> withAnyRowOf(String importId) {
        return mongo.find(Query.query(new org.springframework.data.mongodb.core.query.Criteria().orOperator(
                where("memberships.rows.importId").is(importId), where("extraRows.importId").is(importId))),
                Person.class);
    }

    /**
     * Writes one batch of an import: inserts new persons and appends to existing ones, each a single-document write.
     * New persons are written as hand-built BSON ({@link PersonDocuments}), in one unordered insert.
     */
    void writeBatch(List<Person> inserts, List<ImportDelta> updates) {
        if (!inserts.isEmpty()) {
            List<RawBsonDocument> built = inserts.stream().map(documents::toInsert).toList();
            mongo.execute(Person.COLLECTION, collection -> collection.withDocumentClass(RawBsonDocument.class)
                    .insertMany(built, new InsertManyOptions().ordered(false)));
        }
        if (updates.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Person.class);
        for (ImportDelta delta : updates) {
            if (delta.newMembership() != null) {
                bulk.updateOne(Query.query(where("_id").is(delta.nikHash())),
                        new Update().push("memberships", delta.newMembership()).inc("version", 1));
            } else {
                Object[] extra = delta.rows().stream()
                        .map(r -> new ExtraRow(delta.partyId(), r.importId(), r.row())).toArray();
                bulk.updateOne(Query.query(where("_id").is(delta.nikHash())),
                        new Update().push("extraRows").each(extra).inc("version", 1));
            }
        }
        bulk.execute();
    }

    void markOfficial(Collection<String> nikHashes, String agency) {
        mongo.updateMulti(Query.query(where("_id").in(nikHashes)),
                new Update().set("officialAgency", agency).inc("version", 1), Person.class);
    }

    /** One write to a person already listed: appended rows or a new membership. */
    record ImportDelta(String nikHash, String partyId, Membership newMembership, List<SourceRow> rows) {
    }
}
