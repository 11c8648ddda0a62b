package id.pemilu.recap.tier;

import id.pemilu.common.wilayah.RegionCode;
import id.pemilu.common.security.Roles;

/** The tiers of the rekapitulasi berjenjang and who holds each one's session. */
public enum Tier {
    KECAMATAN(Roles.PPK, "Kecamatan", "PPK"),
    KABKOTA(Roles.KPU_KABKOTA, "Kabupaten/Kota", "KPU Kabupaten/Kota"),
    PROVINSI(Roles.KPU_PROVINSI, "Provinsi", "KPU Provinsi"),
    NASIONAL(Roles.KPU_RI, "Nasional", "KPU RI");

    private final String officerRole;
    private final String label;
    private final String officerLabel;

    Tier(String officerRole, String label, String officerLabel) {
        this.officerRole = officerRole;
        this.label = label;
        this.officerLabel = officerLabel;
    }

    /** The tier of a region code: {@code 31.71.01} kecamatan, {@code 31.71} kab/kota, {@code 31} provinsi, ID. */
    public static Tier of(String regionCode) {
        RegionCode.Tier tier = RegionCode.isValid(regionCode) ? RegionCode.tierOf(regionCode) : RegionCode.Tier.DESA;
        switch (tier) {
            case NASIONAL:
                return NASIONAL;
            case PROVINSI:
                return PROVINSI;
            case KABKOTA:
                return KABKOTA;
            case KECAMATAN:
                return KECAMATAN;
            default:
                break;
        }
        throw new IllegalArgumentException("Rekapitulasi berjenjang diadakan per kecamatan, kabupaten/kota, provinsi "
                + "atau nasional (ID); kode wilayah tidak sah: " + regionCode);
    }

    public String officerRole() {
        return officerRole;
    }

    public String label() {
        return label;
    }

    public String officerLabel() {
        return officerLabel;
    }

    /** The tier above (null for the national tier). */
    public Tier above() {
        return this == NASIONAL ? null : values()[ordinal() + 1];
    }

    /** The region of the tier above that contains {@code regionCode}. */
    public String parentRegion(String regionCode) {
        return this == NASIONAL ? null : RegionCode.parentOf(regionCode);
    }
}
