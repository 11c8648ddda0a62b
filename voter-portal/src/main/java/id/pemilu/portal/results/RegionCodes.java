package id.pemilu.portal.results;

/** Kemendagri region codes as the portal accepts them in its URLs. */
final class RegionCodes {

    static final String NATIONAL = "ID";

    private RegionCodes() {
    }

    static String valid(String code) {
        if (code == null || code.isBlank()) {
            return NATIONAL;
        }
        if (!code.matches("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?")) {
            throw new IllegalArgumentException("Kode wilayah tidak dikenal: " + code);
        }
        return code;
    }

    /** The region one level up, or null for the nation. */
    static String parent(String code) {
        if (NATIONAL.equals(code)) {
            return null;
        }
        int dot = code.lastIndexOf('.');
        return dot < 0 ? NATIONAL : code.substring(0, dot);
    }
}
