package id.pemilu.desk.report;

import id.pemilu.common.security.Caller;
import id.pemilu.common.domain.DomainException;
import id.pemilu.desk.DeskProperties;
import id.pemilu.desk.registry.TpsDirectory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Optional photo of the count (the C.Hasil or the tally board) sent with a quick report. Stored as sent in the
 * desk's own {@code report_photos} collection, read only by the desk and its reporters; never sent to KPU.
 */
public class ReportPhotos {

    @Document("report_photos")
    record StoredPhoto(@Id String sha256, String contentType, byte[] data, String tpsCode, String contest, String by,
                       Instant at) {
    }

    public record Photo(String contentType, byte[] data) {
    }

    private final MongoTemplate mongo;
    private final ReportService reports;
    private final DeskProperties properties;
    private final Clock clock;

    ReportPhotos(MongoTemplate mongo, ReportService reports, DeskProperties properties, Clock clock) {
        this.mongo = mongo;
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
    }

    public PhotoRef attach(Caller caller, String tpsCode, Contest contest, byte[] data) {
        String tps = TpsDirectory.checkTps(tpsCode);
        DeskAccess.reporterFor(caller, tps);
        ReportView report = reports.find(caller, tps, contest);
        if (data == null || data.length == 0) {
            throw DomainException.invalid("Foto kosong.");
        }
        if (data.length > properties.maxPhotoBytes()) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "Foto terlalu besar",
                    "Foto lebih dari " + properties.maxPhotoBytes() / (1024 * 1024) + " MiB.");
        }
        String type = typeOf(data);
        String sha = sha256(data);
        Optional<PhotoRef> already = report.photos().stream().filter(p -> p.sha256().equals(sha)).findFirst();
        if (already.isPresent()) {
            return already.get();
        }
        Instant now = clock.instant();
        if (!mongo.exists(Query.query(Criteria.where("_id").is(sha)), StoredPhoto.class)) {
            mongo.save(new StoredPhoto(sha, type, data, tps, contest.name(), caller.username(), now));
        }
        PhotoRef ref = new PhotoRef(sha, type, data.length, caller.username(), now);
        reports.attachPhoto(tps, contest, ref);
        return ref;
    }

    public Photo read(Caller caller, String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("SHA-256 harus 64 karakter heksadesimal huruf kecil.");
        }
        StoredPhoto photo = Optional.ofNullable(mongo.findById(sha256, StoredPhoto.class))
                .orElseThrow(() -> DomainException.notFound("Foto " + sha256 + " tidak ada."));
        DeskAccess.readerFor(caller, TpsDirectory.desaOf(photo.tpsCode()));
        return new Photo(photo.contentType(), photo.data());
    }

    static String typeOf(byte[] data) {
        if (data.length > 3 && (data[0] & 0xff) == 0xFF && (data[1] & 0xff) == 0xD8 && (data[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (data.length > 8 && (data[0] & 0xff) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G') {
            return "image/png";
        }
        throw new DomainException(DomainException.Kind.UNSUPPORTED_CONTENT, "Jenis berkas tidak didukung",
                "Foto harus JPEG atau PNG.");
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
