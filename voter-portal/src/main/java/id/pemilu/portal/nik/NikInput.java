package id.pemilu.portal.nik;

import id.pemilu.common.nik.NikRules;

/**
 * First checks on the form, in the citizen's words, before anything is sent on. The NIK's shape comes from its one
 * home, common's {@link NikRules} (the region is checked by party-registry, which holds the region list).
 */
final class NikInput {

    private NikInput() {
    }

    /** Returns what is wrong with the input, or null when it may be sent. */
    static String problem(String nik, String fullName) {
        String digits = nik == null ? "" : nik.strip();
        if (!NikRules.wellFormed(digits)) {
            return "NIK terdiri dari 16 angka, seperti tertulis di KTP-el Anda.";
        }
        var impossible = NikRules.impossible(digits, anyRegion -> true);
        if (impossible.isPresent()) {
            return impossible.get() + " Periksa lagi angka di KTP-el Anda.";
        }
        if (fullName == null || fullName.strip().length() < 2) {
            return "Tuliskan nama lengkap Anda sesuai KTP-el.";
        }
        return null;
    }
}
