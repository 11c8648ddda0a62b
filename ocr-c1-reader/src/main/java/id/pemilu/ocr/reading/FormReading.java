package id.pemilu.ocr.reading;

import java.util.List;

/**
 * The reading of one photographed C.Hasil page: a draft for the officer to confirm, never a result.
 *
 * @param outcome                READ or UNREADABLE
 * @param reason                 for the officer, in Bahasa Indonesia (why unreadable, or what to check)
 * @param tpsCode                TPS code from the QR code
 * @param printedTpsCode         TPS code printed under the QR, as Tesseract read it (cross-check; null if unavailable)
 * @param arithmeticConsistent   the chosen numbers satisfy every rule of the form
 * @param fieldsNeedingReview    how many fields a person must check
 */
public record FormReading(String outcome, String reason, String ballotType, String tpsCode, Integer page,
                          String printedTpsCode, Boolean printedTpsCodeMatches, boolean arithmeticConsistent,
                          int fieldsNeedingReview, List<FieldReading> fields, long millis) {

    public static final String READ = "READ";
    public static final String UNREADABLE = "UNREADABLE";

    public static FormReading unreadable(String reason, long millis) {
        return new FormReading(UNREADABLE, reason, null, null, null, null, null, false, 0, List.of(), millis);
    }
}
