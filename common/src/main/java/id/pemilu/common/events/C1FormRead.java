package id.pemilu.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * ocr-c1-reader's reading of one C.Hasil photo: a draft for the officer to confirm, never a result.
 *
 * @param outcome       READ (fields present) or UNREADABLE (see {@code reason}, e.g. "retake the photo: markers not found")
 * @param reason        for the officer, in Bahasa Indonesia, when the photo could not be read or needs attention
 * @param qrTpsCode     TPS code decoded from the form's QR code (null if none)
 * @param fields        every field the reader saw
 */
public record C1FormRead(UUID eventId, Instant occurredAt, int version,
                         String submissionId, String tpsCode, String ballotType, int page, String photoSha256,
                         String outcome, String reason, String qrTpsCode, List<FieldReading> fields)
        implements DomainEvent {

    public static final int CURRENT_VERSION = 1;

    /**
     * One number on the form. Keys are shared with recap-service (see C1FieldKeys).
     *
     * @param value       the chosen value (null if empty/unreadable)
     * @param confidence  0..1, the reader's probability that the value is right
     * @param needsReview true when a person must look at this field (low confidence or arithmetic could not settle it)
     * @param box         where the field's digit boxes are on the photo, in pixels of the photo as sent (null when
     *                    unknown, e.g. readings made before the reader reported it)
     * @param suggested   only on a form read as written (its numbers do not add up as read, so every field is flagged):
     *                    this field's value in the most probable reading that does add up, when it differs from
     *                    {@code value}. A hint for the officer, never the value: the officer may really have mis-added
     *                    the form, and then what is written stands. Null otherwise (and in readings made before 8 Dec 2026)
     */
    public record FieldReading(String key, Integer value, double confidence, boolean needsReview, PixelBox box,
                               Integer suggested) {

        /** A reading without a suggestion. */
        public FieldReading(String key, Integer value, double confidence, boolean needsReview, PixelBox box) {
            this(key, value, confidence, needsReview, box, null);
        }

        /** A reading without the box position. */
        public FieldReading(String key, Integer value, double confidence, boolean needsReview) {
            this(key, value, confidence, needsReview, null, null);
        }
    }

    /**
     * A rectangle on the photo in pixels (origin top-left, as the image is stored, EXIF orientation not applied):
     * the smallest one holding every digit box of a field.
     */
    public record PixelBox(int x, int y, int width, int height) {
    }
}
