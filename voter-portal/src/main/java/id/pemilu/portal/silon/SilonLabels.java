package id.pemilu.portal.silon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Words for candidate-service's codes (stages, list statuses, documents, rules). */
final class SilonLabels {

    static final Map<String, String> DOCUMENTS = new LinkedHashMap<>();
    static final List<String> EDUCATION = List.of("SD", "SMP", "SMA", "D3", "S1", "S2", "S3");
    static final List<String> OCCUPATIONS = List.of("SWASTA", "WIRASWASTA", "PNS", "TNI", "POLRI", "BUMN", "BUMD",
            "KEPALA_DESA", "LAINNYA");
    static final Map<String, String> STAGES = Map.of(
            "NOMINATION", "pengajuan daftar calon",
            "DCS", "DCS diumumkan (tanggapan masyarakat)",
            "DCT", "DCT final");
    static final Map<String, String> LIST_STATUS = Map.of(
            "DRAFT", "draf (belum diajukan)",
            "SUBMITTED", "diajukan, menunggu verifikasi KPU",
            "REPAIR", "masa perbaikan (ada calon TMS)",
            "VERIFIED", "terverifikasi (semua MS)");
    static final Map<String, String> RULES = new LinkedHashMap<>();
    static final Map<String, String> BODIES = Map.of(
            "DPR", "DPR", "DPRD_PROVINSI", "DPRD provinsi", "DPRD_KABKOTA", "DPRD kab/kota", "DPD", "DPD");

    static {
        DOCUMENTS.put("KTP", "KTP-el");
        DOCUMENTS.put("IJAZAH", "Ijazah terakhir (legalisir)");
        DOCUMENTS.put("SURAT_SEHAT", "Surat keterangan sehat");
        DOCUMENTS.put("SKCK", "SKCK");
        DOCUMENTS.put("SURAT_PENGUNDURAN_DIRI", "Surat pengunduran diri (PNS/TNI/POLRI/BUMN/BUMD/kepala desa)");
        RULES.put("KURSI_MAKS", "jumlah kursi");
        RULES.put("KUOTA_PEREMPUAN", "30 % perempuan");
        RULES.put("SATU_DARI_TIGA", "1 perempuan tiap 3 posisi");
        RULES.put("USIA_MIN", "usia minimal");
        RULES.put("PENDIDIKAN", "pendidikan");
        RULES.put("DOKUMEN", "dokumen");
        RULES.put("ANGGOTA_PARTAI", "anggota partai (MS di Sipol)");
        RULES.put("PARTAI_MEMENUHI_SYARAT", "partai memenuhi syarat");
        RULES.put("PENCALONAN_GANDA", "pencalonan ganda");
        RULES.put("DPD_BUKAN_ANGGOTA_PARTAI", "calon DPD bukan anggota partai");
        RULES.put("MANTAN_TERPIDANA", "mantan terpidana");
    }

    private SilonLabels() {
    }

    static String rule(String code) {
        return RULES.getOrDefault(code, code);
    }

    static String gender(String code) {
        return "P".equals(code) ? "perempuan" : "L".equals(code) ? "laki-laki" : code;
    }
}
