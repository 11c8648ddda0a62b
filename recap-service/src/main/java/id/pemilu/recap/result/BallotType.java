package id.pemilu.recap.result;

import java.util.Locale;

/** The ballots counted at a TPS: president (PPWP), legislative bodies, and the regional head elections (Pilkada). */
public enum BallotType {
    PPWP, DPR, DPD, DPRD_PROVINSI, DPRD_KABKOTA, PILKADA_GUBERNUR, PILKADA_BUPATI;

    public static BallotType parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Jenis surat suara wajib diisi (PPWP, DPR, DPD, DPRD_PROVINSI, "
                    + "DPRD_KABKOTA, PILKADA_GUBERNUR, PILKADA_BUPATI).");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Jenis surat suara tidak dikenal: " + text);
        }
    }

    /** Ballots whose structure (parties and candidates) comes from the candidate-service's final list (DCT). */
    public boolean isLegislative() {
        return this == DPR || this == DPRD_PROVINSI || this == DPRD_KABKOTA;
    }
}
