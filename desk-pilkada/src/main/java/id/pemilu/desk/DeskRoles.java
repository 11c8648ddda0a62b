package id.pemilu.desk;

/** Method-security expressions for the Desk Pilkada roles (names in common's {@code Roles}). */
public final class DeskRoles {

    public static final String PELAPOR = "hasRole('desk-pelapor')";
    public static final String DESK = "hasRole('desk-pilkada')";
    public static final String ANY = "hasAnyRole('desk-pelapor','desk-pilkada')";

    private DeskRoles() {
    }
}
