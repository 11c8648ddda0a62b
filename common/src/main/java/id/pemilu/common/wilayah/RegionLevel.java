package id.pemilu.common.wilayah;

/** The tiers of Indonesian administration, in Kemendagri code form. */
public enum RegionLevel {
    PROVINSI(2), KABKOTA(5), KECAMATAN(8), DESA(13);

    private final int codeLength;

    RegionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    /** The level of a code such as {@code 11}, {@code 11.01}, {@code 11.01.01} or {@code 11.01.01.2001}. */
    public static RegionLevel ofCode(String code) {
        for (RegionLevel level : values()) {
            if (level.codeLength == code.length()) {
                return level;
            }
        }
        throw new IllegalArgumentException("Kode wilayah tidak dikenal: " + code);
    }
}
