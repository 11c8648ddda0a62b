package id.pemilu.portal.kpps;

import id.pemilu.portal.results.FieldLabels;
import java.util.LinkedHashMap;
import java.util.Map;

/** Words for ballots, statuses, checks and fields on the KPPS pages. */
public final class KppsLabels {

    static final Map<String, String> BALLOTS = new LinkedHashMap<>();

    static {
        BALLOTS.put("PPWP", "Presiden dan Wakil Presiden");
        BALLOTS.put("DPR", "DPR");
        BALLOTS.put("DPD", "DPD");
        BALLOTS.put("DPRD_PROVINSI", "DPRD Provinsi");
        BALLOTS.put("DPRD_KABKOTA", "DPRD Kabupaten/Kota");
        BALLOTS.put("PILKADA_GUBERNUR", "Gubernur dan Wakil Gubernur");
        BALLOTS.put("PILKADA_BUPATI", "Bupati/Wali Kota");
    }

    private static final Map<String, String> STATUS = Map.of(
            "draft", "draf (belum dikirim)",
            "submitted", "terkirim, lolos pemeriksaan, dihitung",
            "flagged", "ditandai: tidak dihitung sampai diperiksa PPK",
            "verified", "diverifikasi PPK",
            "corrected", "dikoreksi PPK");

    private static final Map<String, String> CHECKS = Map.ofEntries(
            Map.entry("MISSING_FIELDS", "Ada kolom yang belum diisi"),
            Map.entry("GENDER_SUM", "Laki-laki + perempuan harus sama dengan jumlah"),
            Map.entry("REGISTERED_SUM", "Jumlah pemilih harus sama dengan DPT + DPTb + DPK"),
            Map.entry("VOTED_SUM", "Jumlah pengguna hak pilih harus sama dengan DPT + DPTb + DPK yang memilih"),
            Map.entry("VOTED_OVER_DPT", "Pemilih DPT yang memilih tidak boleh melebihi DPT"),
            Map.entry("DPT_MISMATCH", "DPT pada formulir harus sama dengan DPT terdaftar"),
            Map.entry("VOTES_SUM", "Suara semua calon harus sama dengan suara sah"),
            Map.entry("VALID_PLUS_INVALID", "Suara sah + tidak sah harus sama dengan jumlah suara"),
            Map.entry("TOTAL_VS_VOTERS", "Jumlah suara harus sama dengan jumlah pengguna hak pilih"),
            Map.entry("TOTAL_VS_BALLOTS_USED", "Jumlah suara harus sama dengan surat suara digunakan"),
            Map.entry("BALLOTS_BALANCE", "Surat suara diterima harus sama dengan digunakan + tidak digunakan + rusak"),
            Map.entry("BALLOTS_RESERVE", "Surat suara diterima harus sekitar DPT + 2% cadangan"),
            Map.entry("OUT_OF_RANGE", "Angka di luar batas wajar"),
            Map.entry("DUPLICATE_PHOTO", "Foto yang sama sudah dikirim untuk TPS lain"),
            Map.entry("READINGS_DISAGREE", "Dua pembacaan foto berbeda"),
            Map.entry("QR_TPS_MISMATCH", "Kode QR formulir menunjukkan TPS lain"),
            Map.entry("DISPUTED", "Dipersoalkan PPK/KPU"));

    private KppsLabels() {
    }

    /** Every ballot type with its name, in ballot order. */
    public static Map<String, String> ballots() {
        return java.util.Collections.unmodifiableMap(BALLOTS);
    }

    public static String ballot(String type) {
        return BALLOTS.getOrDefault(type, type);
    }

    public static String status(String status) {
        return status == null ? "belum dikirim" : STATUS.getOrDefault(status, status);
    }

    public static String check(String code) {
        return CHECKS.getOrDefault(code, code);
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
