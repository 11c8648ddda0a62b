package id.pemilu.portal.kpps;

import id.pemilu.portal.ballot.BallotTypes;
import id.pemilu.portal.signin.SignedIn;
import id.pemilu.portal.web.AccessRefused;

/** A KPPS officer acts only for their own TPS; anything else is refused with a page that says why. */
final class KppsAccess {

    private KppsAccess() {
    }

    static final class Refused extends AccessRefused {
        Refused(String message) {
            super(message, null);
        }
    }

    static SignedIn requireKpps(SignedIn officer) {
        if (officer != null && !officer.isKpps() && officer.roles().contains("bawaslu")) {
            throw new Refused("Bawaslu mengawasi dan tidak dapat mengubah data TPS: pengiriman foto, konfirmasi dan "
                    + "perubahan angka hanya oleh petugas KPPS TPS itu. Lihat TPS ini di halaman Pengawasan.");
        }
        if (officer == null || !officer.isKpps()) {
            throw new Refused("Halaman ini untuk petugas KPPS. Anda masuk sebagai "
                    + (officer == null ? "tamu" : officer.roleLabel()) + "; konsol untuk PPK, KPU dan Bawaslu ada "
                    + "di halaman Staf (/staf).");
        }
        return officer;
    }

    static SignedIn requireOwnTps(SignedIn officer, String tps) {
        requireKpps(officer);
        if (!officer.tpsCode().equals(tps)) {
            throw new Refused("Halaman ini untuk petugas KPPS TPS " + tps + ". Anda masuk sebagai petugas KPPS TPS "
                    + officer.tpsCode() + ": Anda hanya dapat mengirim dan melihat C.Hasil TPS Anda sendiri.");
        }
        return officer;
    }

    static String validType(String type) {
        return BallotTypes.valid(type);
    }
}
