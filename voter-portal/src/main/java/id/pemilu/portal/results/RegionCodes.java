package id.pemilu.portal.results;

import id.pemilu.common.wilayah.RegionCode;

/** Kemendagri region codes as the portal accepts them in its URLs. */
final class RegionCodes {

    static final String NATIONAL = RegionCode.NATIONAL_CODE;

    private RegionCodes() {
    }

    static String valid(String code) {
        if (code == null || code.isBlank()) {
            return NATIONAL;
        }
        // a provinsi, kab/kota, kecamatan or desa code; the nation is asked for without a code
        if (NATIONAL.equals(code) || !RegionCode.isValid(code)) {
            throw new IllegalArgumentException("Kode wilayah tidak dikenal: " + code);
        }
        return code;
    }

    /** The region one level up, or null for the nation. */
    static String parent(String code) {
        return RegionCode.parentOf(code);
    }
}
