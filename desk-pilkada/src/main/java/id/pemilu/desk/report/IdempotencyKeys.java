package id.pemilu.desk.report;

/** Validates the {@code Idempotency-Key} a phone sends with every retry of one report or correction. */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    static String check(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > 100 || !key.matches("[A-Za-z0-9._:-]+")) {
            throw new IllegalArgumentException("Idempotency-Key tidak sah (1-100 karakter: huruf, angka, . _ : -)");
        }
        return key;
    }
}
