package id.pemilu.recap;

/** Method-security expressions for the realm roles that take part in the recap. */
public final class RecapRoles {

    /** Every role that works with C.Hasil data (party operators do not). */
    public static final String ANY_RECAP_ROLE =
            "hasAnyRole('kpps','ppk','kpu-kabkota','kpu-provinsi','kpu-ri','bawaslu')";

    /** Roles that follow the recap of a region (read-only here). */
    public static final String REGION_STAFF = "hasAnyRole('ppk','kpu-kabkota','kpu-provinsi','kpu-ri','bawaslu')";

    public static final String KPPS = "hasRole('kpps')";

    private RecapRoles() {
    }
}
