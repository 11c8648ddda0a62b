package id.pemilu.recap.result;

/** Validates the {@code Idempotency-Key} header phones send with every retry of one upload or confirmation. */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    public static String check(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > 100 || !key.matches("[A-Za-z0-9._:-]+")) {
            throw new IllegalArgumentException("Idempotency-Key tidak sah (1-100 karakter: huruf, angka, . _ : -)");
        }
        return key;
    }
}
