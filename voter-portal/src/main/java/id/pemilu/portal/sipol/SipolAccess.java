package id.pemilu.portal.sipol;

import id.pemilu.portal.signin.SignedIn;
import java.util.Set;

/**
 * Who the Sipol and Silon screens are for. The screens only hide what a role cannot do; the services decide (a party
 * operator sent to another party's page gets the service's 403, shown with its reason).
 */
public final class SipolAccess {

    static final Set<String> KPU = Set.of("kpu-ri", "kpu-provinsi", "kpu-kabkota");

    private SipolAccess() {
    }

    public static boolean isOperator(SignedIn who) {
        return who != null && who.roles().contains("party-operator") && who.partyId() != null
                && !who.partyId().isBlank();
    }

    public static boolean isKpu(SignedIn who) {
        return who != null && who.roles().stream().anyMatch(KPU::contains);
    }

    public static boolean isKpuRi(SignedIn who) {
        return who != null && who.roles().contains("kpu-ri");
    }

    public static boolean isBawaslu(SignedIn who) {
        return who != null && who.roles().contains("bawaslu");
    }

    /** Operators, KPU and Bawaslu (read-only) may open the screens; anyone else is told where to go. */
    public static SignedIn requireStaff(SignedIn who, String screen) {
        if (isOperator(who) || isKpu(who) || isBawaslu(who)) {
            return who;
        }
        throw new StaffRefused("Halaman " + screen + " untuk operator partai, KPU dan Bawaslu. Anda masuk sebagai "
                + (who == null ? "tamu" : who.roleLabel()) + ".",
                "Masuk dengan akun operator partai atau KPU, atau buka halaman publik.");
    }

    /** A refusal of the service (403) as a page: the service's reason and what to do. */
    public static StaffRefused refusedBy(StaffApi.Answer answer, SignedIn who) {
        String advice = isOperator(who)
                ? "Anda masuk sebagai operator partai " + who.partyId() + ": buka halaman partai Anda sendiri."
                : "Jika Anda memerlukan akses ini, minta KPU yang berwenang; atau kembali ke halaman Anda.";
        return new StaffRefused(answer.detail(), advice);
    }
}
