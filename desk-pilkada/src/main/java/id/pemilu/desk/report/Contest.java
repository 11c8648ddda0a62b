package id.pemilu.desk.report;

import java.util.Locale;

/**
 * A Pilkada race the desk follows, named as recap-service's ballot types so the two can be set side by side:
 * the gubernur race of a province, the bupati/wali kota race of a kab/kota.
 */
public enum Contest {
    PILKADA_GUBERNUR(2, "Pemilihan Gubernur dan Wakil Gubernur"),
    PILKADA_BUPATI(5, "Pemilihan Bupati/Wali Kota dan Wakilnya");

    private final int regionCodeLength;
    private final String title;

    Contest(int regionCodeLength, String title) {
        this.regionCodeLength = regionCodeLength;
        this.title = title;
    }

    public static Contest parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Jenis pemilihan wajib diisi (PILKADA_GUBERNUR atau PILKADA_BUPATI).");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Jenis pemilihan tidak dikenal: " + text
                    + " (PILKADA_GUBERNUR atau PILKADA_BUPATI).");
        }
    }

    /** Code of the province (gubernur) or kab/kota (bupati/wali kota) whose race a TPS votes in. */
    public String regionOf(String tpsCode) {
        return tpsCode.substring(0, regionCodeLength);
    }

    /**
     * True if the region lies inside one race of this contest (a province or below for gubernur, a kab/kota or below
     * for bupati/wali kota): only then are the candidate pairs' votes of its TPS the same race and may be added up.
     */
    public boolean singleRace(String regionCode) {
        return regionCode != null && !"ID".equals(regionCode) && regionCode.length() >= regionCodeLength;
    }

    public String title() {
        return title;
    }
}
