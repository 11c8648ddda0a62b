package id.pemilu.ocr.reading;

/**
 * One number as read.
 *
 * @param value           the chosen value (null if none could be read)
 * @param confidence      0..1, the probability that the value is right given the digits and the form's arithmetic
 * @param needsReview     a person must look at this field
 * @param classifierValue what the digit classifier alone read (before the arithmetic step)
 * @param classifierConfidence the classifier's probability for {@code classifierValue}
 */
public record FieldReading(String key, Integer value, double confidence, boolean needsReview,
                           Integer classifierValue, double classifierConfidence) {
}
