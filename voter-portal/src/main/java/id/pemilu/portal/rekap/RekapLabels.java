package id.pemilu.portal.rekap;

import id.pemilu.portal.ballot.BallotTypes;
import id.pemilu.portal.kpps.KppsLabels;
import java.util.Map;

/** Words of the reconciliation desk: ballots, statuses, tiers, session states. */
final class RekapLabels {

    static final Map<String, String> BALLOTS = BallotTypes.NAMES;

    private RekapLabels() {
    }

    static String ballot(String type) {
        return BallotTypes.name(type);
    }

    /** A TPS result's status in words. */
    static String status(String status) {
        return switch (status == null ? "" : status) {
            case "belum_masuk", "" -> "belum masuk";
            case "submitted" -> "terkirim, dihitung";
            case "flagged" -> "ditandai, tidak dihitung";
            case "verified" -> "diverifikasi";
            case "corrected" -> "dikoreksi";
            default -> status;
        };
    }

    /** A recap session's status in words. */
    static String session(String status) {
        return switch (status == null ? "" : status) {
            case "", "belum_ada_sesi" -> "belum ada sesi";
            case "preparing" -> "persiapan (belum dibuka)";
            case "open" -> "dibuka";
            case "in_progress" -> "berlangsung";
            case "finalized" -> "D.Hasil ditetapkan";
            case "reopened" -> "dibuka kembali";
            default -> status;
        };
    }

    static String tier(String tier) {
        return switch (tier == null ? "" : tier) {
            case "KECAMATAN" -> "Kecamatan";
            case "KABKOTA" -> "Kabupaten/Kota";
            case "PROVINSI" -> "Provinsi";
            case "NASIONAL" -> "Nasional";
            default -> tier;
        };
    }

    static String officer(String tier) {
        return switch (tier == null ? "" : tier) {
            case "KECAMATAN" -> "PPK";
            case "KABKOTA" -> "KPU Kabupaten/Kota";
            case "PROVINSI" -> "KPU Provinsi";
            default -> "KPU RI";
        };
    }

    static String check(String code) {
        return KppsLabels.check(code);
    }

    static String field(String key) {
        return KppsLabels.field(key);
    }

    static String time(String iso) {
        return KppsLabels.time(iso);
    }

    static String role(String role) {
        return switch (role == null ? "" : role) {
            case "kpps" -> "KPPS";
            case "ppk" -> "PPK";
            case "kpu-kabkota" -> "KPU kab/kota";
            case "kpu-provinsi" -> "KPU provinsi";
            case "kpu-ri" -> "KPU RI";
            case "bawaslu" -> "Bawaslu";
            case "saksi" -> "saksi";
            default -> role;
        };
    }
}
