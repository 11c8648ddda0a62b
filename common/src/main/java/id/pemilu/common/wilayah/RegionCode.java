package id.pemilu.common.wilayah;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A region's Kemendagri code as the suite writes it: {@code ID} for the nation, {@code 31} (provinsi), {@code 31.71}
 * (kabupaten/kota), {@code 31.71.01} (kecamatan), {@code 31.71.01.1001} (desa/kelurahan). The one place that knows
 * the format, the tier of a code and the region one tier up. The static helpers work on the plain strings the
 * services store, without making an object.
 */
public record RegionCode(String value) implements Comparable<RegionCode> {

    /** The code of the whole country in totals, progress and URLs. */
    public static final String NATIONAL_CODE = "ID";
    public static final RegionCode NATIONAL = new RegionCode(NATIONAL_CODE);

    /** The tiers, from the nation down; {@link #level()} is the Kemendagri tier (none for the nation). */
    public enum Tier {
        NASIONAL(null), PROVINSI(RegionLevel.PROVINSI), KABKOTA(RegionLevel.KABKOTA),
        KECAMATAN(RegionLevel.KECAMATAN), DESA(RegionLevel.DESA);

        private final RegionLevel level;

        Tier(RegionLevel level) {
            this.level = level;
        }

        /** The Kemendagri tier ({@code RegionLevel}), or null for the nation. */
        public RegionLevel level() {
            return level;
        }

        /** The tier one up, or null for the nation. */
        public Tier above() {
            return this == NASIONAL ? null : values()[ordinal() - 1];
        }

        /** The tier one down, or null for a desa. */
        public Tier below() {
            return this == DESA ? null : values()[ordinal() + 1];
        }
    }

    public RegionCode {
        if (tierOrNull(value) == null) {
            throw new IllegalArgumentException("Kode wilayah tidak dikenal: " + value);
        }
    }

    public static RegionCode of(String code) {
        return NATIONAL_CODE.equals(code) ? NATIONAL : new RegionCode(code);
    }

    /** Whether {@code code} is a region code ({@code ID}, {@code 31}, {@code 31.71}, {@code 31.71.01}, …). */
    public static boolean isValid(String code) {
        return tierOrNull(code) != null;
    }

    /** The tier of a code; an {@link IllegalArgumentException} for anything else. */
    public static Tier tierOf(String code) {
        Tier tier = tierOrNull(code);
        if (tier == null) {
            throw new IllegalArgumentException("Kode wilayah tidak dikenal: " + code);
        }
        return tier;
    }

    /** The code one tier up ({@code ID} above a province), or null for the nation; throws for a non-code. */
    public static String parentOf(String code) {
        return switch (tierOf(code)) {
            case NASIONAL -> null;
            case PROVINSI -> NATIONAL_CODE;
            default -> code.substring(0, code.lastIndexOf('.'));
        };
    }

    /** The code and every code above it, from {@code code} up to {@code ID} (a desa: 5 codes). */
    public static List<String> chainOf(String code) {
        return switch (tierOf(code)) {
            case NASIONAL -> List.of(NATIONAL_CODE);
            case PROVINSI -> List.of(code, NATIONAL_CODE);
            case KABKOTA -> List.of(code, code.substring(0, 2), NATIONAL_CODE);
            case KECAMATAN -> List.of(code, code.substring(0, 5), code.substring(0, 2), NATIONAL_CODE);
            case DESA -> List.of(code, code.substring(0, 8), code.substring(0, 5), code.substring(0, 2),
                    NATIONAL_CODE);
        };
    }

    public Tier tier() {
        return tierOf(value);
    }

    public boolean isNational() {
        return NATIONAL_CODE.equals(value);
    }

    /** The region one tier up; empty for the nation. */
    public Optional<RegionCode> parent() {
        String parent = parentOf(value);
        return parent == null ? Optional.empty() : Optional.of(of(parent));
    }

    /** This region and every region above it, up to the nation. */
    public List<RegionCode> chain() {
        List<RegionCode> chain = new ArrayList<>(5);
        for (String code : chainOf(value)) {
            chain.add(of(code));
        }
        return Collections.unmodifiableList(chain);
    }

    /** Whether {@code other} is this region or lies inside it (everything lies inside the nation). */
    public boolean covers(RegionCode other) {
        return isNational() || other.value.equals(value) || other.value.startsWith(value + ".");
    }

    @Override
    public int compareTo(RegionCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** dd, dd.dd, dd.dd.dd or dd.dd.dd.dddd (ASCII digits), or ID; null for anything else. */
    private static Tier tierOrNull(String code) {
        if (code == null) {
            return null;
        }
        Tier tier = switch (code.length()) {
            case 2 -> NATIONAL_CODE.equals(code) ? Tier.NASIONAL : Tier.PROVINSI;
            case 5 -> Tier.KABKOTA;
            case 8 -> Tier.KECAMATAN;
            case 13 -> Tier.DESA;
            default -> null;
        };
        if (tier == null || tier == Tier.NASIONAL) {
            return tier;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            boolean dot = i == 2 || i == 5 || i == 8;
            if (dot ? c != '.' : c < '0' || c > '9') {
                return null;
            }
        }
        return tier;
    }
}
