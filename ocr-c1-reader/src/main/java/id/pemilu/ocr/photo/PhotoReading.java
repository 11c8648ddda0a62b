package id.pemilu.ocr.photo;

import id.pemilu.common.events.C1FormRead;
import id.pemilu.common.events.C1PhotoUploaded;
import id.pemilu.common.outbox.OutboxAggregate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The reading of one uploaded photo, kept with the event that announces it (one document write). The id is the
 * id of the {@code C1PhotoUploaded} event, so a redelivered upload never produces a second reading.
 */
@Document(PhotoReading.COLLECTION)
public class PhotoReading extends OutboxAggregate {

    public static final String COLLECTION = "photo_readings";

    @Id
    private String id;
    private String submissionId;
    private String tpsCode;
    private String ballotType;
    private int page;
    private String photoSha256;
    private String outcome;
    private String reason;
    private String qrTpsCode;
    private List<C1FormRead.FieldReading> fields;
    private Instant readAt;

    protected PhotoReading() {
    }

    static PhotoReading of(C1PhotoUploaded upload, String outcome, String reason, String qrTpsCode,
                           List<C1FormRead.FieldReading> fields) {
        PhotoReading reading = new PhotoReading();
        reading.id = upload.eventId().toString();
        reading.submissionId = upload.submissionId();
        reading.tpsCode = upload.tpsCode();
        reading.ballotType = upload.ballotType();
        reading.page = upload.page();
        reading.photoSha256 = upload.photoSha256();
        reading.outcome = outcome;
        reading.reason = reason;
        reading.qrTpsCode = qrTpsCode;
        reading.fields = List.copyOf(fields);
        reading.readAt = Instant.now();
        reading.raise(new C1FormRead(UUID.randomUUID(), reading.readAt, C1FormRead.CURRENT_VERSION,
                reading.submissionId, reading.tpsCode, reading.ballotType, reading.page, reading.photoSha256,
                outcome, reason, qrTpsCode, reading.fields));
        return reading;
    }

    public String getId() {
        return id;
    }

    public String getSubmissionId() {
        return submissionId;
    }

    public String getTpsCode() {
        return tpsCode;
    }

    public String getBallotType() {
        return ballotType;
    }

    public int getPage() {
        return page;
    }

    public String getPhotoSha256() {
        return photoSha256;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason;
    }

    public String getQrTpsCode() {
        return qrTpsCode;
    }

    public List<C1FormRead.FieldReading> getFields() {
        return fields;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
