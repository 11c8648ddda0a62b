package id.pemilu.common.text;

/**
 * What a name (of a person, a party, a candidate) may be: at most {@code max} characters, no control characters
 * (NUL, line breaks), no invisible formatting characters (zero-width space and joiners, the byte-order mark) and no
 * bidirectional overrides (U+202A–U+202E, U+2066–U+2069) that would make a name display differently from what it is.
 * Spaces are collapsed. Refusals carry a reason in Bahasa Indonesia naming the field.
 */
public final class Names {

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    public static final int PERSON_MAX = 200;

    private Names() {
    }

    /**
     * The cleaned name, or {@link IllegalArgumentException} with a clear reason.
     *
     * @param what the field in the user's words, e.g. "Nama pengurus"
     */
    public static String check(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " wajib diisi.");
        }
        if (value.length() > max * 4) {
            throw new IllegalArgumentException(what + " terlalu panjang (paling banyak " + max + " huruf).");
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (forbidden(c)) {
                throw new IllegalArgumentException(what + " mengandung karakter tak terlihat atau pengendali (U+"
                        + String.format("%04X", c) + ") di posisi " + (i + 1) + "; hapus karakter itu lalu kirim ulang.");
            }
            i += Character.charCount(c);
        }
        String clean = SPACES.matcher(value.strip()).replaceAll(" ");
        if (clean.codePointCount(0, clean.length()) > max) {
            throw new IllegalArgumentException(what + " terlalu panjang (paling banyak " + max + " huruf).");
        }
        return clean;
    }

    static boolean forbidden(int c) {
        if (c == ' ' || c == '\t') {
            return false;
        }
        if (Character.isISOControl(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.SURROGATE
                || type == Character.UNASSIGNED || c == 0x2028 || c == 0x2029;
    }
}
