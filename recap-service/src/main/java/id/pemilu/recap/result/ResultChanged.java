package id.pemilu.recap.result;

/** Application event: a TPS result was saved with a new version and must be added to the totals. */
public record ResultChanged(String resultId) {
}
