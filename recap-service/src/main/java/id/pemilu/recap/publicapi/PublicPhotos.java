package id.pemilu.recap.publicapi;

import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads the public photo copies (re-encoded, without metadata); originals are never served here. A copy is served
 * only once a recorded result (confirmed by a person) refers to it: the photo of a draft is not public, even to
 * someone who knows its hash. The first such read marks the copy {@code published}, later reads need no lookup.
 */
@Component
class PublicPhotos {

    private final MongoTemplate mongo;

    PublicPhotos(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Photo(String contentType, byte[] bytes) {
    }

    private boolean published(String sha256, Document doc) {
        if (Boolean.TRUE.equals(doc.getBoolean("published"))) {
            return true;
        }
        boolean recorded = mongo.exists(Query.query(Criteria.where("photos.sha256").is(sha256)), "tps_results");
        if (recorded) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(sha256)), Update.update("published", true),
                    "photo_public");
        }
        return recorded;
    }

    Optional<Photo> find(String sha256) {
        Document doc = mongo.findById(sha256, Document.class, "photo_public");
        if (doc == null || !published(sha256, doc)) {
            return Optional.empty();
        }
        Object bytes = doc.get("bytes");
        byte[] data = bytes instanceof Binary binary ? binary.getData() : (byte[]) bytes;
        return Optional.of(new Photo(doc.getString("contentType"), data));
    }
}
