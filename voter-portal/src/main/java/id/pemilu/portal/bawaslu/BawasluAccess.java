package id.pemilu.portal.bawaslu;

import id.pemilu.portal.signin.SignedIn;
import id.pemilu.portal.web.AccessRefused;

/** The oversight pages are Bawaslu's; everyone else is refused with a page that says why. */
final class BawasluAccess {

    static final String ROLE = "bawaslu";

    private BawasluAccess() {
    }

    static final class Refused extends AccessRefused {
        Refused(String message) {
            super(message, null);
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
