package id.pemilu.ocr.reading;

import id.pemilu.common.events.C1FormRead.PixelBox;
import java.util.List;
import java.util.Map;

/**
 * The reading of one photographed C.Hasil page: a draft for the officer to confirm, never a result.
 *
 * @param outcome                READ or UNREADABLE
 * @param reason                 for the officer, in Bahasa Indonesia (why unreadable, or what to check)
 * @param tpsCode                TPS code from the QR code
 * @param printedTpsCode         TPS code printed under the QR, as Tesseract read it (cross-check; null if unavailable)
 * @param arithmeticConsistent   the chosen numbers satisfy every rule of the form
 * @param fieldsNeedingReview    how many fields a person must check
 * @param boxes                  per field key, where its digit boxes are on the photo (pixels of the photo as sent),
 *                               so a screen can show the officer the crop next to the value
 */
public record FormReading(String outcome, String reason, String ballotType, String tpsCode, Integer page,
                          String printedTpsCode, Boolean printedTpsCodeMatches, boolean arithmeticConsistent,
                          int fieldsNeedingReview, List<FieldReading> fields, long millis,
                          Map<String, PixelBox> boxes) {

    public static final String READ = "READ";
    public static final String UNREADABLE = "UNREADABLE";

    public FormReading {
        boxes = boxes == null ? Map.of() : Map.copyOf(boxes);
    }

    /** A reading without box positions. */
    public FormReading(String outcome, String reason, String ballotType, String tpsCode, Integer page,
                       String printedTpsCode, Boolean printedTpsCodeMatches, boolean arithmeticConsistent,
                       int fieldsNeedingReview, List<FieldReading> fields, long millis) {
        this(outcome, reason, ballotType, tpsCode, page, printedTpsCode, printedTpsCodeMatches, arithmeticConsistent,
                fieldsNeedingReview, fields, millis, Map.of());
    }

    public static FormReading unreadable(String reason, long millis) {
        return new FormReading(UNREADABLE, reason, null, null, null, null, null, false, 0, List.of(), millis);
    }

    public FormReading withBoxes(Map<String, PixelBox> fieldBoxes) {
        return new FormReading(outcome, reason, ballotType, tpsCode, page, printedTpsCode, printedTpsCodeMatches,
                arithmeticConsistent, fieldsNeedingReview, fields, millis, fieldBoxes);
    }
}
