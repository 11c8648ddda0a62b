package id.pemilu.recap.photohash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Perceptual hashes of every uploaded photo (collection {@code photo_hashes}, id = SHA-256 of the original, with its
 * TPS) and the lookup "is this photo (re-encoded) already the photo of another TPS?". Held in memory (one long[] per
 * photo), loaded once at the first lookup; a linear scan of in-memory hashes.
 */
@Component
public class PhotoHashes {

    /** Largest Hamming distance that counts as the same picture; chosen from bench/phash.sh (see README). */
    public static final int DEFAULT_DISTANCE = 14;
    static final String COLLECTION = "photo_hashes";

    record Known(String tpsCode, long[] hash) {
    }

    public record Similar(String sha256, String tpsCode, int distance) {
    }

    private final MongoTemplate mongo;
    private final int maxDistance;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    PhotoHashes(MongoTemplate mongo,
                @Value("${pemilu.recap.similar-photo-distance:${RECAP_SIMILAR_PHOTO_DISTANCE:" + DEFAULT_DISTANCE
                        + "}}") int maxDistance) {
        this.mongo = mongo;
        this.maxDistance = maxDistance;
    }

    /** Stores the hash of a photo (idempotent: the same SHA-256 is stored once). */
    public void record(String sha256, String tpsCode, String hashHex) {
        if (hashHex == null) {
            return;
        }
        load();
        mongo.save(new Document("_id", sha256).append("tpsCode", tpsCode).append("phash", hashHex), COLLECTION);
        known.put(sha256, new Known(tpsCode, PerceptualHash.parse(hashHex)));
    }

    /** Photos of OTHER TPS whose hash is within the threshold (a byte-identical photo has distance 0). */
    public List<Similar> similarAtOtherTps(String sha256, String tpsCode, String hashHex) {
        if (hashHex == null) {
            return List.of();
        }
        load();
        long[] hash = PerceptualHash.parse(hashHex);
        List<Similar> found = new ArrayList<>();
        known.forEach((otherSha, other) -> {
            if (!other.tpsCode().equals(tpsCode) && !otherSha.equals(sha256)) {
                int d = PerceptualHash.distance(hash, other.hash());
                if (d <= maxDistance) {
                    found.add(new Similar(otherSha, other.tpsCode(), d));
                }
            }
        });
        found.sort(java.util.Comparator.comparingInt(Similar::distance));
        return found;
    }

    private void load() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (!loaded) {
                for (Document d : mongo.find(new Query(), Document.class, COLLECTION)) {
                    try {
                        known.put(d.getString("_id"), new Known(d.getString("tpsCode"),
                                PerceptualHash.parse(d.getString("phash"))));
                    } catch (IllegalArgumentException otherVersion) {
                        // a hash of another length (older hash version) is not comparable: ignored
                    }
                }
                loaded = true;
            }
        }
    }
}
