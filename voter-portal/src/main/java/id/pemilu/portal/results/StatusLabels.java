package id.pemilu.portal.results;

import java.util.Map;

/** What each result status means to a citizen. */
public final class StatusLabels {

    private static final Map<String, String> LABELS = Map.of(
            "submitted", "dikonfirmasi KPPS",
            "flagged", "ditandai",
            "verified", "diverifikasi PPK",
            "corrected", "dikoreksi PPK",
            "belum_masuk", "belum melapor");

    private StatusLabels() {
    }

    public static String of(String status) {
        return status == null ? "" : LABELS.getOrDefault(status, status);
    }
}
