package id.pemilu.common.nik;

import id.pemilu.common.wilayah.Wilayah;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one home of the NIK's shape (Nomor Induk Kependudukan, 16 digits): digits 1–6 the kab/kota and kecamatan of
 * registration (Kemendagri code), 7–12 the birth date DDMMYY (day + 40 for women), 13–16 a serial from 0001.
 * {@link #wellFormed} is the 16-digit rule; {@link #impossible} also refuses a NIK no person can have.
 */
public final class NikRules {

    private NikRules() {
    }

    public static boolean wellFormed(String nik) {
        if (nik == null || nik.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            char c = nik.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Why no person can have this NIK (in Bahasa Indonesia), or empty; regions from the bundled Kemendagri data. */
    public static Optional<String> impossible(String nik) {
        Wilayah wilayah = Wilayah.indonesia();
        return impossible(nik, code -> wilayah.find(code).isPresent());
    }

    /** As {@link #impossible(String)}, with the kecamatan codes ({@code 31.71.01}) known to {@code kecamatanExists}. */
    public static Optional<String> impossible(String nik, Predicate<String> kecamatanExists) {
        if (!wellFormed(nik)) {
            return Optional.of("NIK harus 16 angka.");
        }
        if (!kecamatanExists.test(nik.substring(0, 2) + "." + nik.substring(2, 4) + "." + nik.substring(4, 6))) {
            return Optional.of("NIK tidak sah: enam angka pertama bukan kode kecamatan yang ada.");
        }
        if (birthDate(nik).isEmpty()) {
            return Optional.of("NIK tidak sah: angka ke-7 sampai ke-12 bukan tanggal lahir (DDMMYY).");
        }
        if (nik.endsWith("0000")) {
            return Optional.of("NIK tidak sah: nomor urut 0000 tidak pernah diberikan.");
        }
        return Optional.empty();
    }

    /** Day and month of birth encoded in the NIK (year 2000 + YY, only to check the date exists), or empty. */
    static Optional<LocalDate> birthDate(String nik) {
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int yy = Integer.parseInt(nik.substring(10, 12));
        int realDay = day > 40 ? day - 40 : day;
        try {
            LocalDate asLeapSafe = LocalDate.of(2000 + yy, month, realDay);
            return Optional.of(asLeapSafe);
        } catch (DateTimeException e) {
            // 29 February of a YY that is a leap year only in 1900s: try 1900 + YY
            try {
                return Optional.of(LocalDate.of(1900 + yy, month, realDay));
            } catch (DateTimeException again) {
                return Optional.empty();
            }
        }
    }
}
