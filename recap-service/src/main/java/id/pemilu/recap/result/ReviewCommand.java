package id.pemilu.recap.result;

import java.util.List;

/**
 * PPK (or KPU) reconciliation of a TPS result against the paper C.Hasil.
 *
 * @param decision {@code verified} (numbers match the paper), {@code corrected} (numbers replaced) or
 *                 {@code disputed} (taken out of the counted totals, flagged, until settled)
 * @param values   corrected numbers (for {@code corrected}); they override the current ones
 * @param reason   written reason (always required)
 */
public record ReviewCommand(String decision, List<FieldValue> values, String reason) {
}
