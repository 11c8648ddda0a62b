package id.pemilu.recap.publicapi;

import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads the public photo copies (re-encoded, without metadata); originals are never served here. */
@Component
class PublicPhotos {

    private final MongoTemplate mongo;

    PublicPhotos(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Photo(String contentType, byte[] bytes) {
    }

    Optional<Photo> find(String sha256) {
        Document doc = mongo.findById(sha256, Document.class, "photo_public");
        if (doc == null) {
            return Optional.empty();
        }
        Object bytes = doc.get("bytes");
        byte[] data = bytes instanceof Binary binary ? binary.getData() : (byte[]) bytes;
        return Optional.of(new Photo(doc.getString("contentType"), data));
    }
}
