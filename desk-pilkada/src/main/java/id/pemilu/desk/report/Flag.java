package id.pemilu.desk.report;

/** A named check a quick report fails, with the explanation people read (Bahasa Indonesia). */
public record Flag(String code, String message) {

    public Flag {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("Kode tanda wajib diisi");
        }
    }
}
