package id.pemilu.partyregistry.party;

import java.util.Locale;

/** Gender as written on the KTP: L (laki-laki) or P (perempuan); a few common spellings are accepted. */
public final class Gender {

    private Gender() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("Jenis kelamin wajib diisi (L atau P).");
        }
        return switch (raw.strip().toUpperCase(Locale.ROOT)) {
            case "L", "LAKI-LAKI", "LAKI LAKI", "M", "MALE" -> "L";
            case "P", "PEREMPUAN", "W", "WANITA", "F", "FEMALE" -> "P";
            default -> throw new IllegalArgumentException("Jenis kelamin harus L atau P, bukan '" + raw + "'.");
        };
    }
}
