package id.pemilu.recap.recommendation;

/** What Bawaslu recommends, with its words in Bahasa Indonesia. */
public enum RecommendationKind {
    RECOUNT("Penghitungan suara ulang"),
    RECHECK("Pencocokan ulang dengan C.Hasil kertas"),
    REVOTE("Pemungutan suara ulang");

    private final String label;

    RecommendationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static RecommendationKind parse(String value) {
        try {
            return valueOf(value == null ? "" : value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Jenis rekomendasi harus RECOUNT (hitung ulang), RECHECK (cocokkan "
                    + "ulang dengan C.Hasil kertas) atau REVOTE (pemungutan suara ulang).");
        }
    }
}
