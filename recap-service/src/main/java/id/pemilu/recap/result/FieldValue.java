package id.pemilu.recap.result;

/**
 * One number of a C.Hasil form. Keys (see {@code C1FieldKeys}) contain dots, so records keep a list of these instead
 * of using keys as document field names.
 */
public record FieldValue(String key, Integer value) {

    public FieldValue {
        if (key == null || key.isEmpty() || key.length() > 80 || !lowerDigitsDots(key)) {
            throw new IllegalArgumentException("Kunci kolom C.Hasil tidak sah: " + key);
        }
    }

    /** {@code [a-z0-9.]+} without a regular expression (every stored and mapped value passes here). */
    private static boolean lowerDigitsDots(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
