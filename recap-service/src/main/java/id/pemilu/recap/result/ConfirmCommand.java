package id.pemilu.recap.result;

import java.util.List;

/**
 * An officer's confirmation of a TPS result.
 *
 * @param submissionId the photo submission whose draft is being confirmed (null: numbers typed by hand)
 * @param values       numbers typed or corrected by the officer; they override the draft
 * @param reason       written reason, required when the record fails a check or changes an earlier result
 */
public record ConfirmCommand(String submissionId, List<FieldValue> values, String reason) {
}
