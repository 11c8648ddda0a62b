package id.pemilu.portal.bawaslu;

import id.pemilu.portal.signin.SignedIn;

/** The oversight pages are Bawaslu's; everyone else is refused with a page that says why. */
final class BawasluAccess {

    static final String ROLE = "bawaslu";

    private BawasluAccess() {
    }

    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    static SignedIn require(SignedIn officer) {
        if (officer == null || !officer.roles().contains(ROLE)) {
            throw new Refused("Halaman pengawasan ini untuk Bawaslu. Anda masuk sebagai "
                    + (officer == null ? "tamu" : officer.roleLabel()) + ".");
        }
        return officer;
    }
}
