package id.pemilu.candidates.dapil;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;

/** Which KPU officer administers the dapil of a body in an area (defines them, verifies lists, publishes DCS/DCT). */
public final class DapilAccess {

    private DapilAccess() {
    }

    /**
     * Whether the caller administers the dapil of some body somewhere (any KPU level): checked before a dapil is
     * looked up or an input read, so that other roles learn neither which dapil exist nor the input rules.
     */
    public static boolean administersSome(Caller caller) {
        return caller.hasRole(Roles.KPU_RI) || caller.hasRole(Roles.KPU_PROVINSI) || caller.hasRole(Roles.KPU_KABKOTA);
    }

    public static boolean canAdminister(Caller caller, ElectoralBody body, String areaCode) {
        if (caller.hasRole(Roles.KPU_RI)) {
            return true;
        }
        return switch (body) {
            case DPR -> false;
            case DPRD_PROVINSI, DPD -> caller.hasRole(Roles.KPU_PROVINSI) && caller.coversRegion(areaCode);
            case DPRD_KABKOTA -> (caller.hasRole(Roles.KPU_PROVINSI) || caller.hasRole(Roles.KPU_KABKOTA))
                    && caller.coversRegion(areaCode);
        };
    }
}
