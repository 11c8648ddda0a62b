package id.pemilu.candidates.nomination;

/** KPU's verification outcome for one candidate: MS (memenuhi syarat) or TMS (tidak memenuhi syarat). */
public enum Verdict {
    MS, TMS;

    public static Verdict parse(String value) {
        try {
            return valueOf(value == null ? "" : value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Hasil verifikasi harus MS atau TMS, bukan: " + value);
        }
    }
}
