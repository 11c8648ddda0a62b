package id.pemilu.partyregistry.party;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.domain.DomainException;

/** Who may see or change a party's data: KPU RI anything, a party operator only its own party. */
public final class PartyAccess {

    private PartyAccess() {
    }

    public static boolean isKpu(Caller caller) {
        return caller.hasRole(Roles.KPU_RI) || caller.hasRole(Roles.KPU_PROVINSI) || caller.hasRole(Roles.KPU_KABKOTA);
    }

    /** Register or change the party itself: KPU RI, or the party's own operator. */
    public static void requireManage(Caller caller, String partyId) {
        if (caller.hasRole(Roles.KPU_RI)) {
            return;
        }
        if (caller.hasRole(Roles.PARTY_OPERATOR) && partyId.equals(caller.partyId())) {
            return;
        }
        throw DomainException.notPermitted("Anda hanya boleh mengelola data partai Anda sendiri.");
    }

    /** Before the party id is read: only KPU RI and party operators manage a party at all. */
    public static void requireManageSome(Caller caller) {
        if (!caller.hasRole(Roles.KPU_RI) && !caller.hasRole(Roles.PARTY_OPERATOR)) {
            throw DomainException.notPermitted("Anda hanya boleh mengelola data partai Anda sendiri.");
        }
    }

    /** See a party's members and reports: KPU, Bawaslu, or the party's own operator. */
    public static void requireView(Caller caller, String partyId) {
        if (isKpu(caller) || caller.hasRole(Roles.BAWASLU)) {
            return;
        }
        if (caller.hasRole(Roles.PARTY_OPERATOR) && partyId.equals(caller.partyId())) {
            return;
        }
        throw DomainException.notPermitted("Anda hanya boleh melihat data partai Anda sendiri.");
    }

    public static void requireKpuRi(Caller caller) {
        if (!caller.hasRole(Roles.KPU_RI)) {
            throw DomainException.notPermitted("Hanya KPU RI yang boleh melakukan ini.");
        }
    }
}
