package id.pemilu.recap.result;

/**
 * Where a TPS result stands. Only officer-confirmed numbers that pass every check (SUBMITTED), or that PPK
 * reconciliation settled (VERIFIED, CORRECTED), are counted; a FLAGGED record is counted separately; a DRAFT (a
 * machine reading) is never counted and never shown as a result.
 */
public enum ResultStatus {
    DRAFT, SUBMITTED, FLAGGED, VERIFIED, CORRECTED;

    public boolean counted() {
        return this == SUBMITTED || this == VERIFIED || this == CORRECTED;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
