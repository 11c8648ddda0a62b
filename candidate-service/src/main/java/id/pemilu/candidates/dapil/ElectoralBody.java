package id.pemilu.candidates.dapil;

import id.pemilu.common.wilayah.RegionLevel;

/**
 * The legislative bodies elected by party lists, with the region a set of dapil must cover (a province for DPR and
 * DPRD provinsi, a kab/kota for DPRD kab/kota) and the seat range of one dapil (UU 7/2017: DPR 3-10, DPRD 3-12,
 * DPD 4 per province).
 */
public enum ElectoralBody {
    DPR(RegionLevel.PROVINSI, 3, 10),
    DPRD_PROVINSI(RegionLevel.PROVINSI, 3, 12),
    DPRD_KABKOTA(RegionLevel.KABKOTA, 3, 12),
    /** DPD: individual candidates, one dapil per province electing 4 members. */
    DPD(RegionLevel.PROVINSI, 4, 4);

    private final RegionLevel areaLevel;
    private final int minSeats;
    private final int maxSeats;

    ElectoralBody(RegionLevel areaLevel, int minSeats, int maxSeats) {
        this.areaLevel = areaLevel;
        this.minSeats = minSeats;
        this.maxSeats = maxSeats;
    }

    public RegionLevel areaLevel() {
        return areaLevel;
    }

    public int minSeats() {
        return minSeats;
    }

    public int maxSeats() {
        return maxSeats;
    }

    /** True for bodies elected from party lists (every body except DPD). */
    public boolean partyLists() {
        return this != DPD;
    }

    public static ElectoralBody parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("Lembaga (body) wajib diisi: DPR, DPRD_PROVINSI, DPRD_KABKOTA atau DPD.");
        }
        try {
            return valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Lembaga tidak dikenal: " + value
                    + " (pilih DPR, DPRD_PROVINSI, DPRD_KABKOTA atau DPD).");
        }
    }
}
