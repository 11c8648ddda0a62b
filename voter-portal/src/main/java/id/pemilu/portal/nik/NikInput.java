package id.pemilu.portal.nik;

/** First checks on the form, in the citizen's words, before anything is sent on. */
final class NikInput {

    private NikInput() {
    }

    /** Returns what is wrong with the input, or null when it may be sent. */
    static String problem(String nik, String fullName) {
        String digits = nik == null ? "" : nik.strip();
        if (!digits.matches("\\d{16}")) {
            return "NIK terdiri dari 16 angka, seperti tertulis di KTP-el Anda.";
        }
        if (fullName == null || fullName.strip().length() < 2) {
            return "Tuliskan nama lengkap Anda sesuai KTP-el.";
        }
        return null;
    }
}
