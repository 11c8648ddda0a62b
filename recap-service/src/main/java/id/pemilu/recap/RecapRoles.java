package id.pemilu.recap;

import id.pemilu.common.security.Roles;

/** Method-security expressions for the realm roles that take part in the recap. */
public final class RecapRoles {

    /** Every role that works with C.Hasil data (party operators do not). */
    public static final String ANY_RECAP_ROLE =
            "hasAnyRole('kpps','ppk','kpu-kabkota','kpu-provinsi','kpu-ri','bawaslu')";

    /** Roles that follow the recap of a region (read-only here). */
    public static final String REGION_STAFF = "hasAnyRole('ppk','kpu-kabkota','kpu-provinsi','kpu-ri','bawaslu')";

    public static final String KPPS = "hasRole('kpps')";

    /** Roles that take part in recap sessions (rekapitulasi berjenjang): officers, Bawaslu and party witnesses. */
    public static final String SESSION_ROLES = "hasAnyRole('ppk','kpu-kabkota','kpu-provinsi','kpu-ri','bawaslu','"
            + Roles.SAKSI + "')";

    private RecapRoles() {
    }
}
