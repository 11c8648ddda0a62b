package id.pemilu.recap.result;

/** A named check a record fails, with the explanation an officer or citizen reads (Bahasa Indonesia). */
public record Flag(String code, String message) {

    public Flag {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("Kode tanda wajib diisi");
        }
    }
}
