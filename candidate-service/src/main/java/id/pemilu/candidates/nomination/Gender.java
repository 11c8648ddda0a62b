package id.pemilu.candidates.nomination;

/** L (laki-laki) or P (perempuan), as on the KTP and on the ballot. */
public enum Gender {
    L, P;

    public static Gender parse(String value) {
        if (value != null) {
            switch (value.trim().toUpperCase()) {
                case "L", "LAKI-LAKI" -> {
                    return L;
                }
                case "P", "PEREMPUAN" -> {
                    return P;
                }
                default -> {
                }
            }
        }
        throw new IllegalArgumentException("Jenis kelamin harus L (laki-laki) atau P (perempuan), bukan: " + value);
    }
}
