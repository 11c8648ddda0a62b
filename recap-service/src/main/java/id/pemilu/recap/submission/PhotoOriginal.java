package id.pemilu.recap.submission;

import id.pemilu.common.events.C1PhotoUploaded;
import id.pemilu.common.security.Roles;
import id.pemilu.recap.translog.LogEntry;
import id.pemilu.recap.translog.LoggedAggregate;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The photo exactly as the officer sent it (with EXIF: evidence), id {@code <submissionId>|<page>}. Restricted: no
 * public endpoint serves it. Saving it also stores the {@link C1PhotoUploaded} event asking for a reading.
 */
@Document("photo_originals")
class PhotoOriginal extends LoggedAggregate {

    @Id
    private String id;
    private String sha256;
    private String submissionId;
    private int page;
    private String tpsCode;
    private String ballotType;
    private String contentType;
    private byte[] bytes;
    private String uploadedBy;
    private Instant uploadedAt;

    PhotoOriginal() {
    }

    static PhotoOriginal of(String submissionId, int page, String sha256, String tpsCode, String ballotType,
                            String contentType, byte[] bytes, String uploadedBy) {
        PhotoOriginal photo = new PhotoOriginal();
        photo.id = submissionId + "|" + page;
        photo.sha256 = sha256;
        photo.submissionId = submissionId;
        photo.page = page;
        photo.tpsCode = tpsCode;
        photo.ballotType = ballotType;
        photo.contentType = contentType;
        photo.bytes = bytes;
        photo.uploadedBy = uploadedBy;
        photo.uploadedAt = Instant.now();
        photo.raise(new C1PhotoUploaded(UUID.randomUUID(), photo.uploadedAt, C1PhotoUploaded.CURRENT_VERSION,
                submissionId, tpsCode, ballotType, page, sha256, contentType, Base64.getEncoder().encodeToString(bytes)));
        photo.appendLog(LogEntry.of("photo", LogEntry.tpsSubject(tpsCode, ballotType), photo.uploadedAt)
                .with("tps", tpsCode)
                .with("ballot", ballotType)
                .with("submission", submissionId)
                .with("page", page)
                .with("sha256", sha256)
                .with("contentType", contentType)
                .with("size", bytes.length)
                .with("actor", uploadedBy)
                .with("role", Roles.KPPS));
        return photo;
    }

    String getId() {
        return id;
    }

    String getSha256() {
        return sha256;
    }

    String getTpsCode() {
        return tpsCode;
    }
}
