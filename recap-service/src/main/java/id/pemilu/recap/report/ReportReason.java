package id.pemilu.recap.report;

import java.util.Arrays;
import java.util.Locale;

/** Why a citizen or witness reports a TPS. */
public enum ReportReason {
    NUMBERS_DIFFER("Angka berbeda dengan foto C.Hasil"),
    PHOTO_UNREADABLE("Foto tidak terbaca"),
    WRONG_TPS("Foto atau angka milik TPS lain"),
    OTHER("Lainnya");

    private final String label;

    ReportReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static ReportReason parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Alasan laporan wajib diisi: " + choices() + ".");
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Alasan laporan tidak dikenal; pilih salah satu: " + choices() + ".");
        }
    }

    private static String choices() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
