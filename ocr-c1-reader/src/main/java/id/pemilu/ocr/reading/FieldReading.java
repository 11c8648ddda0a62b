package id.pemilu.ocr.reading;

/**
 * One number as read.
 *
 * @param value           the chosen value (null if none could be read)
 * @param confidence      0..1, the probability that the value is right given the digits and the form's arithmetic
 * @param needsReview     a person must look at this field
 * @param classifierValue what the digit classifier alone read (before the arithmetic step)
 * @param classifierConfidence the classifier's probability for {@code classifierValue}
 * @param suggestedValue  only on a form read "as written" (its numbers do not add up as read, every field flagged):
 *                        this field's value in the most probable reading that does add up, a suggestion for the
 *                        person who checks the form, never the reported value (that stays {@code value}, as
 *                        written); null when the form is not read as written or no reading adds up (issue 19,
 *                        seventeenth round)
 */
public record FieldReading(String key, Integer value, double confidence, boolean needsReview,
                           Integer classifierValue, double classifierConfidence, Integer suggestedValue) {

    /** A reading without a suggestion. */
    public FieldReading(String key, Integer value, double confidence, boolean needsReview, Integer classifierValue,
                        double classifierConfidence) {
        this(key, value, confidence, needsReview, classifierValue, classifierConfidence, null);
    }

    /** The suggestion differs from the value shown (the sums would change this field). */
    public boolean suggestionDiffers() {
        return suggestedValue != null && !suggestedValue.equals(value);
    }
}
