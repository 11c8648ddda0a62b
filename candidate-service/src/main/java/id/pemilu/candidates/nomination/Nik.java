package id.pemilu.candidates.nomination;

import java.util.regex.Pattern;

/** A Nomor Induk Kependudukan: 16 digits. Never stored or shown readable; only its keyed hash and last 4 digits. */
public record Nik(String value) {

    private static final Pattern DIGITS = Pattern.compile("\\d{16}");

    public Nik {
        if (value == null || !DIGITS.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException("NIK harus 16 angka.");
        }
        value = value.trim();
    }

    public String masked() {
        return "************" + value.substring(12);
    }

    @Override
    public String toString() {
        return masked();
    }
}
