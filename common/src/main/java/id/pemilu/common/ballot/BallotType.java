package id.pemilu.common.ballot;

import java.util.Locale;

/**
 * The ballots counted at a TPS, in ballot order: president (PPWP), the legislative bodies, and the regional head
 * elections (Pilkada). The one list of ballot types of the suite: recap-service, the reader's form templates and the
 * portal all take it from here. Events and APIs carry the constant's name.
 */
public enum BallotType {
    PPWP("Presiden dan Wakil Presiden"),
    DPR("DPR"),
    DPD("DPD"),
    DPRD_PROVINSI("DPRD Provinsi"),
    DPRD_KABKOTA("DPRD Kabupaten/Kota"),
    PILKADA_GUBERNUR("Gubernur dan Wakil Gubernur"),
    PILKADA_BUPATI("Bupati/Wali Kota");

    private final String label;

    BallotType(String label) {
        this.label = label;
    }

    /**
     * The type named by {@code text} (case and {@code -} for {@code _} do not matter); an
     * {@link IllegalArgumentException} in Bahasa Indonesia for a blank or unknown one.
     */
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

    /** Whether {@code name} is exactly one of the constants' names (no case folding). */
    public static boolean isName(String name) {
        if (name == null) {
            return false;
        }
        for (BallotType type : values()) {
            if (type.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Its name for people, in Bahasa Indonesia (e.g. "DPRD Kabupaten/Kota"). */
    public String label() {
        return label;
    }

    /** Ballots whose structure (parties and candidates) comes from the candidate-service's final list (DCT). */
    public boolean isLegislative() {
        return this == DPR || this == DPRD_PROVINSI || this == DPRD_KABKOTA;
    }

    /** The regional head elections, held only where a province or kab/kota has one at this election. */
    public boolean isPilkada() {
        return this == PILKADA_GUBERNUR || this == PILKADA_BUPATI;
    }
}
