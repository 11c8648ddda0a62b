package id.pemilu.desk;

/** Method-security expressions for the Desk Pilkada roles (names in common's {@code Roles}). */
public final class DeskRoles {

    public static final String PELAPOR = "hasRole('desk-pelapor')";
    public static final String DESK = "hasRole('desk-pilkada')";
    public static final String ANY = "hasAnyRole('desk-pelapor','desk-pilkada')";
    /** The national desk of the Ministry of Home Affairs (Kemendagri): reads every region, changes nothing. */
    public static final String NATIONAL_ROLE = "desk-nasional";
    /** Reading progress, reports, photos and exports: reporters, regional desks and the national desk. */
    public static final String READ = "hasAnyRole('desk-pelapor','desk-pilkada','desk-nasional')";

    private DeskRoles() {
    }
}
