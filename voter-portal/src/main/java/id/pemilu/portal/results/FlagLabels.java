package id.pemilu.portal.results;

import java.util.Map;

/** What each check of recap-service (a flag code on a result) means, in words for officers and citizens. */
public final class FlagLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
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
            Map.entry("SIMILAR_PHOTO", "Foto sangat mirip dengan foto TPS lain"),
            Map.entry("READINGS_DISAGREE", "Dua pembacaan foto berbeda"),
            Map.entry("QR_TPS_MISMATCH", "Kode QR formulir menunjukkan TPS lain"),
            Map.entry("DISPUTED", "Dipersoalkan PPK/KPU"));

    private FlagLabels() {
    }

    public static String of(String code) {
        return code == null ? "" : LABELS.getOrDefault(code, code);
    }
}
