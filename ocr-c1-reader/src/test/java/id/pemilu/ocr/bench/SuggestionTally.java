package id.pemilu.ocr.bench;

import id.pemilu.ocr.reading.FieldReading;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measurement only (issue 19, seventeenth round): how often the suggestion a form read "as written" carries (the
 * best reading that adds up, {@link FieldReading#suggestedValue()}) is right, per officer, against the numbers shown
 * as read. The suggestion is never a reported value; this says what a person checking the form would gain or risk.
 */
final class SuggestionTally {

    private final String name;
    /** Per officer (careful / mis-added / crossed-out). */
    private final long[] asWritten = new long[3];
    private final long[] withSuggestion = new long[3];
    private final long[] differing = new long[3];
    private final long[] suggestionRight = new long[3];
    private final long[] shownRight = new long[3];
    private final long[] exactShown = new long[3];
    private final long[] exactSuggested = new long[3];
    private final long[] digits = new long[3];
    private final long[] digitsShown = new long[3];
    private final long[] digitsSuggested = new long[3];

    SuggestionTally(String name) {
        this.name = name;
    }

    /** One form's reading; only forms read as written (every field flagged) count. */
    void add(Map<String, Integer> truth, List<FieldReading> fields, int officer) {
        if (fields.isEmpty() || !fields.stream().allMatch(FieldReading::needsReview)) {
            return;
        }
        asWritten[officer]++;
        if (fields.stream().noneMatch(f -> f.suggestedValue() != null)) {
            return;
        }
        withSuggestion[officer]++;
        boolean allShown = true;
        boolean allSuggested = true;
        for (FieldReading field : fields) {
            Integer expected = truth.get(field.key());
            boolean shown = expected.equals(field.value());
            boolean suggested = expected.equals(field.suggestedValue());
            allShown &= shown;
            allSuggested &= suggested;
            if (field.suggestionDiffers()) {
                differing[officer]++;
                suggestionRight[officer] += suggested ? 1 : 0;
                shownRight[officer] += shown ? 1 : 0;
            }
            String want = String.valueOf(expected);
            digits[officer] += want.length();
            digitsShown[officer] += rightDigits(want, field.value());
            digitsSuggested[officer] += rightDigits(want, field.suggestedValue());
        }
        exactShown[officer] += allShown ? 1 : 0;
        exactSuggested[officer] += allSuggested ? 1 : 0;
    }

    static long rightDigits(String want, Integer value) {
        String got = value == null ? "" : String.valueOf(value);
        long right = 0;
        for (int d = 0; d < want.length(); d++) {
            int at = got.length() - want.length() + d;
            right += at >= 0 && got.charAt(at) == want.charAt(d) ? 1 : 0;
        }
        return right;
    }

    void print() {
        String[] officers = {"careful", "mis-added", "crossed-out"};
        for (int o = 0; o < 3; o++) {
            if (asWritten[o] == 0) {
                continue;
            }
            System.out.printf(Locale.ROOT, "  suggestions %s, %s forms: %d read as written, %d with a suggestion;"
                            + " %d fields where it differs: suggestion right %d, as read right %d; forms exact as"
                            + " read %d, as suggested %d; digits as read %d of %d (%.2f%%), as suggested %d (%.2f%%)%n",
                    name, officers[o], asWritten[o], withSuggestion[o], differing[o], suggestionRight[o],
                    shownRight[o], exactShown[o], exactSuggested[o], digitsShown[o], digits[o],
                    100.0 * digitsShown[o] / Math.max(1, digits[o]), digitsSuggested[o],
                    100.0 * digitsSuggested[o] / Math.max(1, digits[o]));
        }
    }
}
