package id.pemilu.portal.kpps;

import id.pemilu.portal.ballot.BallotTypes;
import id.pemilu.portal.results.FieldLabels;
import id.pemilu.portal.results.FlagLabels;
import java.util.Map;

/** Words for ballots, statuses, checks and fields on the KPPS pages. */
public final class KppsLabels {

    private static final Map<String, String> STATUS = Map.of(
            "draft", "draf (belum dikirim)",
            "submitted", "terkirim, lolos pemeriksaan, dihitung",
            "flagged", "ditandai: tidak dihitung sampai diperiksa PPK",
            "verified", "diverifikasi PPK",
            "corrected", "dikoreksi PPK");

    private KppsLabels() {
    }

    /** Every ballot type with its name, in ballot order. */
    public static Map<String, String> ballots() {
        return BallotTypes.NAMES;
    }

    public static String ballot(String type) {
        return BallotTypes.name(type);
    }

    public static String status(String status) {
        return status == null ? "belum dikirim" : STATUS.getOrDefault(status, status);
    }

    public static String check(String code) {
        return FlagLabels.of(code);
    }

    private static final java.time.format.DateTimeFormatter WIB = java.time.format.DateTimeFormatter
            .ofPattern("d-M-yyyy HH:mm 'WIB'").withZone(java.time.ZoneId.of("Asia/Jakarta"));

    /** An ISO instant as Jakarta time (WIB). */
    public static String time(String isoInstant) {
        try {
            return isoInstant == null ? "" : WIB.format(java.time.Instant.parse(isoInstant));
        } catch (java.time.format.DateTimeParseException e) {
            return isoInstant;
        }
    }

    public static String field(String key) {
        return FieldLabels.of(key);
    }
}
