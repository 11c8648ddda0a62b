package id.pemilu.recap.result;

/**
 * One number of a C.Hasil form. Keys (see {@code C1FieldKeys}) contain dots, so records keep a list of these instead
 * of using keys as document field names.
 */
public record FieldValue(String key, Integer value) {

    public FieldValue {
        if (key == null || key.isBlank() || key.length() > 80 || !key.matches("[a-z0-9.]+")) {
            throw new IllegalArgumentException("Kunci kolom C.Hasil tidak sah: " + key);
        }
    }
}
